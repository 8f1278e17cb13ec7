package oidcclient

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The loopback listener takes the provider's redirect: an error redirect with
// the right state ends the login with ErrDenied; a redirect with a wrong state
// ends it with ErrState; the listener is on 127.0.0.1.
func TestLoopbackRedirects(t *testing.T) {
	srv := discovery(t, []string{"S256"})
	c, err := New(context.Background(), Config{Issuer: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		query func(state string) url.Values
		want  error
	}{
		{"Denied", func(s string) url.Values { return url.Values{"error": {"access_denied"}, "state": {s}} }, ErrDenied},
		{"WrongState", func(string) url.Values { return url.Values{"code": {"c"}, "state": {"forged"}} }, ErrState},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := c.StartLoopback(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			if !strings.HasPrefix(l.RedirectURI(), "http://127.0.0.1:") || !strings.HasSuffix(l.RedirectURI(), "/callback") {
				t.Fatalf("redirect URI %s", l.RedirectURI())
			}
			u, _ := url.Parse(l.AuthURL())
			resp, err := http.Get(l.RedirectURI() + "?" + tc.query(u.Query().Get("state")).Encode())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("the browser's page: %d", resp.StatusCode)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if _, err := l.Wait(ctx); !errors.Is(err, tc.want) {
				t.Fatalf("Wait: %v, want %v", err, tc.want)
			}
		})
	}
}
