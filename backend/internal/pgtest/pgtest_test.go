package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestNewDatabase checks that each test gets its own empty database on a
// server that survives a restart.
func TestNewDatabase(t *testing.T) {
	ctx := context.Background()
	a, b := NewDatabase(t), NewDatabase(t)
	if a == b {
		t.Fatalf("two databases with one URL %s", a)
	}
	exec := func(url, sql string) {
		t.Helper()
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatalf("connect: %v", err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec(a, "CREATE TABLE x (n int); INSERT INTO x VALUES (1)")
	exec(b, "CREATE TABLE x (n int)") // a fresh database has no table x
	if err := ServerFor(t).Restart(); err != nil {
		t.Fatalf("restart: %v", err)
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatalf("connect after restart: %v", err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT n FROM x").Scan(&n); err != nil || n != 1 {
		t.Fatalf("after restart: n=%d err=%v", n, err)
	}
}

// TestMustFail: a machine without PostgreSQL or root skips, unless CI
// requires PostgreSQL; a server that fails to start always fails.
func TestMustFail(t *testing.T) {
	for _, tc := range []struct{ required, startFailed, want bool }{
		{false, false, false},
		{true, false, true},
		{false, true, true},
		{true, true, true},
	} {
		if got := mustFail(tc.required, tc.startFailed); got != tc.want {
			t.Errorf("mustFail(required=%v, startFailed=%v) = %v", tc.required, tc.startFailed, got)
		}
	}
	t.Setenv(RequireEnv, "1")
	if !Required() {
		t.Errorf("%s=1 is not required", RequireEnv)
	}
	t.Setenv(RequireEnv, "")
	if Required() {
		t.Errorf("%s empty is required", RequireEnv)
	}
}
