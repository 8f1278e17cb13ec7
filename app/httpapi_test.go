package app

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"erpps/backend/demo"
	"erpps/backend/erpps"
)

// mustOpenApp opens the application on a data folder in t.TempDir(), with
// the demo records.
func mustOpenApp(t *testing.T) *App {
	t.Helper()
	a, closeFn, err := Open(context.Background(), Config{DataDir: t.TempDir(), Mode: ModeWeb, Demo: true, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = closeFn() })
	return a
}

// testToken is the per-run secret of the servers of these tests.
const testToken = "test-token-0123456789abcdefghijklmnopqrstuv"

// mustServer serves the application in browser mode; its client holds the
// session cookie (it opened the address with the token).
func mustServer(t *testing.T) *httptest.Server {
	t.Helper()
	return withSession(t, mustServerWithoutSession(t))
}

// withSession gives srv's client the session cookie, as a browser that
// opened the address with the token.
func withSession(t *testing.T, srv *httptest.Server) *httptest.Server {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	srv.Client().Jar = jar
	res, err := srv.Client().Get(srv.URL + "/?token=" + testToken)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || len(jar.Cookies(res.Request.URL)) != 1 {
		t.Fatalf("token exchange: HTTP %d, cookies %v", res.StatusCode, jar.Cookies(res.Request.URL))
	}
	return srv
}

func mustServerWithoutSession(t *testing.T) *httptest.Server {
	t.Helper()
	return serveApp(t, mustOpenApp(t))
}

// serveApp serves a in browser mode, with no session yet.
func serveApp(t *testing.T, a *App) *httptest.Server {
	t.Helper()
	assets := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><title>eRPPS</title>")},
		"assets/app.js": {Data: []byte("console.log(1)")},
	}
	h, err := NewHTTPHandler(a, assets, newWebAuth(testToken))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, method, body string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/"+method, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func TestHTTPAdapterCallsTheBoundMethods(t *testing.T) {
	srv := mustServer(t)
	rpps := func() string {
		list, err := demo.Generate(demo.Count, demo.Seed)
		if err != nil {
			t.Fatal(err)
		}
		return list[0].RPPS
	}()
	res, body := post(t, srv, "GetPractitioner", `["`+rpps+`"]`, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	var p erpps.Practitioner
	if err := json.Unmarshal(body, &p); err != nil || p.RPPS != rpps || len(p.Activities) == 0 {
		t.Fatalf("practitioner %+v, %v", p, err)
	}
	res, body = post(t, srv, "ListPractitioners", `[{"query":"","limit":5}]`, nil)
	var list []erpps.PractitionerSummary
	if err := json.Unmarshal(body, &list); err != nil || res.StatusCode != 200 || len(list) != 5 {
		t.Fatalf("list: %d %s", res.StatusCode, body)
	}
	res, body = post(t, srv, "SyncState", `[]`, nil)
	if res.StatusCode != 200 || strings.TrimSpace(string(body)) != `{"state":"local"}` {
		t.Fatalf("sync state: %d %s", res.StatusCode, body)
	}
	res, body = post(t, srv, "ReferenceData", `[]`, nil)
	if res.StatusCode != 200 || !strings.Contains(string(body), `"TRE_R25"`) {
		t.Fatalf("reference data: %d %.200s", res.StatusCode, body)
	}
}

// TestConnectionIdentifier: the help page's IDNPS comes from Go, through the
// same adapter as every method.
func TestConnectionIdentifier(t *testing.T) {
	srv := mustServer(t)
	tests := []struct {
		name, typed string
		status      int
		want        string
	}{
		{"Complete", "997 007 711 91", 200, `{"idnps":"899700771191","missing":0}`},
		{"Started", "9970", 200, `{"idnps":"","missing":7}`},
		{"ErrLetters", "99A", 400, `"code":"invalid"`},
		{"ErrTooLong", "997007711910", 400, "vous en avez saisi 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arg, _ := json.Marshal([]string{tt.typed})
			res, body := post(t, srv, "ConnectionIdentifier", string(arg), nil)
			if res.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
				t.Fatalf("%d %s, want %d with %s", res.StatusCode, body, tt.status, tt.want)
			}
		})
	}
}

