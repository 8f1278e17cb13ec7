package oidcprovider

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"erpps/backend/erpps"
)

// Kinds of records the provider keeps.
const (
	kindAuthRequest = "auth_request"
	kindCode        = "code"
	kindCodeUsed    = "code_used" // a taken code: presenting it again revokes its grant
	kindAccess      = "access_token"
	kindRefresh     = "refresh_token"
	kindRefreshUsed = "refresh_used" // a rotated refresh token: replaying it revokes its grant
)

// storage is the op.Storage of the provider, over the server's store.
type storage struct {
	store   Store
	key     *Key
	clients map[string]*client
	now     func() time.Time
	ttl     Lifetimes
}

var _ op.Storage = (*storage)(nil)

func hashOf(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func randomToken(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("oidcprovider: unable to draw randomness: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func (s *storage) put(ctx context.Context, kind, id, grantID, subject string, v any, expires time.Time) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("oidcprovider: unable to encode a %s: %w", kind, err)
	}
	return s.store.PutOIDCRecord(ctx, &erpps.OIDCRecord{Kind: kind, ID: id, GrantID: grantID, Subject: subject, Data: data, ExpiresAt: expires})
}

func decodeRecord[T any](rec *erpps.OIDCRecord) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(rec.Data, v); err != nil {
		return nil, fmt.Errorf("oidcprovider: unable to read a %s: %w", rec.Kind, err)
	}
	return v, nil
}

// CreateAuthRequest keeps a new authorization request: PKCE S256 is required.
func (s *storage) CreateAuthRequest(ctx context.Context, req *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	if req.CodeChallenge == "" || req.CodeChallengeMethod != oidc.CodeChallengeMethodS256 {
		return nil, oidc.ErrInvalidRequest().WithDescription("PKCE with code_challenge_method S256 is required")
	}
	if req.ResponseType != oidc.ResponseTypeCode {
		return nil, oidc.ErrInvalidRequest().WithDescription("only the authorization code flow is offered")
	}
	id, err := randomToken(18)
	if err != nil {
		return nil, err
	}
	now := s.now().UTC()
	a := &authRequest{
		ID: id, CreatedAt: now, ClientID: req.ClientID, RedirectURI: req.RedirectURI, State: req.State,
		Nonce: req.Nonce, Scopes: req.Scopes, ResponseType: req.ResponseType, ResponseMode: req.ResponseMode,
		CodeChallenge: req.CodeChallenge, CodeChallengeMethod: req.CodeChallengeMethod,
	}
	if err := s.put(ctx, kindAuthRequest, id, id, "", a, now.Add(s.ttl.AuthRequest)); err != nil {
		return nil, err
	}
	return a, nil
}

func (s *storage) authRequest(ctx context.Context, id string) (*authRequest, error) {
	rec, err := s.store.GetOIDCRecord(ctx, kindAuthRequest, id, s.now())
	if err != nil {
		return nil, err
	}
	return decodeRecord[authRequest](rec)
}

// AuthRequestByID returns a live authorization request.
func (s *storage) AuthRequestByID(ctx context.Context, id string) (op.AuthRequest, error) {
	return s.authRequest(ctx, id)
}

