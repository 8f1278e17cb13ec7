package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/attestation"
	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/server"
	"erpps/backend/signing"
	"erpps/backend/sqlite"
	"erpps/backend/syncserver"
)

// recordingSource is the server's issuer, keeping what it sends (before
// sending it: the client may have it before Issue returns).
type recordingSource struct {
	*attestation.Issuer
	mu     sync.Mutex
	issued []*attestation.Issued
}

func (r *recordingSource) Issue(ctx context.Context, rpps string, deliver func(*attestation.Issued) error) (*attestation.Issued, error) {
	return r.Issuer.Issue(ctx, rpps, func(issued *attestation.Issued) error {
		r.mu.Lock()
		r.issued = append(r.issued, issued)
		r.mu.Unlock()
		return deliver(issued)
	})
}

func (r *recordingSource) last(t *testing.T) *attestation.Issued {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.issued) == 0 {
		t.Fatal("the server issued no attestation")
	}
	return r.issued[len(r.issued)-1]
}

func (r *recordingSource) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.issued)
}

// eRPPSServer is a real erpps-server handler over a SQLite file, on
// loopback, holding the practitioner p and their account.
type eRPPSServer struct {
	srv       *httptest.Server
	authority *signing.Authority
	source    *recordingSource
	store     *sqlite.DB
}

const serverPassword = "mot de passe du serveur de test"

func startERPPSServer(t *testing.T, p *erpps.Practitioner) *eRPPSServer {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := store.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(serverPassword)
	if err != nil {
		t.Fatal(err)
	}
	acct := &erpps.Account{ID: "rpps:" + p.RPPS, Login: p.RPPS, Role: erpps.RoleProfessional, Name: p.FirstName + " " + p.ExerciseName, RPPS: p.RPPS, CreatedAt: time.Now().UTC()}
	if err := store.CreateAccount(ctx, acct, hash); err != nil {
		t.Fatal(err)
	}
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	authority, err := signing.NewAuthority()
	if err != nil {
		t.Fatal(err)
	}
	renderer, err := attestation.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	source := &recordingSource{Issuer: &attestation.Issuer{
		Practitioners: store, Registry: store, Catalog: cat, Signer: authority,
		Verifier: authority.KeyRing(), Renderer: renderer, Now: time.Now,
	}}
	deleg := &delegation.Service{Store: store, Now: time.Now}
	reqs := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: cat, Now: time.Now, Mandates: deleg}
	h, err := server.New(server.Config{
		Store: store, Catalog: cat,
		Requests:     reqs,
		Sync:         &syncserver.Service{Store: store, Requests: reqs, Now: time.Now},
		BackOffice:   &backoffice.Service{Store: store, Catalog: cat, Now: time.Now},
		Delegation:   deleg,
		Auth:         &auth.PasswordAuthenticator{Accounts: store},
		Sessions:     &auth.Sessions{Store: store, TTL: time.Hour},
		Attestations: source,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &eRPPSServer{srv: srv, authority: authority, source: source, store: store}
}

// nextNumber is the number the next attestation of this year would take in
// registry: unchanged when none was issued.
func nextNumber(t *testing.T, registry erpps.AttestationRegistry) string {
	t.Helper()
	n, err := registry.PeekAttestationNumber(context.Background(), time.Now().Year())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// signInAsDevice keeps in the desktop's settings what « Serveur eRPPS »
// keeps once signed in: the server, the account and a bearer token the
// server gave.
func signInAsDevice(t *testing.T, a *App, s *eRPPSServer, p *erpps.Practitioner) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"login": p.RPPS, "password": serverPassword, "bearer": true})
	res, err := s.srv.Client().Post(s.srv.URL+"/api/v1/session", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var reply serverSession
	if err := json.NewDecoder(res.Body).Decode(&reply); err != nil || res.StatusCode != http.StatusCreated || reply.Token == "" {
		t.Fatalf("sign in: HTTP %d, %v", res.StatusCode, err)
	}
	ctx := context.Background()
	if err := a.sync.deps.Settings.SetSetting(ctx, settingServerToken, []byte(reply.Token)); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	stored := storedServer{URL: s.srv.URL, Account: &reply.Session.Account, SignedInAt: &now}
	if err := saveServer(ctx, a.sync.deps.Settings, &stored); err != nil {
		t.Fatal(err)
	}
	a.sync.keep(stored)
}

