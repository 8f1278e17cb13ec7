// Package oidcprovider is erpps-server's OpenID provider (zitadel/oidc v3 op),
// modelled on Pro Santé Connect: authorization code with PKCE S256 only, scopes
// openid scope_all (+ offline_access for refresh tokens), acr eidas1 in every ID
// token, claims sub = preferred_username = SubjectNameID = IDNPS ("8" + RPPS),
// given_name, family_name and SubjectRefPro from the register.
//
// The provider's state (auth requests, codes, access and refresh tokens) lives in
// the server's store (erpps.OIDCStore), secrets under their SHA-256; the signing
// key (ES256, P-256) lives in a 0600 file or the environment, never in a table.
// The login itself (e-CPS, two steps on the phone) is another package's: the
// login page is /connexion?authRequest=<id>, and /oidc/login/complete asks a
// LoginCompleter which account an approved transaction proved.
//
// Nothing secret is logged: no code, token, transaction or auth request id.
package oidcprovider
