package oidcprovider_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/oidcclient"
	"erpps/backend/oidcprovider"
)

// payload decodes a JWT's claims (the signature is the client's business).
func payload(t *testing.T, jwt string) map[string]any {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %d parts", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDiscovery(t *testing.T) {
	h := newHarness(t)
	resp, err := http.Get(h.srv.URL + oidcprovider.DiscoveryPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"issuer": h.srv.URL, "authorization_endpoint": h.srv.URL + "/oidc/authorize",
		"token_endpoint": h.srv.URL + "/oidc/token", "jwks_uri": h.srv.URL + "/oidc/keys",
		"revocation_endpoint": h.srv.URL + "/oidc/revoke", "end_session_endpoint": h.srv.URL + "/oidc/end_session",
		"code_challenge_methods_supported": "[S256]", "scopes_supported": "[openid scope_all offline_access]",
		"id_token_signing_alg_values_supported": "[ES256]", "acr_values_supported": "[eidas1]",
		"grant_types_supported": "[authorization_code refresh_token]", "response_types_supported": "[code]",
	}
	for k, v := range want {
		got := d[k]
		if arr, ok := got.([]any); ok {
			parts := make([]string, len(arr))
			for i, x := range arr {
				parts[i], _ = x.(string)
			}
			got = "[" + strings.Join(parts, " ") + "]"
		}
		if got != v {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
}

func TestLoginRefreshRevoke(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	c := h.client(t, oidcclient.Config{})
	l, err := c.StartLoopback(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	back := h.login(t, l.AuthURL())
	if back.Scheme+"://"+back.Host+back.Path != l.RedirectURI() || back.Query().Get("code") == "" {
		t.Fatalf("redirected to %s://%s%s, want the loopback %s with a code", back.Scheme, back.Host, back.Path, l.RedirectURI())
	}
	follow(t, back)
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := l.Wait(wctx)
	if err != nil {
		t.Fatal(err)
	}
	want := oidcclient.Identity{Subject: "8" + testRPPS, IDNPS: "8" + testRPPS, GivenName: "Claire", FamilyName: "MARTIN-DURAND", ACR: "eidas1"}
	if s.Identity != want {
		t.Fatalf("identity %+v, want %+v", s.Identity, want)
	}
	if s.Identity.RPPS() != testRPPS || s.RefreshToken == "" || s.AccessToken == "" {
		t.Fatalf("session lacks tokens or RPPS: rpps %q", s.Identity.RPPS())
	}
	claims := payload(t, s.IDToken)
	for k, v := range map[string]string{"sub": "8" + testRPPS, "preferred_username": "8" + testRPPS, "SubjectNameID": "8" + testRPPS,
		"acr": "eidas1", "given_name": "Claire", "family_name": "MARTIN-DURAND", "iss": h.srv.URL, "aud": "erpps-desktop"} {
		got := claims[k]
		if arr, ok := got.([]any); ok && len(arr) == 1 {
			got = arr[0]
		}
		if got != v {
			t.Errorf("ID token %s = %v, want %s", k, got, v)
		}
	}
	ref, _ := claims["SubjectRefPro"].(map[string]any)
	ex, _ := ref["exercices"].([]any)
	if len(ex) != 1 || ex[0].(map[string]any)["codeProfession"] != "10" {
		t.Errorf("SubjectRefPro = %v, want one exercice of profession 10", claims["SubjectRefPro"])
	}

	// The API's view: the access token is the practitioner's account.
	acct, _, err := h.provider.AccountForAccessToken(ctx, s.AccessToken)
	if err != nil || acct.ID != h.account.ID {
		t.Fatalf("AccountForAccessToken = %v, %v", acct, err)
	}
	_, _, err = h.provider.AccountForAccessToken(ctx, s.AccessToken+"x")
	if erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("a forged token: %v", err)
	}

	// The userinfo endpoint speaks PSC's claims too.
	req, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/oidc/userinfo", nil)
	req.Header.Set("Authorization", "Bearer "+s.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !hasAll(string(body), `"SubjectNameID":"8`+testRPPS, `"given_name":"Claire"`) {
		t.Fatalf("userinfo %d %s", resp.StatusCode, body)
	}

	// Refresh rotates the refresh token; the refreshed ID token keeps acr.
	s2, err := c.Refresh(ctx, s.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if s2.RefreshToken == "" || s2.RefreshToken == s.RefreshToken || s2.Identity.ACR != "eidas1" || s2.Identity.IDNPS != "8"+testRPPS {
		t.Fatalf("refreshed session: new refresh %v, identity %+v", s2.RefreshToken != s.RefreshToken, s2.Identity)
	}
	// The rotated token replayed is refused, and ends the whole grant.
	_, err = c.Refresh(ctx, s.RefreshToken)
	wantProviderError(t, err, "invalid_grant")
	_, err = c.Refresh(ctx, s2.RefreshToken)
	wantProviderError(t, err, "invalid_grant")
	if _, _, err := h.provider.AccountForAccessToken(ctx, s2.AccessToken); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("access token of a replayed grant still accepted: %v", err)
	}
}

// loginCode runs a login to a redirect URI nobody listens on and returns the code.
func loginCode(t *testing.T, h *harness, c *oidcclient.Client) (*oidcclient.Authorization, string) {
	t.Helper()
	a, err := c.Authorize("http://127.0.0.1:9/callback")
	if err != nil {
		t.Fatal(err)
	}
	back := h.login(t, a.URL)
	if back.Query().Get("state") != a.State || back.Query().Get("code") == "" {
		t.Fatalf("redirect without the state or a code: %s", back.Query().Get("error"))
	}
	return a, back.Query().Get("code")
}
