package app

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"erpps/backend/erpps"
)

// The store's settings that keep the connection to the eRPPS server: the
// address and the account in one, the device's bearer token in its own (so
// that signing out deletes it, leaving no copy). Neither is ever logged.
const (
	settingServer      = "server.connection"
	settingServerToken = "server.token"
	// settingServerRefresh is the refresh token of a Pro Santé Connect
	// login: deleted with the access token at sign-out.
	settingServerRefresh = "server.refresh"
)

// How this computer signed in to the server.
const (
	methodPassword = "password" // a login and a password (a secretary's account)
	methodPSC      = "psc"      // Pro Santé Connect (the practitioner's e-CPS)
)

// serverTimeout bounds a sign-in or a sign-out with the server.
const serverTimeout = 15 * time.Second

// storedServer is the connection kept in the store's settings.
type storedServer struct {
	URL        string         `json:"url"`
	CAFile     string         `json:"caFile,omitempty"`
	Account    *erpps.Account `json:"account,omitempty"` // nil when signed out
	SignedInAt *time.Time     `json:"signedInAt,omitempty"`
	// Method is methodPassword ("" in a connection kept before Pro Santé
	// Connect existed) or methodPSC.
	Method string `json:"method,omitempty"`
	// Expiry is when the access token of a Pro Santé Connect login
	// expires: it is refreshed before.
	Expiry *time.Time `json:"expiry,omitempty"`
}

// ServerAccount is who this computer is signed in as on the server.
type ServerAccount struct {
	Login string     `json:"login"`
	Name  string     `json:"name"`
	Role  erpps.Role `json:"role"`
	RPPS  string     `json:"rpps,omitempty"`
}

// ServerSettings is the « Serveur eRPPS » page: the address, the CA file and
// the account this computer is signed in with (never its token).
type ServerSettings struct {
	URL    string `json:"url"`
	CAFile string `json:"caFile"`
	// Available is false where no server can be used (the kiosk, a test).
	Available  bool           `json:"available"`
	Account    *ServerAccount `json:"account,omitempty"` // nil when signed out
	SignedInAt *time.Time     `json:"signedInAt,omitempty"`
	// Method is how this computer signed in: "password" or "psc" (Pro
	// Santé Connect); "" when signed out.
	Method string    `json:"method,omitempty"`
	State  SyncState `json:"state"`
}

// ServerSignIn is what the « Serveur eRPPS » page sends to sign in.
type ServerSignIn struct {
	URL      string `json:"url"`
	CAFile   string `json:"caFile"`
	Login    string `json:"login"`
	Password string `json:"password"`
}

// serverSession is the server's answer to POST /api/v1/session.
type serverSession struct {
	Session struct {
		Account erpps.Account `json:"account"`
	} `json:"session"`
	Token string `json:"token"`
}

// checkServerURL reads the server's address: HTTPS, or HTTP to this
// computer only (a test server, a tunnel), without path, query or user.
func checkServerURL(raw string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	bad := func(msg string) error {
		return erpps.Invalid("L'adresse du serveur n'est pas valide.", erpps.FieldError{Field: "url", Code: erpps.EINVALID, Message: msg})
	}
	if raw == "" {
		return "", bad("Saisissez l'adresse du serveur eRPPS, par exemple https://erpps.sante.fr.")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", bad("Saisissez une adresse complète commençant par https://, par exemple https://erpps.sante.fr.")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || (u.Path != "" && u.Path != "/") {
		return "", bad("Saisissez l'adresse du serveur seule, sans chemin ni paramètres.")
	}
	if u.Scheme == "http" && !loopbackHost(u.Hostname()) {
		return "", bad("La connexion au serveur doit être chiffrée : saisissez une adresse commençant par https://.")
	}
	return u.Scheme + "://" + u.Host, nil
}

