package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// A burst of sign-ins waits for a free password check; one waiting too
// long answers unavailable, and nothing is opened.
func TestSignInsBounded(t *testing.T) {
	e := newEnv(t)
	e.srv.cfg.SignInWait = 50 * time.Millisecond
	for range cap(e.srv.signIns) {
		e.srv.signIns <- struct{}{}
	}
	body := map[string]any{"login": loginAgentA, "password": password}
	r := e.do(call{method: "POST", path: "/api/v1/session", body: body})
	if r.status != http.StatusServiceUnavailable || r.errorCode(t) != erpps.EUNAVAILABLE || len(r.header.Values("Set-Cookie")) != 0 {
		t.Fatalf("sign in with every check busy: %d %s", r.status, r.body)
	}
	<-e.srv.signIns
	if r := e.do(call{method: "POST", path: "/api/v1/session", body: body}); r.status != http.StatusCreated {
		t.Fatalf("sign in with a check free: %d %s", r.status, r.body)
	}
	if len(e.srv.signIns) != cap(e.srv.signIns)-1 {
		t.Fatalf("a sign-in kept its slot: %d of %d busy", len(e.srv.signIns), cap(e.srv.signIns))
	}
}

// The access log names the route, never the path (RPPS numbers, ids), and
// holds no token.
func TestAccessLogHoldsNoPersonalData(t *testing.T) {
	e := newEnv(t)
	var buf bytes.Buffer
	e.srv.log = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	token := e.signIn(e.a.RPPS)
	if r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS, token: token}); r.status != http.StatusOK {
		t.Fatalf("record: %d", r.status)
	}
	log := buf.String()
	if !strings.Contains(log, `route="GET /api/v1/practitioners/{rpps}"`) || !strings.Contains(log, "status=200") {
		t.Fatalf("access log without the route or the status:\n%s", log)
	}
	for _, secret := range []string{e.a.RPPS, token, password} {
		if strings.Contains(log, secret) {
			t.Fatalf("the log holds %q:\n%s", secret, log)
		}
	}
}
