package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestWebAuthRefusesCallsWithoutTheSession(t *testing.T) {
	srv := mustServerWithoutSession(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	call := func(t *testing.T, path string, cookie *http.Cookie) (int, erpps.Error) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader("[]"))
		req.Header.Set("Content-Type", "application/json")
		if cookie != nil {
			req.AddCookie(cookie)
		}
		res, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var e erpps.Error
		_ = json.NewDecoder(res.Body).Decode(&e)
		return res.StatusCode, e
	}
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]

	t.Run("ErrNoCookie", func(t *testing.T) {
		status, e := call(t, "/api/AppInfo", nil)
		if status != http.StatusUnauthorized || e.Code != erpps.EFORBIDDEN || !strings.Contains(e.Message, "jeton") {
			t.Fatalf("HTTP %d %+v; want 401 forbidden in French", status, e)
		}
	})
	t.Run("ErrWrongCookie", func(t *testing.T) {
		status, e := call(t, "/api/AppInfo", &http.Cookie{Name: "erpps-session-" + port, Value: "guess"})
		if status != http.StatusForbidden || e.Code != erpps.EFORBIDDEN {
			t.Fatalf("HTTP %d %+v; want 403 forbidden", status, e)
		}
	})
	t.Run("ErrWrongToken", func(t *testing.T) {
		res, err := noRedirect.Get(srv.URL + "/?token=" + strings.Repeat("x", len(testToken)))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden || len(res.Cookies()) != 0 {
			t.Fatalf("HTTP %d, cookies %v; want 403 and no cookie", res.StatusCode, res.Cookies())
		}
	})
	t.Run("ErrTokenIsNotACredentialForTheAPI", func(t *testing.T) {
		status, _ := call(t, "/api/AppInfo?token="+testToken, nil)
		if status != http.StatusUnauthorized {
			t.Fatalf("HTTP %d; want 401", status)
		}
	})
	t.Run("ErrPageWithoutSession", func(t *testing.T) {
		res, err := noRedirect.Get(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("HTTP %d; want 401", res.StatusCode)
		}
	})
	t.Run("TokenGivesTheCookieThenCallsPass", func(t *testing.T) {
		res, err := noRedirect.Get(srv.URL + "/deep?x=1&token=" + testToken)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/deep?x=1" {
			t.Fatalf("HTTP %d to %q; want 303 to /deep?x=1", res.StatusCode, res.Header.Get("Location"))
		}
		cookies := res.Cookies()
		if len(cookies) != 1 {
			t.Fatalf("cookies %v", cookies)
		}
		c := cookies[0]
		if c.Name != "erpps-session-"+port || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.Value == testToken {
			t.Fatalf("cookie %s", c)
		}
		if status, e := call(t, "/api/AppInfo", c); status != http.StatusOK {
			t.Fatalf("with the cookie: HTTP %d %+v", status, e)
		}
	})
}

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true, "127.0.0.1:0": true, "[::1]:8080": true, "localhost:8080": true, "127.1.2.3:80": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:8080": false, "192.168.1.10:8080": false,
		"example.org:8080": false, "127.0.0.1": false, "": false,
	} {
		err := CheckLoopback(addr)
		if (err == nil) != ok {
			t.Errorf("CheckLoopback(%q) = %v, want ok=%v", addr, err, ok)
		}
		if err != nil && !strings.Contains(erpps.ErrorMessage(err), "127.0.0.1:8080") {
			t.Errorf("CheckLoopback(%q): message %q does not say what to use", addr, erpps.ErrorMessage(err))
		}
	}
}

// TestWriteLimitSparesTheEventStream: an answer is cut when writing it
// takes longer than the write limit, but the long-lived event stream is not.
func TestWriteLimitSparesTheEventStream(t *testing.T) {
	srv := httptest.NewServer(bounded(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := range 6 {
			time.Sleep(100 * time.Millisecond)
			if _, err := fmt.Fprintf(w, "data: %d\n\n", i); err != nil {
				return
			}
			_ = http.NewResponseController(w).Flush()
		}
	}), 250*time.Millisecond))
	defer srv.Close()
	events := func(accept string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/events", nil)
		req.Header.Set("Accept", accept)
		res, err := srv.Client().Do(req)
		if err != nil {
			return 0
		}
		defer res.Body.Close()
		n := 0
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				n++
			}
		}
		return n
	}
	if n := events("text/event-stream"); n != 6 {
		t.Fatalf("the event stream got %d events of 6: it was cut", n)
	}
	if n := events("application/json"); n >= 6 {
		t.Fatalf("a plain answer took 600 ms to write with a 250 ms limit and was not cut (%d parts)", n)
	}
}

func TestSearchIsBounded(t *testing.T) {
	srv := mustServer(t)
	long, _ := json.Marshal([]any{erpps.PractitionerFilter{Query: strings.Repeat("a ", 5000)}})
	res, body := post(t, srv, "ListPractitioners", string(long), nil)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"code":"invalid"`) {
		t.Fatalf("a 10,000-character search: HTTP %d %s; want 400 invalid", res.StatusCode, body)
	}
}
