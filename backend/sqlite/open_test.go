package sqlite

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()

	t.Run("Migrations", func(t *testing.T) {
		db := MustOpenDB(t)
		migrations, err := loadMigrations()
		if err != nil {
			t.Fatal(err)
		}
		if got := userVersion(t, db.Path()); got != len(migrations) || got < 1 {
			t.Fatalf("user_version = %d, want %d", got, len(migrations))
		}
		for _, table := range []string{"practitioners", "professions", "activities", "requests",
			"request_events", "replica_mutations", "replica_state", "settings", "attestations", "attestation_counters"} {
			var n int
			if err := db.read.QueryRowContext(ctx,
				`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil || n != 1 {
				t.Errorf("table %s: count %d, err %v", table, n, err)
			}
		}
		var mode string
		if err := db.write.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v; want wal", mode, err)
		}
		var fk int
		if err := db.read.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("foreign_keys on readers = %d, %v; want 1", fk, err)
		}
	})

	t.Run("ReopenIsIdempotent", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "erpps.db")
		for i := range 3 {
			db := NewDB(path)
			if err := db.Open(ctx); err != nil {
				t.Fatalf("open #%d: %v", i, err)
			}
			if i == 0 {
				mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
			}
			if _, err := db.FindPractitionerByRPPS(ctx, "10000000001"); err != nil {
				t.Fatalf("open #%d: %v", i, err)
			}
			MustCloseDB(t, db)
		}
	})

	t.Run("EmptyFileIsANewStore", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "erpps.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		db := NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
	})

	t.Run("PathWithSpecialCharacters", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "Données d'été #1 ?%20 100%")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "erpps.db")
		db := NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("the file was not created at its path: %v", err)
		}
	})

	t.Run("ErrOpenTwice", func(t *testing.T) {
		db := MustOpenDB(t)
		if err := db.Open(ctx); err == nil {
			t.Fatal("a second Open succeeded")
		}
	})

	t.Run("ErrUnknownSynchronous", func(t *testing.T) {
		db := NewDB(filepath.Join(t.TempDir(), "erpps.db"))
		db.Synchronous = "SOMETIMES"
		if err := db.Open(ctx); err == nil {
			t.Fatal("Open accepted an unknown synchronous setting")
		}
	})
}

func TestOpenNewerStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "erpps.db")
	db := NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	if _, err := db.write.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	MustCloseDB(t, db)

	before := fileSum(t, path)
	err := NewDB(path).Open(context.Background())
	e := wantCode(t, err, erpps.ESTORENEWER)
	if !strings.Contains(e.Message, path) || !strings.Contains(e.Message, "version plus récente d'eRPPS Desktop") {
		t.Errorf("message = %q", e.Message)
	}
	if after := fileSum(t, path); after != before {
		t.Fatal("the newer file was modified")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("a %s file appeared beside the newer file", suffix)
		}
	}
	if got := userVersion(t, path); got != 999 {
		t.Fatalf("user_version = %d, want 999", got)
	}
}

// TestOpenNewerInLog covers a newer version whose schema change is still in
// the write-ahead log (the header does not show it yet).
func TestOpenNewerInLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "erpps.db")
	db := NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.write.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no write-ahead log: %v", err)
	}
	before := fileSum(t, path)
	err := NewDB(path).Open(context.Background())
	wantCode(t, err, erpps.ESTORENEWER)
	if after := fileSum(t, path); after != before {
		t.Fatal("the newer file was modified")
	}
}

func TestOpenDamagedStore(t *testing.T) {
	valid := makeStoreFile(t, 300)
	validBytes, err := os.ReadFile(valid)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	if len(validBytes) < 10*pageSize {
		t.Fatalf("the sample store is too small: %d bytes", len(validBytes))
	}
	random := make([]byte, 8192)
	rand.Read(random)

	tests := []struct {
		name    string
		content []byte
	}{
		{"RandomBytes", random},
		{"TextFile", []byte("Ceci n'est pas une base de données.\n")},
		{"ShorterThanHeader", validBytes[:50]},
		{"HeaderOnly", validBytes[:100]},
		{"FirstPageOnly", validBytes[:pageSize]},
		{"TruncatedHalf", validBytes[:len(validBytes)/2]},
		{"TruncatedMidPage", validBytes[:len(validBytes)/2+1234]},
		{"BadPageSize", withBytes(validBytes, 16, []byte{0x03, 0x00})},
		{"GarbagePages", withBytes(validBytes, 3*pageSize, random)},
		{"ZeroedLastPages", withBytes(validBytes, len(validBytes)-2*pageSize, make([]byte, 2*pageSize))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "erpps.db")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileSum(t, path)
			db := NewDB(path)
			err := db.Open(context.Background())
			if err == nil {
				db.Close()
			}
			e := wantCode(t, err, erpps.ESTORECORRUPT)
			if !strings.Contains(e.Message, path) || !strings.Contains(e.Message, "est endommagé ; il n'a pas été modifié") {
				t.Errorf("message = %q", e.Message)
			}
			if after := fileSum(t, path); after != before {
				t.Fatal("the damaged file was modified")
			}
		})
	}
}

func TestIntegrityCheck(t *testing.T) {
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// makeStoreFile writes a closed store holding n drafts and returns its path.
func makeStoreFile(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "sample.db")
	db := NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		tb.Fatal(err)
	}
	mustSavePractitioner(tb, db, "10000000001", "Testeur", "Alix")
	for i := range n {
		mustCreateDraft(tb, db, "10000000001", fmt.Sprintf(`{"n":%d,"text":%q}`, i, strings.Repeat("x", 200)))
	}
	MustCloseDB(tb, db)
	return path
}

// withBytes returns a copy of b with patch written at offset.
func withBytes(b []byte, offset int, patch []byte) []byte {
	out := bytes.Clone(b)
	copy(out[offset:], patch)
	return out
}

func fileSum(tb testing.TB, path string) [32]byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return sha256.Sum256(data)
}

// userVersion reads the schema version of a closed store, read-only.
func userVersion(tb testing.TB, path string) int {
	tb.Helper()
	ro, err := sql.Open("sqlite", dsn(path)+"mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer ro.Close()
	var v int
	if err := ro.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		tb.Fatal(err)
	}
	return v
}
