package oidcclient

import (
	"context"
	"fmt"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Identity is what the ID token says of the practitioner (Pro Santé Connect's claims).
type Identity struct {
	Subject    string `json:"subject"`
	IDNPS      string `json:"idnps"` // SubjectNameID, else preferred_username, else sub
	GivenName  string `json:"givenName"`
	FamilyName string `json:"familyName"`
	ACR        string `json:"acr"`
}

// RPPS is the IDNPS without its "8" type prefix, or "" when the IDNPS is not an RPPS one.
func (i Identity) RPPS() string {
	if len(i.IDNPS) == 12 && i.IDNPS[0] == '8' {
		return i.IDNPS[1:]
	}
	return ""
}

// Session is the result of a login or a refresh. Its tokens are secrets: never log them.
type Session struct {
	AccessToken  string    `json:"accessToken"`
	RefreshToken string    `json:"refreshToken,omitempty"`
	IDToken      string    `json:"idToken"`
	Expiry       time.Time `json:"expiry"`
	Identity     Identity  `json:"identity"`
}

type idClaims struct {
	ACR               string `json:"acr"`
	Nonce             string `json:"nonce"`
	PreferredUsername string `json:"preferred_username"`
	SubjectNameID     string `json:"SubjectNameID"`
	GivenName         string `json:"given_name"`
	FamilyName        string `json:"family_name"`
}

// verify checks the ID token (signature, issuer, audience, expiry), its acr and, when
// nonce is not empty, its nonce; it returns the identity it carries.
func (c *Client) verify(ctx context.Context, raw, nonce string) (Identity, error) {
	if raw == "" {
		return Identity{}, fmt.Errorf("oidcclient: token response without an ID token")
	}
	tok, err := c.verifier.Verify(oidc.ClientContext(ctx, c.cfg.HTTPClient), raw)
	if err != nil {
		return Identity{}, fmt.Errorf("oidcclient: invalid ID token: %w", err)
	}
	var cl idClaims
	if err := tok.Claims(&cl); err != nil {
		return Identity{}, fmt.Errorf("oidcclient: unable to read the ID token's claims: %w", err)
	}
	if cl.ACR != c.cfg.ACR {
		return Identity{}, ErrACR
	}
	if nonce != "" && cl.Nonce != nonce {
		return Identity{}, ErrNonce
	}
	id := Identity{Subject: tok.Subject, GivenName: cl.GivenName, FamilyName: cl.FamilyName, ACR: cl.ACR}
	switch {
	case cl.SubjectNameID != "":
		id.IDNPS = cl.SubjectNameID
	case cl.PreferredUsername != "":
		id.IDNPS = cl.PreferredUsername
	default:
		id.IDNPS = tok.Subject
	}
	return id, nil
}

func (c *Client) session(ctx context.Context, tok *oauth2.Token, nonce string) (*Session, error) {
	raw, _ := tok.Extra("id_token").(string)
	id, err := c.verify(ctx, raw, nonce)
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, IDToken: raw, Expiry: tok.Expiry, Identity: id}, nil
}
