package app

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"erpps/backend/erpps"
	"erpps/backend/oidcclient"
)

// newOIDCClient makes the client of backend/oidcclient for issuer (its
// discovery reaches the provider).
func newOIDCClient(ctx context.Context, issuer string, hc *http.Client) (OIDCClient, error) {
	c, err := oidcclient.New(ctx, oidcclient.Config{Issuer: issuer, ClientID: DefaultOIDCClientID, HTTPClient: hc})
	if err != nil {
		return nil, err
	}
	return oidcAdapter{c}, nil
}

// oidcAdapter is backend/oidcclient as the login's OIDCClient, its errors
// said in French.
type oidcAdapter struct{ c *oidcclient.Client }

func (o oidcAdapter) Authorize(redirectURI string) (*OIDCAuthorization, error) {
	a, err := o.c.Authorize(redirectURI)
	if err != nil {
		return nil, err
	}
	return &OIDCAuthorization{URL: a.URL, RedirectURI: a.RedirectURI, State: a.State, Secret: a}, nil
}

func (o oidcAdapter) Complete(ctx context.Context, a *OIDCAuthorization, query url.Values) (*OIDCSession, error) {
	auth, ok := a.Secret.(*oidcclient.Authorization)
	if !ok {
		return nil, erpps.Internal(errors.New("app: authorization of another client"))
	}
	s, err := o.c.Complete(ctx, auth, query)
	if err != nil {
		return nil, oidcError(err)
	}
	return sessionOf(s), nil
}

func (o oidcAdapter) Refresh(ctx context.Context, refreshToken string) (*OIDCSession, error) {
	s, err := o.c.Refresh(ctx, refreshToken)
	if err != nil {
		return nil, oidcError(err)
	}
	return sessionOf(s), nil
}

func (o oidcAdapter) Revoke(ctx context.Context, token, hint string) error {
	return o.c.Revoke(ctx, token, hint)
}

func sessionOf(s *oidcclient.Session) *OIDCSession {
	return &OIDCSession{AccessToken: s.AccessToken, RefreshToken: s.RefreshToken, IDToken: s.IDToken, Expiry: s.Expiry,
		IDNPS: s.Identity.IDNPS, GivenName: s.Identity.GivenName, FamilyName: s.Identity.FamilyName}
}

// oidcError says in French why the provider refused; a failure to reach it
// is left as it is (the caller says the provider does not answer).
func oidcError(err error) error {
	var pe *oidcclient.ProviderError
	switch {
	case errors.Is(err, oidcclient.ErrDenied):
		return &erpps.Error{Code: erpps.EUNAUTHORIZED, Err: err, Message: "La connexion a été annulée ou refusée sur Pro Santé Connect : vous pouvez réessayer."}
	case errors.Is(err, oidcclient.ErrState), errors.Is(err, oidcclient.ErrNonce):
		return &erpps.Error{Code: erpps.EUNAUTHORIZED, Err: err, Message: "Cette réponse de Pro Santé Connect ne correspond pas à la connexion demandée : recommencez."}
	case errors.Is(err, oidcclient.ErrACR):
		return &erpps.Error{Code: erpps.EFORBIDDEN, Err: err, Message: "Pro Santé Connect n'a pas confirmé une authentification forte (e-CPS ou carte CPS) : recommencez avec votre e-CPS."}
	case errors.As(err, &pe) && pe.Status >= 400 && pe.Status < 500:
		return &erpps.Error{Code: erpps.EUNAUTHORIZED, Err: err, Message: msgSignInAgain}
	}
	return err
}
