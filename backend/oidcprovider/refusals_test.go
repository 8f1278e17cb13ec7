package oidcprovider_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/oidcclient"
	"erpps/backend/oidcprovider"
)

func TestRefusals(t *testing.T) {
	ctx := context.Background()

	t.Run("WrongPKCEVerifier", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		wrong := *a
		wrong.Verifier = "another-verifier-another-verifier-another-verifier"
		_, err := c.Exchange(ctx, &wrong, code)
		wantProviderError(t, err, "invalid_grant")
		_, err = c.Exchange(ctx, a, code) // the code was spent by the failed try
		wantProviderError(t, err, "invalid_grant")
	})

	t.Run("CodeReuse", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		s, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Exchange(ctx, a, code)
		wantProviderError(t, err, "invalid_grant")
		// RFC 6749 §4.1.2: what the code obtained is revoked.
		if _, _, err := h.provider.AccountForAccessToken(ctx, s.AccessToken); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
			t.Fatalf("access token still accepted after code reuse: %v", err)
		}
		_, err = c.Refresh(ctx, s.RefreshToken)
		wantProviderError(t, err, "invalid_grant")
	})

	t.Run("ExpiredCode", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		h.clock.Add(61 * time.Second)
		_, err := c.Exchange(ctx, a, code)
		wantProviderError(t, err, "invalid_grant")
	})

	t.Run("WrongRedirectAtExchange", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		other := *a
		other.RedirectURI = "http://127.0.0.1:10/callback"
		_, err := c.Exchange(ctx, &other, code)
		wantProviderError(t, err, "invalid_grant")
	})

	t.Run("UnregisteredRedirect", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		for _, redirect := range []string{"http://evil.example/callback", "https://evil.example/callback", "http://127.0.0.1:8080/other"} {
			a, err := c.Authorize(redirect)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := h.browser.Get(a.URL)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if loc, _ := resp.Location(); loc != nil {
				t.Fatalf("%s: the provider redirected to %s; it must not send anything to an unregistered redirect", redirect, loc)
			}
			if resp.StatusCode < 400 {
				t.Fatalf("%s: status %d", redirect, resp.StatusCode)
			}
		}
	})

	t.Run("PKCERequired", func(t *testing.T) {
		h := newHarness(t)
		for _, q := range []url.Values{
			{"code_challenge": {}},
			{"code_challenge": {"abc"}, "code_challenge_method": {"plain"}},
		} {
			v := url.Values{"client_id": {"erpps-desktop"}, "response_type": {"code"}, "scope": {"openid scope_all"},
				"redirect_uri": {"http://127.0.0.1:9/callback"}, "state": {"s"}, "nonce": {"n"}}
			for k, x := range q {
				v[k] = x
			}
			loc := h.redirect(t, h.srv.URL+"/oidc/authorize?"+v.Encode())
			if loc.Path == oidcprovider.LoginPath || loc.Query().Get("error") == "" {
				t.Fatalf("%v: sent to %s, want an error back to the client", q, loc)
			}
		}
	})

	t.Run("UnknownClient", func(t *testing.T) {
		h := newHarness(t)
		v := url.Values{"client_id": {"other-app"}, "response_type": {"code"}, "scope": {"openid scope_all"},
			"redirect_uri": {"http://127.0.0.1:9/callback"}, "state": {"s"}, "nonce": {"n"},
			"code_challenge": {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"}, "code_challenge_method": {"S256"}}
		resp, err := h.browser.Get(h.srv.URL + "/oidc/authorize?" + v.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc, _ := resp.Location(); loc != nil || resp.StatusCode < 400 {
			t.Fatalf("an unknown client: %d to %v", resp.StatusCode, loc)
		}
	})

	t.Run("WrongACR", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{ACR: "eidas2"}) // more than the provider gives
		a, code := loginCode(t, h, c)
		_, err := c.Exchange(ctx, a, code)
		if !errors.Is(err, oidcclient.ErrACR) {
			t.Fatalf("err = %v, want ErrACR", err)
		}
	})

	t.Run("WrongNonce", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		other := *a
		other.Nonce = "another"
		_, err := c.Exchange(ctx, &other, code)
		if !errors.Is(err, oidcclient.ErrNonce) {
			t.Fatalf("err = %v, want ErrNonce", err)
		}
	})

	t.Run("RevokedRefreshToken", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		s, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Revoke(ctx, s.RefreshToken, "refresh_token"); err != nil {
			t.Fatal(err)
		}
		_, err = c.Refresh(ctx, s.RefreshToken)
		wantProviderError(t, err, "invalid_grant")
		if _, _, err := h.provider.AccountForAccessToken(ctx, s.AccessToken); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
			t.Fatalf("the grant's access token survived the revocation: %v", err)
		}
	})

	t.Run("RevokedAccessToken", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		s, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Revoke(ctx, s.AccessToken, "access_token"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := h.provider.AccountForAccessToken(ctx, s.AccessToken); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
			t.Fatalf("revoked access token accepted: %v", err)
		}
	})

	t.Run("ExpiredAccessToken", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		s, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		h.clock.Add(16 * time.Minute)
		if _, _, err := h.provider.AccountForAccessToken(ctx, s.AccessToken); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
			t.Fatalf("expired access token accepted: %v", err)
		}
	})

	t.Run("EndSession", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, code := loginCode(t, h, c)
		s, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.EndSession(ctx, s.IDToken); err != nil {
			t.Fatal(err)
		}
		if _, _, err := h.provider.AccountForAccessToken(ctx, s.AccessToken); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
			t.Fatalf("access token accepted after end session: %v", err)
		}
		_, err = c.Refresh(ctx, s.RefreshToken)
		wantProviderError(t, err, "invalid_grant")
	})

	t.Run("LoginNotApproved", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, err := c.Authorize("http://127.0.0.1:9/callback")
		if err != nil {
			t.Fatal(err)
		}
		page := h.redirect(t, a.URL)
		id := page.Query().Get("authRequest")
		get := func(tx string) int {
			resp, err := h.browser.Get(h.srv.URL + oidcprovider.CompletePath + "?authRequest=" + url.QueryEscape(id) + "&transaction=" + tx)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		if st := get("unknown"); st != http.StatusForbidden {
			t.Fatalf("unapproved transaction: status %d", st)
		}
		h.approvals.approve("tx-1", id, h.account)
		if st := get("tx-1"); st != http.StatusFound {
			t.Fatalf("approved transaction: status %d", st)
		}
		h.approvals.approve("tx-2", id, h.account) // another approval for a finished request
		if st := get("tx-2"); st != http.StatusBadRequest {
			t.Fatalf("a finished auth request completed again: status %d", st)
		}
	})

	t.Run("CompletedOnce", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, _ := c.Authorize("http://127.0.0.1:9/callback")
		id := h.redirect(t, a.URL).Query().Get("authRequest")
		const n = 6
		statuses := make(chan int, n)
		for i := range n {
			tx := "tx-" + string(rune('a'+i))
			h.approvals.approve(tx, id, h.account)
			go func() {
				resp, err := h.browser.Get(h.srv.URL + oidcprovider.CompletePath + "?authRequest=" + url.QueryEscape(id) + "&transaction=" + tx)
				if err != nil {
					statuses <- 0
					return
				}
				resp.Body.Close()
				statuses <- resp.StatusCode
			}()
		}
		codes := 0
		for range n {
			if <-statuses == http.StatusFound {
				codes++
			}
		}
		if codes != 1 {
			t.Fatalf("%d completions of one auth request sent a code, want 1", codes)
		}
	})

	t.Run("NotAPractitioner", func(t *testing.T) {
		h := newHarness(t)
		c := h.client(t, oidcclient.Config{})
		a, _ := c.Authorize("http://127.0.0.1:9/callback")
		id := h.redirect(t, a.URL).Query().Get("authRequest")
		h.approvals.approve("tx", id, &erpps.Account{ID: "agent", Login: "agent@ars.example", Role: erpps.RoleARSAgent})
		resp, err := h.browser.Get(h.srv.URL + oidcprovider.CompletePath + "?authRequest=" + url.QueryEscape(id) + "&transaction=tx")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
}