// A desktop signed in to a server (« Serveur eRPPS ») saves the attestation
// the server signed with the authority's key, and issues its offline
// preview when signed out, when the server refuses its token, and when the
// server is unreachable.
func TestAttestationFromTheServerWhenSignedIn(t *testing.T) {
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	p := list[0]
	s := startERPPSServer(t, p)

	a := mustOpenApp(t)
	signIn := func() { t.Helper(); signInAsDevice(t, a, s, p) }
	signIn()
	local := a.deps.Attestations.Registry
	dir := t.TempDir()
	save := func(name string) []byte {
		t.Helper()
		a.deps.Dialogs = pathDialogs{path: filepath.Join(dir, name)}
		saved, err := a.SaveAttestation(p.RPPS)
		if err != nil {
			t.Fatalf("SaveAttestation: %v", err)
		}
		pdf, err := os.ReadFile(saved.Path)
		if err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
			t.Fatalf("saved file is not a PDF: %v", err)
		}
		return pdf
	}

	localBefore, serverBefore := nextNumber(t, local), nextNumber(t, s.store)
	pdf := save("serveur.pdf")
	issued := s.source.last(t)
	if !bytes.Equal(pdf, issued.PDF) {
		t.Fatal("the saved PDF is not the one the server sent")
	}
	v, err := attestation.Verify(issued.Payload, s.authority.KeyRing())
	if err != nil || v.KeyID != s.authority.KeyID() || v.RPPS != p.RPPS {
		t.Fatalf("the server's attestation: %+v, %v", v, err)
	}
	if nextNumber(t, local) != localBefore {
		t.Error("the desktop took a local number for the server's attestation")
	}
	if nextNumber(t, s.store) == serverBefore {
		t.Error("the server recorded no number")
	}

	// Browser mode: the download link serves the server's attestation too.
	web := withSession(t, serveApp(t, a))
	res, err := web.Client().Get(web.URL + "/api/attestation/" + p.RPPS + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !bytes.Equal(got, s.source.last(t).PDF) || s.source.count() != 2 {
		t.Fatalf("browser-mode download: HTTP %d, %d bytes, the server issued %d", res.StatusCode, len(got), s.source.count())
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "attestation-rpps-"+p.RPPS) {
		t.Errorf("Content-Disposition %q", cd)
	}

	offline := func(name string) {
		t.Helper()
		before, issuedBefore := nextNumber(t, local), s.source.count()
		pdf := save(name + ".pdf")
		if nextNumber(t, local) == before {
			t.Errorf("%s: no offline preview was issued", name)
		}
		if s.source.count() != issuedBefore || bytes.Equal(pdf, issued.PDF) {
			t.Errorf("%s: the server's attestation was saved", name)
		}
	}
	if _, err := a.DisconnectServer(); err != nil {
		t.Fatal(err)
	}
	offline("deconnecte")

	// The server revokes the device's session: its token is refused.
	signIn()
	token, err := loadToken(context.Background(), a.sync.deps.Settings)
	if err != nil || token == "" {
		t.Fatalf("the device's token: %v", err)
	}
	req, _ := http.NewRequest(http.MethodDelete, s.srv.URL+"/api/v1/session", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if res, err := s.srv.Client().Do(req); err != nil || res.StatusCode != http.StatusNoContent {
		t.Fatalf("revoking the device's session: %v %v", res, err)
	}
	offline("jeton-revoque")

	signIn()
	s.srv.Close()
	offline("serveur-injoignable")
}
