package signing

import (
	"context"
	"path/filepath"
	"testing"

	"erpps/backend/sqlite"
)

func TestLoadOrCreateLocalSignerKeepsTheKey(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	open := func() *sqlite.DB {
		db := sqlite.NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	first, err := LoadOrCreateLocalSigner(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = open()
	defer db.Close()
	again, err := LoadOrCreateLocalSigner(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if first.KeyID() != again.KeyID() {
		t.Fatalf("the key changed across restarts: %s then %s", first.KeyID(), again.KeyID())
	}
	sig, err := again.Sign([]byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if err := NewKeyRing(first.PublicKey()).Verify(first.KeyID(), []byte("x"), sig); err != nil {
		t.Fatalf("signature of the reloaded key does not verify: %v", err)
	}
}