func TestHTTPAdapterErrors(t *testing.T) {
	srv := mustServer(t)
	tests := []struct {
		name, method, body string
		header             map[string]string
		status             int
		code               string
	}{
		{"ErrNotFound", "GetPractitioner", `["` + unknownDemoRPPS + `"]`, nil, 404, erpps.ENOTFOUND},
		{"ErrNotOpenable", "GetPractitioner", `["10000000008"]`, nil, 403, erpps.EFORBIDDEN},
		{"ErrUnknownMethod", "DropTables", `[]`, nil, 404, erpps.ENOTFOUND},
		{"ErrArgumentCount", "GetPractitioner", `[]`, nil, 400, erpps.EINVALID},
		{"ErrArgumentType", "GetPractitioner", `[42]`, nil, 400, erpps.EINVALID},
		{"ErrNotAnArray", "GetPractitioner", `{"rpps":"1"}`, nil, 400, erpps.EINVALID},
		{"ErrNotJSON", "GetPractitioner", `["1"]`, map[string]string{"Content-Type": "text/plain"}, 400, erpps.EINVALID},
		{"ErrForeignOrigin", "ListPractitioners", `[{}]`, map[string]string{"Origin": "https://evil.example"}, 403, ""},
		{"ErrForeignHost", "ListPractitioners", `[{}]`, map[string]string{"Host": "evil.example:8080"}, 403, ""},
		{"ErrCrossSite", "ListPractitioners", `[{}]`, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := post(t, srv, tt.method, tt.body, tt.header)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.status, body)
			}
			if tt.code == "" {
				return
			}
			var e erpps.Error
			if err := json.Unmarshal(body, &e); err != nil || e.Code != tt.code || e.Message == "" {
				t.Fatalf("error body %s (%v), want code %s with a message", body, err, tt.code)
			}
		})
	}
}

func TestHTTPAdapterServesTheUI(t *testing.T) {
	srv := mustServer(t)
	for path, want := range map[string]string{"/": "<title>eRPPS</title>", "/assets/app.js": "console.log", "/deep/link": "<title>eRPPS</title>"} {
		res, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Fatalf("GET %s: %d %q", path, res.StatusCode, b)
		}
		if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("GET %s lacks the protective headers", path)
		}
	}
}

func TestFormatErrorHidesInternalCauses(t *testing.T) {
	a := New(context.Background(), Deps{})
	e := FormatError(a)(io.ErrUnexpectedEOF).(*erpps.Error)
	if e.Code != erpps.EINTERNAL || strings.Contains(e.Message, "EOF") {
		t.Fatalf("internal error leaked: %+v", e)
	}
	e = FormatError(a)(erpps.Invalid("Corrigez.", erpps.FieldError{Field: "email", Code: "format", Message: "Adresse invalide."})).(*erpps.Error)
	if e.Code != erpps.EINVALID || len(e.Fields) != 1 {
		t.Fatalf("field errors lost: %+v", e)
	}
}

func TestKioskKeepsNothing(t *testing.T) {
	a, closeFn, err := Open(context.Background(), Config{Mode: ModeKiosk, Demo: true, TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	dir := a.deps.Info.DataDir
	if _, err := os.Stat(filepath.Join(dir, "erpps.db")); err != nil {
		t.Fatalf("the kiosk's store is missing: %v", err)
	}
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the kiosk's folder %s is still there (%v)", dir, err)
	}
}

func TestKioskRefusesAGivenFolder(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("à garder"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := Open(context.Background(), Config{Mode: ModeKiosk, DataDir: dir, TempDir: t.TempDir()})
	if err != ErrKioskDataDir {
		t.Fatalf("Open = %v, want ErrKioskDataDir", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Fatalf("the given folder lost a file: %v", err)
	}
}
