package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"erpps/backend/primo"
)

// envFranceConnectSecret holds FranceConnect's client secret itself (never
// a flag: a command line is visible to every user of the machine).
const envFranceConnectSecret = envPrefix + "FRANCECONNECT_CLIENT_SECRET"

// franceConnectConfig is the server's FranceConnect client, for the
// primo-registration only. No issuer: the door is closed (the form's page
// says so).
type franceConnectConfig struct {
	Issuer     string
	ClientID   string
	SecretFile string // a 0600 file holding the client secret
	Secret     string // from envFranceConnectSecret (wins)
	Redirect   string // default: <scheme>://<addr>/api/v1/franceconnect/callback
	Scopes     string // space separated
	ACR        string
	SessionTTL time.Duration
}

// franceConnectFlags adds serve's FranceConnect flags.
func (f *flagSet) franceConnectFlags(c *franceConnectConfig) {
	f.string(&c.Issuer, "franceconnect-issuer", "", "émetteur OpenID Connect de FranceConnect, pour le primo enregistrement (vide : FranceConnect désactivé)")
	f.string(&c.ClientID, "franceconnect-client-id", "", "identifiant client du serveur chez FranceConnect")
	f.string(&c.SecretFile, "franceconnect-client-secret-file", "", "fichier (mode 0600) du secret client FranceConnect (ou le secret lui-même dans "+envFranceConnectSecret+")")
	f.string(&c.Redirect, "franceconnect-redirect-url", "", "adresse de retour déclarée chez FranceConnect (par défaut http(s)://<addr>/api/v1/franceconnect/callback)")
	f.string(&c.Scopes, "franceconnect-scopes", strings.Join(primo.DefaultScopes, " "), "scopes demandés à FranceConnect (identité pivot)")
	f.string(&c.ACR, "franceconnect-acr", "eidas1", "niveau eIDAS demandé (acr_values) et exigé dans le jeton d'identité")
	f.duration(&c.SessionTTL, "franceconnect-session-ttl", primo.DefaultSessionTTL, "durée pour remplir la demande après l'identification FranceConnect")
	c.Secret = f.getenv(envFranceConnectSecret)
}

// client returns the FranceConnect client, nil when no issuer is set.
// addr and tls give the default redirect URL.
func (c *franceConnectConfig) client(addr string, tls bool) (*primo.FranceConnect, error) {
	if c.Issuer == "" {
		return nil, nil
	}
	secret := c.Secret
	if secret == "" && c.SecretFile != "" {
		st, err := os.Stat(c.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("impossible de lire le secret FranceConnect : %w", err)
		}
		if st.Mode().Perm()&0o077 != 0 {
			return nil, fmt.Errorf("le fichier du secret FranceConnect %s est lisible par d'autres (mode %o) : chmod 600", c.SecretFile, st.Mode().Perm())
		}
		b, err := os.ReadFile(c.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("impossible de lire le secret FranceConnect : %w", err)
		}
		secret = strings.TrimSpace(string(b))
	}
	if c.ClientID == "" || secret == "" {
		return nil, fmt.Errorf("--franceconnect-issuer demande --franceconnect-client-id et le secret (--franceconnect-client-secret-file ou %s)", envFranceConnectSecret)
	}
	redirect := c.Redirect
	if redirect == "" {
		scheme := "http"
		if tls {
			scheme = "https"
		}
		redirect = scheme + "://" + addr + "/api/v1/franceconnect/callback"
	}
	return primo.NewFranceConnect(primo.FranceConnectConfig{Issuer: c.Issuer, ClientID: c.ClientID, ClientSecret: secret,
		RedirectURL: redirect, Scopes: strings.Fields(c.Scopes), ACR: c.ACR})
}
