package postgres

import (
	"context"
	"sync"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
)

// TestOpenMigrates checks that Open brings a fresh database to the schema
// of this build, that Ready says so, and that opening again changes nothing.
func TestOpenMigrates(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	db, err := Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer db.Close()
	if code := erpps.ErrorCode(db.Ready(ctx)); code != erpps.EUNAVAILABLE {
		t.Fatalf("ready before migrating: %q, want %q", code, erpps.EUNAVAILABLE)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if err := db.Ready(ctx); err != nil {
		t.Fatalf("ready: %v", err)
	}
	again := mustOpenURL(t, url)
	if v, err := again.schemaVersion(ctx); err != nil || v != len(again.migrations) {
		t.Fatalf("version %d (%v), want %d", v, err, len(again.migrations))
	}
}

// TestMigrateConcurrently checks that processes starting together on an
// empty database apply each migration once (the advisory lock).
func TestMigrateConcurrently(t *testing.T) {
	url := pgtest.NewDatabase(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(context.Background(), url)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
	db := mustOpenURL(t, url)
	var n int
	if err := db.pool.QueryRow(context.Background(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(db.migrations) {
		t.Fatalf("%d migrations recorded (%v), want %d", n, err, len(db.migrations))
	}
}

// TestNewerSchema checks that a database migrated by a newer version is
// refused (ESTORENEWER) and left alone.
func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	db := mustOpenURL(t, url)
	if _, err := db.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctx, url)
	if code := erpps.ErrorCode(err); code != erpps.ESTORENEWER {
		t.Fatalf("open a newer database: %v, want %s", err, erpps.ESTORENEWER)
	}
	if code := erpps.ErrorCode(db.Ready(ctx)); code != erpps.EUNAVAILABLE {
		t.Fatalf("ready on a newer database: %q", code)
	}
}

// TestOpenUnreachable checks that a server nobody listens on is EUNAVAILABLE.
func TestOpenUnreachable(t *testing.T) {
	_, err := Open(context.Background(), "postgres://postgres@127.0.0.1:1/x?sslmode=disable&connect_timeout=2")
	if code := erpps.ErrorCode(err); code != erpps.EUNAVAILABLE {
		t.Fatalf("open: %v, want %s", err, erpps.EUNAVAILABLE)
	}
}
