package oidcprovider

import (
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// authRequest is an authorization request as the store keeps it (JSON).
type authRequest struct {
	ID                  string                   `json:"id"`
	CreatedAt           time.Time                `json:"createdAt"`
	ClientID            string                   `json:"clientId"`
	RedirectURI         string                   `json:"redirectUri"`
	State               string                   `json:"state"`
	Nonce               string                   `json:"nonce"`
	Scopes              []string                 `json:"scopes"`
	ResponseType        oidc.ResponseType        `json:"responseType"`
	ResponseMode        oidc.ResponseMode        `json:"responseMode,omitempty"`
	CodeChallenge       string                   `json:"codeChallenge"`
	CodeChallengeMethod oidc.CodeChallengeMethod `json:"codeChallengeMethod"`
	// Set once the login completed.
	Subject  string    `json:"subject,omitempty"`
	AuthTime time.Time `json:"authTime,omitzero"`
	ACR      string    `json:"acr,omitempty"`
	AMR      []string  `json:"amr,omitempty"`
	IsDone   bool      `json:"done"`
}

func (a *authRequest) GetID() string                      { return a.ID }
func (a *authRequest) GetACR() string                     { return a.ACR }
func (a *authRequest) GetAMR() []string                   { return a.AMR }
func (a *authRequest) GetAudience() []string              { return []string{a.ClientID} }
func (a *authRequest) GetAuthTime() time.Time             { return a.AuthTime }
func (a *authRequest) GetClientID() string                { return a.ClientID }
func (a *authRequest) GetNonce() string                   { return a.Nonce }
func (a *authRequest) GetRedirectURI() string             { return a.RedirectURI }
func (a *authRequest) GetResponseType() oidc.ResponseType { return a.ResponseType }
func (a *authRequest) GetResponseMode() oidc.ResponseMode { return a.ResponseMode }
func (a *authRequest) GetScopes() []string                { return a.Scopes }
func (a *authRequest) GetState() string                   { return a.State }
func (a *authRequest) GetSubject() string                 { return a.Subject }
func (a *authRequest) Done() bool                         { return a.IsDone }
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge {
	if a.CodeChallenge == "" {
		return nil
	}
	return &oidc.CodeChallenge{Challenge: a.CodeChallenge, Method: a.CodeChallengeMethod}
}

// grant is what an access or refresh token stands for (JSON in the store).
type grant struct {
	GrantID  string    `json:"grantId"` // the auth request that started the login
	ClientID string    `json:"clientId"`
	Subject  string    `json:"subject"`
	Scopes   []string  `json:"scopes"`
	Audience []string  `json:"audience"`
	AuthTime time.Time `json:"authTime"`
	ACR      string    `json:"acr"`
	AMR      []string  `json:"amr,omitempty"`
}

func grantOf(a *authRequest) grant {
	return grant{GrantID: a.ID, ClientID: a.ClientID, Subject: a.Subject, Scopes: a.Scopes,
		Audience: a.GetAudience(), AuthTime: a.AuthTime, ACR: a.ACR, AMR: a.AMR}
}

// refreshRequest is a refresh token presented at the token endpoint. It is also
// an op.AuthRequest (done, no id) so that the refreshed ID token carries the
// login's acr.
type refreshRequest struct {
	grant
	hash string // the presented token's SHA-256 (its id in the store)
}

func (r *refreshRequest) GetID() string                         { return "" }
func (r *refreshRequest) GetACR() string                        { return r.ACR }
func (r *refreshRequest) GetAMR() []string                      { return r.AMR }
func (r *refreshRequest) GetAudience() []string                 { return r.Audience }
func (r *refreshRequest) GetAuthTime() time.Time                { return r.AuthTime }
func (r *refreshRequest) GetClientID() string                   { return r.ClientID }
func (r *refreshRequest) GetScopes() []string                   { return r.Scopes }
func (r *refreshRequest) GetSubject() string                    { return r.Subject }
func (r *refreshRequest) SetCurrentScopes(scopes []string)      { r.Scopes = scopes }
func (r *refreshRequest) GetCodeChallenge() *oidc.CodeChallenge { return nil }
func (r *refreshRequest) GetNonce() string                      { return "" }
func (r *refreshRequest) GetRedirectURI() string                { return "" }
func (r *refreshRequest) GetResponseType() oidc.ResponseType    { return oidc.ResponseTypeCode }
func (r *refreshRequest) GetResponseMode() oidc.ResponseMode    { return "" }
func (r *refreshRequest) GetState() string                      { return "" }
func (r *refreshRequest) Done() bool                            { return true }
