package e2e

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
)

// TestWebRefusesNonLoopbackAddresses: browser mode serves this computer only;
// an address that other machines could reach is refused before listening.
func TestWebRefusesNonLoopbackAddresses(t *testing.T) {
	addrs := []string{"0.0.0.0:0", ":0", "[::]:0"}
	if ifaddrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range ifaddrs {
			if ipnet, ok := a.(*net.IPNet); ok && !ipnet.IP.IsLoopback() && ipnet.IP.To4() != nil {
				addrs = append(addrs, net.JoinHostPort(ipnet.IP.String(), "0")) // a LAN address
				break
			}
		}
	}
	for _, addr := range addrs {
		t.Run(addr, func(t *testing.T) {
			code, stderr := runBinary(t, "web", "--addr", addr, "--data", t.TempDir())
			if code != 2 || !strings.Contains(stderr, "refusée") || !strings.Contains(stderr, "127.0.0.1") {
				t.Fatalf("exit code %d, stderr %q; want 2 and a French refusal", code, stderr)
			}
		})
	}
}

// TestWebNeedsTheRunSecret: erpps web prints an address with a per-run token;
// opening it sets a SameSite=Strict, HttpOnly cookie and redirects to the
// address without the token; without the cookie every API call is refused,
// also a fetch made by the page itself; the token never reaches erpps.log.
func TestWebNeedsTheRunSecret(t *testing.T) {
	data := t.TempDir()
	srv := startServer(t, data)
	if len(srv.Token) < 32 {
		t.Fatalf("erpps web printed %q: no per-run token in the address to open", srv.OpenURL)
	}

	bare := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := bare.Post(srv.URL+"/api/AppInfo", "application/json", strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	var e erpps.Error
	_ = json.NewDecoder(res.Body).Decode(&e)
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized || e.Code != erpps.EFORBIDDEN || e.Message == "" {
		t.Fatalf("API call without the cookie: HTTP %d %+v; want 401 forbidden with a message", res.StatusCode, e)
	}

	res, err = bare.Get(srv.URL + "/?token=" + strings.Repeat("0", len(srv.Token)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || len(res.Cookies()) != 0 {
		t.Fatalf("a wrong token: HTTP %d, cookies %v; want 403 and none", res.StatusCode, res.Cookies())
	}

	res, err = bare.Get(srv.OpenURL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cookies := res.Cookies()
	if res.StatusCode != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("the printed address: HTTP %d, cookies %v; want 303 and one cookie", res.StatusCode, cookies)
	}
	c := cookies[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || strings.Contains(c.Value, srv.Token) {
		t.Fatalf("cookie %s; want HttpOnly, SameSite=Strict, Path=/, not the token itself", c)
	}
	if loc := res.Header.Get("Location"); strings.Contains(loc, "token") {
		t.Fatalf("redirected to %q, which still holds the token", loc)
	}

	// The browser was signed in by the harness (it opened srv.OpenURL).
	ctx := newBrowser(t)
	step(t, ctx, "open the entry page", chromedp.Navigate(srv.URL+"/"))
	waitText(t, ctx, "Bienvenue sur le portail d'enregistrement eRPPS")
	fetchStatus := func(credentials string) int {
		t.Helper()
		status, err := chromedp.Run(ctx, chromedp.Evaluate[int](`fetch("/api/AppInfo", {method: "POST", credentials: "`+credentials+`", headers: {"Content-Type": "application/json"}, body: "[]"}).then(r => r.status)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return status
	}
	if got := fetchStatus("same-origin"); got != http.StatusOK {
		t.Fatalf("the page's own fetch: HTTP %d, want 200", got)
	}
	if got := fetchStatus("omit"); got != http.StatusUnauthorized {
		t.Fatalf("a fetch without the cookie: HTTP %d, want 401", got)
	}
	if jsCookies, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.cookie")); err != nil || jsCookies != "" {
		t.Fatalf("the page's script sees cookies %q (%v); the session cookie must be HttpOnly", jsCookies, err)
	}

	srv.stop(t)
	logText, err := os.ReadFile(filepath.Join(data, "erpps.log"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(logText), srv.Token) {
		t.Fatal("the token is in erpps.log")
	}
}
