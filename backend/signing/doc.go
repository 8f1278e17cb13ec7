// Package signing holds the issuing authority's Ed25519 signature: a Signer that
// signs with a private key, a Verifier that checks a signature against trusted
// public keys found by key id, and the keys themselves.
//
// A key id is short and derived from the public key (KeyIDOf), so a signed
// document can say which key signed it without carrying the key itself.
//
// erpps-server signs with the register's key, an Authority: the current
// private key and the public keys of the keys it replaced (rotation), kept
// together as PEM text in a file readable by its owner only or in an
// environment variable, never in a table (authority.go, authority_file.go).
// The server publishes the public keys (GET /api/v1/keys); a desktop
// configured with a server fetches them and keeps them in its settings
// (trusted.go), so that the attestations the server signed verify offline,
// those of retired keys included.
//
// A desktop also signs with a local key kept in a file of its data folder
// (LoadOrCreateKeyFile), never in the store: what it signs is an offline
// preview, of no official value (IsLocal).
package signing