func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// unreachable says why the server could not be reached, in French.
func unreachable(err error) error {
	var certErr *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	if errors.As(err, &certErr) || errors.As(err, &unknown) {
		return &erpps.Error{Code: erpps.EUNAVAILABLE, Err: err, Message: "Le certificat du serveur n'est pas reconnu : " +
			"indiquez le fichier de l'autorité de certification de votre organisation, ou vérifiez l'adresse."}
	}
	return &erpps.Error{Code: erpps.EUNAVAILABLE, Err: err, Message: "Le serveur eRPPS ne répond pas à cette adresse : " +
		"vérifiez l'adresse et la connexion de ce poste, puis réessayez."}
}

// signInToServer opens a device session on the server: the account and its
// bearer token.
func signInToServer(ctx context.Context, client *http.Client, base, login, password string) (*erpps.Account, string, error) {
	body, err := json.Marshal(map[string]any{"login": login, "password": password, "device": true})
	if err != nil {
		return nil, "", erpps.Internal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, serverTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/session", bytes.NewReader(body))
	if err != nil {
		return nil, "", erpps.Internal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", unreachable(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, "", unreachable(err)
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, "", serverRefusal(resp.StatusCode, raw)
	}
	var s serverSession
	if err := json.Unmarshal(raw, &s); err != nil || s.Token == "" {
		return nil, "", &erpps.Error{Code: erpps.EUNAVAILABLE, Err: fmt.Errorf("app: unexpected sign-in reply (%d bytes)", len(raw)),
			Message: "Cette adresse ne répond pas comme un serveur eRPPS : vérifiez-la."}
	}
	acct := s.Session.Account
	if acct.Role != erpps.RoleProfessional && acct.Role != erpps.RoleSecretary {
		signOutOfServer(ctx, client, base, s.Token)
		return nil, "", erpps.Errorf(erpps.EFORBIDDEN, "Un compte d'agent de l'ARS ne relie pas un poste : connectez-vous avec le compte d'un professionnel ou d'un secrétariat.")
	}
	return &acct, s.Token, nil
}

// serverRefusal is the server's error {code, message} as an erpps.Error.
func serverRefusal(status int, raw []byte) error {
	var e erpps.Error
	if json.Unmarshal(raw, &e) == nil && e.Message != "" {
		if e.Code == "" {
			e.Code = erpps.EINTERNAL
		}
		if e.Code == erpps.EUNAUTHORIZED {
			e.Message = "Identifiant ou mot de passe incorrect."
		}
		return &erpps.Error{Code: e.Code, Message: e.Message, Fields: e.Fields}
	}
	return &erpps.Error{Code: erpps.EUNAVAILABLE, Err: fmt.Errorf("app: the server answered %d", status),
		Message: "Cette adresse ne répond pas comme un serveur eRPPS : vérifiez-la."}
}

// signOutOfServer revokes the device's session on the server, if it can be
// reached (the token is forgotten locally anyway).
func signOutOfServer(ctx context.Context, client *http.Client, base, token string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, base+"/api/v1/session", nil)
	if err != nil {
		return
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, err := client.Do(req); err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
}

func loadServer(ctx context.Context, settings erpps.SettingsStore) (*storedServer, error) {
	raw, err := settings.GetSetting(ctx, settingServer)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return &storedServer{}, nil
	}
	if err != nil {
		return nil, err
	}
	var s storedServer
	if err := json.Unmarshal(raw, &s); err != nil {
		return &storedServer{}, nil // unreadable: as if none was configured
	}
	return &s, nil
}

func saveServer(ctx context.Context, settings erpps.SettingsStore, s *storedServer) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return erpps.Internal(err)
	}
	return settings.SetSetting(ctx, settingServer, raw)
}

// loadToken returns the device's token, "" when signed out.
func loadToken(ctx context.Context, settings erpps.SettingsStore) (string, error) {
	raw, err := settings.GetSetting(ctx, settingServerToken)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return "", nil
	}
	return string(raw), err
}

func accountOf(a *erpps.Account) *ServerAccount {
	if a == nil {
		return nil
	}
	return &ServerAccount{Login: a.Login, Name: a.Name, Role: a.Role, RPPS: a.RPPS}
}
