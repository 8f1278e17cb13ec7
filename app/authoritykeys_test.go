package app

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sirupsen/logrus"

	"erpps/backend/signing"
	"erpps/backend/sqlite"
)

// With a server configured, the desktop fetches the authority's keys at
// start and keeps them: the next start, offline, still trusts them.
func TestAuthorityKeysFetchedAndKept(t *testing.T) {
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	local, err := signing.NewLocalSigner(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	authority, _ := signing.NewAuthority()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": authority.PublicKeys()})
	}))
	log := logrus.New()
	log.SetOutput(io.Discard)

	ring, done, stop, err := authorityVerifier(ctx, srv.URL, db, local, log)
	if err != nil {
		t.Fatal(err)
	}
	<-done
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if ids := ring.KeyIDs(); !slices.Contains(ids, authority.KeyID()) || !slices.Contains(ids, local.KeyID()) {
		t.Fatalf("trusted %v, want the local %s and the authority's %s", ids, local.KeyID(), authority.KeyID())
	}
	srv.Close()

	offline, _, stop, err := authorityVerifier(ctx, "", db, local, log)
	if err != nil {
		t.Fatal(err)
	}
	_ = stop()
	if !slices.Contains(offline.KeyIDs(), authority.KeyID()) {
		t.Errorf("offline, the kept key is not trusted: %v", offline.KeyIDs())
	}
}
