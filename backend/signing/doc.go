// Package signing holds the issuing authority's Ed25519 signature: a Signer that
// signs with a private key, a Verifier that checks a signature against trusted
// public keys found by key id, and a local implementation of both.
//
// A key id is short and derived from the public key (KeyIDOf), so a signed
// document can say which key signed it without carrying the key itself.
//
// Until the eRPPS server exists, the application signs with a local key kept in
// a file of its data folder, readable by its owner only (LoadOrCreateKeyFile),
// never in the store. What the local key signs is an offline preview, of no
// official value (IsLocal); the server's key will sign the real attestations
// through the same Signer and Verifier interfaces.
package signing
