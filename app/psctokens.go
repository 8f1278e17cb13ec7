package app

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/syncclient"
)

// refreshAhead is how long before its expiry an access token is refreshed.
const refreshAhead = 30 * time.Second

// msgSignInAgain asks for a new login, the local changes kept.
const msgSignInAgain = "Votre connexion a expiré : reconnectez-vous avec Pro Santé Connect. " +
	"Vos modifications en attente restent sur ce poste et partiront ensuite."

// httpClient makes the client that talks to the server, trusting caFile
// besides the system's authorities.
func (m *syncManager) httpClient(caFile string) (*http.Client, error) {
	newHTTP := m.deps.HTTPClient
	if newHTTP == nil {
		newHTTP = syncclient.NewHTTPClient
	}
	return newHTTP(caFile)
}

// issuer is the OpenID provider: the configured one, else the eRPPS
// server at base.
func (m *syncManager) issuer(base string) string {
	if m.oidc != nil && m.oidc.Issuer != "" {
		return strings.TrimRight(m.oidc.Issuer, "/")
	}
	return base
}

// signedInWithPSC keeps a Pro Santé Connect login (the access token where
// the device token goes, the refresh token beside it) and starts the
// synchronisation with its access token.
func (m *syncManager) signedInWithPSC(ctx context.Context, base storedServer, acct *erpps.Account, sess *OIDCSession) error {
	m.halt()
	if m.deps.Replica != nil {
		// Another account than the outbox's starts a new sync client (see
		// ConnectServer).
		if _, err := m.deps.Replica.BindAccount(ctx, base.URL+" "+acct.ID); err != nil {
			return err
		}
	}
	if err := m.deps.Settings.SetSetting(ctx, settingServerToken, []byte(sess.AccessToken)); err != nil {
		return err
	}
	if sess.RefreshToken != "" {
		if err := m.deps.Settings.SetSetting(ctx, settingServerRefresh, []byte(sess.RefreshToken)); err != nil {
			return err
		}
	} else if err := m.deps.Settings.DeleteSetting(ctx, settingServerRefresh); err != nil {
		return err
	}
	now := time.Now().UTC()
	s := storedServer{URL: base.URL, CAFile: base.CAFile, Account: acct, SignedInAt: &now, Method: methodPSC, Expiry: expiryOf(sess)}
	if err := saveServer(ctx, m.deps.Settings, &s); err != nil {
		return err
	}
	m.keep(s)
	return m.run(ctx, &s)
}

func expiryOf(sess *OIDCSession) *time.Time {
	if sess.Expiry.IsZero() {
		return nil
	}
	e := sess.Expiry.UTC()
	return &e
}

// token is the sync client's bearer: the device's token, or the access
// token of a Pro Santé Connect login, refreshed when it is about to expire
// (the first call once the network is back refreshes a token that expired
// offline). EUNAUTHORIZED once signed out or when a new login is needed.
func (m *syncManager) token(ctx context.Context) (string, error) {
	tok, err := loadToken(ctx, m.deps.Settings)
	if err != nil {
		return "", err
	}
	if tok == "" {
		return "", erpps.Errorf(erpps.EUNAUTHORIZED, "Ce poste n'est plus connecté au serveur eRPPS : connectez-vous.")
	}
	s, _, _ := m.settings()
	if s.Method == methodPSC && s.Expiry != nil && !m.now().Add(refreshAhead).Before(*s.Expiry) {
		return m.refresh(ctx, tok)
	}
	return tok, nil
}

func (m *syncManager) now() time.Time {
	if m.oidc != nil && m.oidc.Now != nil {
		return m.oidc.Now()
	}
	return time.Now()
}

// refresh exchanges the refresh token for a new access token, unless
// another call did since stale was read. A refusal of the provider (the
// refresh token expired or revoked) is EUNAUTHORIZED: a new login is
// needed; the local changes stay in the outbox.
func (m *syncManager) refresh(ctx context.Context, stale string) (string, error) {
	m.refreshMu.Lock()
	defer m.refreshMu.Unlock()
	tok, err := loadToken(ctx, m.deps.Settings)
	if err != nil {
		return "", err
	}
	s, _, _ := m.settings()
	if tok != stale && tok != "" && (s.Expiry == nil || m.now().Add(refreshAhead).Before(*s.Expiry)) {
		return tok, nil
	}
	if s.Method != methodPSC || s.Account == nil || m.oidc == nil || m.oidc.New == nil {
		return "", erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session sur le serveur a expiré : reconnectez-vous.")
	}
	raw, err := m.deps.Settings.GetSetting(ctx, settingServerRefresh)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND || (err == nil && len(raw) == 0) {
		return "", erpps.Errorf(erpps.EUNAUTHORIZED, msgSignInAgain)
	}
	if err != nil {
		return "", err
	}
	hc, err := m.httpClient(s.CAFile)
	if err != nil {
		return "", err
	}
	client, err := m.psc.clientFor(ctx, m.oidc, m.issuer(s.URL), hc)
	if err != nil {
		return "", err // the provider cannot be reached: offline, retried
	}
	sess, err := client.Refresh(ctx, string(raw))
	if err != nil {
		if erpps.ErrorCode(err) == erpps.EUNAUTHORIZED {
			return "", &erpps.Error{Code: erpps.EUNAUTHORIZED, Err: err, Message: msgSignInAgain}
		}
		return "", pscUnreachable(err)
	}
	ctx = context.WithoutCancel(ctx)
	if err := m.deps.Settings.SetSetting(ctx, settingServerToken, []byte(sess.AccessToken)); err != nil {
		return "", err
	}
	if sess.RefreshToken != "" {
		if err := m.deps.Settings.SetSetting(ctx, settingServerRefresh, []byte(sess.RefreshToken)); err != nil {
			return "", err
		}
	}
	m.mu.Lock()
	if m.server.Account != nil && m.server.Method == methodPSC {
		m.server.Expiry = expiryOf(sess)
		s = m.server
	}
	m.mu.Unlock()
	if err := saveServer(ctx, m.deps.Settings, &s); err != nil {
		return "", err
	}
	if m.log != nil {
		m.log.Info("access token refreshed")
	}
	return sess.AccessToken, nil
}

// syncOnce runs one synchronisation now, for d at most (a first login
// brings the practitioner's record).
func (m *syncManager) syncOnce(ctx context.Context, d time.Duration) {
	_, _, client := m.settings()
	if client == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := client.SyncOnce(ctx); err != nil && m.log != nil {
		m.log.WithField("code", erpps.ErrorCode(err)).Warn("first synchronisation after login failed")
	}
}

// reauthTransport sends a request again, once, with a refreshed access
// token when the server answers 401 (the token expired mid-sync). When no
// token can be had, the 401 stands: the sync client says to log in again,
// and keeps the outbox.
type reauthTransport struct {
	base    http.RoundTripper
	refresh func(ctx context.Context, stale string) (string, error)
}

func (t *reauthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return resp, nil // the body cannot be sent again
	}
	stale := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
	tok, rerr := t.refresh(req.Context(), stale)
	if rerr != nil || tok == "" || tok == stale {
		return resp, nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	_ = resp.Body.Close()
	again := req.Clone(req.Context())
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		again.Body = body
	}
	again.Header.Set("Authorization", "Bearer "+tok)
	return t.base.RoundTrip(again)
}

// withReauth wraps hc's transport with reauthTransport.
func (m *syncManager) withReauth(hc *http.Client) *http.Client {
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	out := *hc
	out.Transport = &reauthTransport{base: base, refresh: m.refresh}
	return &out
}