// completeAuthRequest records who the login proved (the IDNPS) on the request,
// once: the request is taken from the store and put back completed, so that of
// two concurrent completions only one succeeds.
func (s *storage) completeAuthRequest(ctx context.Context, id, subject string) (*authRequest, error) {
	rec, err := s.store.TakeOIDCRecord(ctx, kindAuthRequest, id, s.now())
	if err != nil {
		return nil, err
	}
	a, err := decodeRecord[authRequest](rec)
	if err != nil {
		return nil, err
	}
	if !a.IsDone {
		a.Subject, a.AuthTime, a.ACR, a.AMR, a.IsDone = subject, s.now().UTC(), ACR, []string{"mfa", "pop"}, true
	} else {
		err = erpps.Errorf(erpps.ECONFLICT, "Cette demande de connexion est déjà terminée.")
	}
	if perr := s.put(ctx, kindAuthRequest, a.ID, rec.GrantID, a.Subject, a, rec.ExpiresAt); perr != nil {
		return nil, perr
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

// SaveAuthCode keeps the code (its hash) of a completed request, valid CodeTTL.
func (s *storage) SaveAuthCode(ctx context.Context, id, code string) error {
	a, err := s.authRequest(ctx, id)
	if err != nil {
		return err
	}
	return s.put(ctx, kindCode, hashOf(code), id, a.Subject, map[string]string{"authRequest": id}, s.now().Add(s.ttl.Code))
}

// AuthRequestByCode takes the code (single use) and returns its request. A code
// presented again revokes whatever its login obtained (RFC 6749 §4.1.2).
func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	h, now := hashOf(code), s.now()
	rec, err := s.store.TakeOIDCRecord(ctx, kindCode, h, now)
	if err != nil {
		if used, uerr := s.store.GetOIDCRecord(ctx, kindCodeUsed, h, now); uerr == nil {
			if _, derr := s.store.DeleteOIDCGrant(ctx, used.GrantID); derr != nil {
				return nil, derr
			}
		}
		return nil, err
	}
	if err := s.put(ctx, kindCodeUsed, h, rec.GrantID, rec.Subject, struct{}{}, now.Add(s.ttl.Refresh)); err != nil {
		return nil, err
	}
	return s.authRequest(ctx, rec.GrantID)
}

// DeleteAuthRequest forgets a request once its tokens are issued.
func (s *storage) DeleteAuthRequest(ctx context.Context, id string) error {
	if id == "" { // a refresh: no request to forget
		return nil
	}
	return s.store.DeleteOIDCRecord(ctx, kindAuthRequest, id)
}

func grantOfRequest(request op.TokenRequest) (grant, error) {
	switch r := request.(type) {
	case *authRequest:
		return grantOf(r), nil
	case *refreshRequest:
		return r.grant, nil
	default:
		return grant{}, fmt.Errorf("oidcprovider: unsupported token request %T", request)
	}
}

func (s *storage) newAccessToken(ctx context.Context, g grant) (string, time.Time, error) {
	id, err := randomToken(18)
	if err != nil {
		return "", time.Time{}, err
	}
	exp := s.now().Add(s.ttl.Access)
	if err := s.put(ctx, kindAccess, id, g.GrantID, g.Subject, g, exp); err != nil {
		return "", time.Time{}, err
	}
	return id, exp, nil
}

// CreateAccessToken keeps a new access token (its id; the token handed out is
// the id encrypted by the provider).
func (s *storage) CreateAccessToken(ctx context.Context, request op.TokenRequest) (string, time.Time, error) {
	g, err := grantOfRequest(request)
	if err != nil {
		return "", time.Time{}, err
	}
	return s.newAccessToken(ctx, g)
}

// CreateAccessAndRefreshTokens issues an access token and a refresh token; a
// refresh token presented is taken (rotation: it works once).
func (s *storage) CreateAccessAndRefreshTokens(ctx context.Context, request op.TokenRequest, current string) (string, string, time.Time, error) {
	g, err := grantOfRequest(request)
	if err != nil {
		return "", "", time.Time{}, err
	}
	now := s.now()
	if current != "" {
		h := hashOf(current)
		old, err := s.store.TakeOIDCRecord(ctx, kindRefresh, h, now)
		if err != nil {
			return "", "", time.Time{}, op.ErrInvalidRefreshToken
		}
		if err := s.put(ctx, kindRefreshUsed, h, old.GrantID, old.Subject, struct{}{}, old.ExpiresAt); err != nil {
			return "", "", time.Time{}, err
		}
	}
	refresh, err := randomToken(32)
	if err != nil {
		return "", "", time.Time{}, err
	}
	if err := s.put(ctx, kindRefresh, hashOf(refresh), g.GrantID, g.Subject, g, now.Add(s.ttl.Refresh)); err != nil {
		return "", "", time.Time{}, err
	}
	id, exp, err := s.newAccessToken(ctx, g)
	if err != nil {
		return "", "", time.Time{}, err
	}
	return id, refresh, exp, nil
}

// TokenRequestByRefreshToken returns what a live refresh token stands for. A
// rotated token presented again revokes its whole grant (theft detection).
func (s *storage) TokenRequestByRefreshToken(ctx context.Context, token string) (op.RefreshTokenRequest, error) {
	h, now := hashOf(token), s.now()
	rec, err := s.store.GetOIDCRecord(ctx, kindRefresh, h, now)
	if err != nil {
		if used, uerr := s.store.GetOIDCRecord(ctx, kindRefreshUsed, h, now); uerr == nil {
			if _, derr := s.store.DeleteOIDCGrant(ctx, used.GrantID); derr != nil {
				return nil, derr
			}
		}
		return nil, op.ErrInvalidRefreshToken
	}
	g, err := decodeRecord[grant](rec)
	if err != nil {
		return nil, err
	}
	return &refreshRequest{grant: *g, hash: h}, nil
}

// TerminateSession ends every grant of the user (end session).
func (s *storage) TerminateSession(ctx context.Context, userID, _ string) error {
	_, err := s.store.DeleteOIDCSubject(ctx, userID)
	return err
}

// RevokeToken revokes an access token (by id) or a refresh token (by its hash,
// as GetRefreshTokenInfo named it): a refresh token ends its whole grant.
// Unknown tokens are not an error (RFC 7009 §2.2).
func (s *storage) RevokeToken(ctx context.Context, tokenOrID, _ string, clientID string) *oidc.Error {
	now := s.now()
	for _, kind := range []string{kindAccess, kindRefresh} {
		for _, id := range []string{tokenOrID, hashOf(tokenOrID)} {
			rec, err := s.store.GetOIDCRecord(ctx, kind, id, now)
			if err != nil {
				continue
			}
			g, err := decodeRecord[grant](rec)
			if err != nil {
				return oidc.ErrServerError()
			}
			if g.ClientID != clientID {
				return oidc.ErrInvalidClient().WithDescription("token issued to another client")
			}
			if kind == kindAccess {
				err = s.store.DeleteOIDCRecord(ctx, kind, id)
			} else {
				_, err = s.store.DeleteOIDCGrant(ctx, rec.GrantID)
			}
			if err != nil {
				return oidc.ErrServerError()
			}
			return nil
		}
	}
	return nil
}

// GetRefreshTokenInfo names a live refresh token: its subject and id (its hash).
func (s *storage) GetRefreshTokenInfo(ctx context.Context, clientID, token string) (string, string, error) {
	rec, err := s.store.GetOIDCRecord(ctx, kindRefresh, hashOf(token), s.now())
	if err != nil {
		return "", "", op.ErrInvalidRefreshToken
	}
	g, err := decodeRecord[grant](rec)
	if err != nil || g.ClientID != clientID {
		return "", "", op.ErrInvalidRefreshToken
	}
	return rec.Subject, rec.ID, nil
}

// accessGrant returns the grant of a live access token id.
func (s *storage) accessGrant(ctx context.Context, id string) (*grant, error) {
	rec, err := s.store.GetOIDCRecord(ctx, kindAccess, id, s.now())
	if err != nil {
		return nil, err
	}
	return decodeRecord[grant](rec)
}

func (s *storage) SigningKey(context.Context) (op.SigningKey, error) { return signingKey{s.key}, nil }

func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.ES256}, nil
}

