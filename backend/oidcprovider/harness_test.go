package oidcprovider_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/oidcclient"
	"erpps/backend/oidcprovider"
	"erpps/backend/sqlite"
)

// testRPPS is the practitioner who logs in (a valid Luhn key).
const testRPPS = "10001234567"

// approvals is the test's LoginCompleter: a transaction approved for one auth
// request, usable once, as the e-CPS service promises.
type approvals struct {
	mu   sync.Mutex
	tx   map[string]approval
	used map[string]bool
}

type approval struct {
	authRequest string
	account     *erpps.Account
}

func (a *approvals) approve(tx, authRequest string, acct *erpps.Account) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.tx[tx] = approval{authRequest, acct}
}

func (a *approvals) CompleteLogin(_ context.Context, tx, authRequest string) (*erpps.Account, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	ap, ok := a.tx[tx]
	if !ok || ap.authRequest != authRequest || a.used[tx] {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "Transaction inconnue, non approuvée ou déjà utilisée.")
	}
	a.used[tx] = true
	return ap.account, nil
}

// clock is a settable time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type harness struct {
	store     *sqlite.DB
	provider  *oidcprovider.Provider
	srv       *httptest.Server
	approvals *approvals
	account   *erpps.Account
	clock     *clock
	browser   *http.Client
}

// seed adds the practitioner and their account to a store.
func seed(t *testing.T, st erpps.ServerStore) *erpps.Account {
	t.Helper()
	ctx := context.Background()
	p := &erpps.Practitioner{RPPS: testRPPS, Civility: "MME", ExerciseCivility: "DR", BirthName: "MARTIN",
		ExerciseName: "MARTIN-DURAND", FirstName: "Claire",
		Professions: []erpps.Profession{{Code: "10", CategoryCode: "C"}},
		UpdatedAt:   time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := st.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	acct := &erpps.Account{ID: "pro-" + testRPPS, Login: testRPPS, Role: erpps.RoleProfessional, Name: "Dr Claire MARTIN-DURAND",
		RPPS: testRPPS, CreatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := st.CreateAccount(ctx, acct, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"); err != nil {
		t.Fatal(err)
	}
	return acct
}

// newHarness serves a provider over a real SQLite file on loopback.
func newHarness(t *testing.T) *harness {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "erpps-server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	h := &harness{store: st, approvals: &approvals{tx: map[string]approval{}, used: map[string]bool{}},
		clock: &clock{t: time.Now()}}
	h.account = seed(t, st)
	key, err := oidcprovider.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(h.srv.Close)
	h.provider, err = oidcprovider.New(oidcprovider.Config{Issuer: h.srv.URL, Store: st, Key: key, Login: h.approvals, Now: h.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	handler = h.provider
	h.browser = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return h
}

func (h *harness) client(t *testing.T, cfg oidcclient.Config) *oidcclient.Client {
	t.Helper()
	if cfg.Issuer == "" {
		cfg.Issuer = h.srv.URL
	}
	if cfg.Now == nil {
		cfg.Now = h.clock.Now
	}
	c, err := oidcclient.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// redirect GETs u and returns where the server sends the browser.
func (h *harness) redirect(t *testing.T, u string) *url.URL {
	t.Helper()
	resp, err := h.browser.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound && resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("GET %s: status %d, want a redirect", u, resp.StatusCode)
	}
	loc, err := resp.Location()
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// login plays the browser up to the provider's redirect to the client: the
// authorize endpoint, the login page's URL, the approved transaction, the
// completion. It returns the redirect to the client (code and state).
func (h *harness) login(t *testing.T, authURL string) *url.URL {
	t.Helper()
	page := h.redirect(t, authURL)
	if page.Path != oidcprovider.LoginPath {
		t.Fatalf("the authorize endpoint sent to %s, want the login page %s", page.Path, oidcprovider.LoginPath)
	}
	id := page.Query().Get("authRequest")
	if id == "" {
		t.Fatal("no authRequest in the login page's URL")
	}
	tx := "tx-" + id
	h.approvals.approve(tx, id, h.account)
	back := h.redirect(t, h.srv.URL+oidcprovider.CompleteURL(id, tx))
	return back
}

// follow delivers the provider's redirect to the client's loopback listener.
func follow(t *testing.T, back *url.URL) {
	t.Helper()
	resp, err := http.Get(back.String())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func wantProviderError(t *testing.T, err error, code string) {
	t.Helper()
	var pe *oidcclient.ProviderError
	if !errors.As(err, &pe) || pe.Code != code {
		t.Fatalf("err = %v, want the provider's %s", err, code)
	}
}

func hasAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
