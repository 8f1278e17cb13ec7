package signing

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"erpps/backend/erpps"
)

// keysServer publishes the keys of *a at /api/v1/keys as erpps-server does.
func keysServer(t *testing.T, a *atomic.Pointer[Authority], tamper func([]PublicKeyInfo)) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != KeysPath {
			http.NotFound(w, r)
			return
		}
		keys := a.Load().PublicKeys()
		if tamper != nil {
			tamper(keys)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": keys})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A desktop keeps the server's keys and verifies offline, the retired keys
// included.
func TestTrustedKeysVerifyOffline(t *testing.T) {
	ctx := context.Background()
	db := openStore(t, filepath.Join(t.TempDir(), "erpps.db"))
	defer db.Close()
	first, _ := NewAuthority()
	var current atomic.Pointer[Authority]
	current.Store(first)
	srv := keysServer(t, &current, nil)

	ring := NewKeyRing()
	if err := RefreshTrustedKeys(ctx, srv.Client(), srv.URL+"/", db, ring); err != nil {
		t.Fatal(err)
	}
	oldSig, _ := first.Sign([]byte("attestation 1"))
	if err := ring.Verify(first.KeyID(), []byte("attestation 1"), oldSig); err != nil {
		t.Fatalf("the fetched key does not verify: %v", err)
	}

	// The server rotates; the desktop refreshes, then goes offline.
	second, _ := first.Rotated()
	current.Store(second)
	if err := RefreshTrustedKeys(ctx, srv.Client(), srv.URL, db, ring); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	kept, err := LoadTrustedKeys(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	offline := NewKeyRing()
	for _, k := range kept {
		if err := offline.Add(k.PublicKey); err != nil {
			t.Fatal(err)
		}
	}
	newSig, _ := second.Sign([]byte("attestation 2"))
	if err := offline.Verify(second.KeyID(), []byte("attestation 2"), newSig); err != nil {
		t.Errorf("offline, the new key does not verify: %v", err)
	}
	if err := offline.Verify(first.KeyID(), []byte("attestation 1"), oldSig); err != nil {
		t.Errorf("offline, the retired key does not verify: %v", err)
	}
	if len(kept) != 2 || kept[0].KeyID != first.KeyID() || kept[0].Current || !kept[1].Current {
		t.Errorf("kept %+v", kept)
	}
	stranger, _ := NewAuthority()
	sig, _ := stranger.Sign([]byte("attestation 2"))
	if err := offline.Verify(stranger.KeyID(), []byte("attestation 2"), sig); err == nil {
		t.Error("a key the server never published verifies")
	}
	if err := RefreshTrustedKeys(ctx, http.DefaultClient, srv.URL, db, ring); erpps.ErrorCode(err) != erpps.EUNAVAILABLE {
		t.Errorf("server down: %v", err)
	}
	if again, _ := LoadTrustedKeys(ctx, db); len(again) != 2 {
		t.Errorf("a failed refresh lost keys: %v", again)
	}
}

func TestTrustedKeysRefused(t *testing.T) {
	ctx := context.Background()
	for name, tamper := range map[string]func([]PublicKeyInfo){
		"ErrKeyIDMismatch": func(k []PublicKeyInfo) { k[0].KeyID = "aaaaaaaaaaaaa" },
		"ErrShortKey":      func(k []PublicKeyInfo) { k[0].PublicKey = k[0].PublicKey[:16] },
		"ErrAlgorithm":     func(k []PublicKeyInfo) { k[0].Algorithm = "RSA" },
	} {
		t.Run(name, func(t *testing.T) {
			db := openStore(t, filepath.Join(t.TempDir(), "erpps.db"))
			defer db.Close()
			a, _ := NewAuthority()
			var p atomic.Pointer[Authority]
			p.Store(a)
			srv := keysServer(t, &p, tamper)
			ring := NewKeyRing()
			if err := RefreshTrustedKeys(ctx, srv.Client(), srv.URL, db, ring); erpps.ErrorCode(err) != erpps.EINVALID {
				t.Fatalf("got %v", err)
			}
			if kept, _ := LoadTrustedKeys(ctx, db); len(kept) != 0 || len(ring.KeyIDs()) != 0 {
				t.Errorf("a bad key was kept: %v %v", kept, ring.KeyIDs())
			}
		})
	}
	if _, err := FetchAuthorityKeys(ctx, http.DefaultClient, "ftp://x"); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Errorf("bad URL: %v", err)
	}
}