func (s *storage) KeySet(context.Context) ([]op.Key, error) { return []op.Key{publicKey{s.key}}, nil }

func (s *storage) GetClientByClientID(_ context.Context, clientID string) (op.Client, error) {
	c, ok := s.clients[clientID]
	if !ok {
		return nil, erpps.NotFound("Client OpenID Connect inconnu.")
	}
	return c, nil
}

// AuthorizeClientIDSecret: every client is public; a secret is never right.
func (s *storage) AuthorizeClientIDSecret(context.Context, string, string) error {
	return oidc.ErrInvalidClient().WithDescription("no confidential client")
}

func (s *storage) SetUserinfoFromScopes(ctx context.Context, info *oidc.UserInfo, userID, _ string, scopes []string) error {
	return s.userinfo(ctx, info, userID, scopes)
}

func (s *storage) SetUserinfoFromToken(ctx context.Context, info *oidc.UserInfo, tokenID, subject, _ string) error {
	g, err := s.accessGrant(ctx, tokenID)
	if err != nil || g.Subject != subject {
		return errors.New("oidcprovider: access token unknown, revoked or expired")
	}
	return s.userinfo(ctx, info, subject, g.Scopes)
}

func (s *storage) SetIntrospectionFromToken(ctx context.Context, resp *oidc.IntrospectionResponse, tokenID, subject, clientID string) error {
	g, err := s.accessGrant(ctx, tokenID)
	if err != nil || g.Subject != subject || g.ClientID != clientID {
		return errors.New("oidcprovider: access token unknown, revoked or expired")
	}
	info := new(oidc.UserInfo)
	if err := s.userinfo(ctx, info, subject, g.Scopes); err != nil {
		return err
	}
	resp.SetUserInfo(info)
	resp.Active, resp.Scope, resp.ClientID = true, g.Scopes, g.ClientID
	return nil
}

func (s *storage) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return nil, nil
}

func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errors.New("oidcprovider: JWT profile not offered")
}

func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("oidcprovider: JWT profile not offered")
}

func (s *storage) Health(ctx context.Context) error { return s.store.Ready(ctx) }

func hasScope(scopes []string, s string) bool { return slices.Contains(scopes, s) }
