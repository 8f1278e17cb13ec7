// Package oidcclient is the desktop's OpenID Connect client (native app, RFC 8252):
// discovery, authorization code with PKCE S256, state and nonce, a loopback
// listener for the redirect, code exchange, ID-token verification (acr eidas1
// required, nonce), refresh, revocation and end session. It speaks to the eRPPS
// server's provider or, by configuration only, to Pro Santé Connect.
//
// Tokens are secrets: this package never logs them, and its errors never quote them.
package oidcclient
