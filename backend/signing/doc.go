// Package signing holds the issuing authority's Ed25519 signature: a Signer that
// signs with a private key, a Verifier that checks a signature against trusted
// public keys found by key id, and a local implementation of both.
//
// A key id is short and derived from the public key (KeyIDOf), so a signed
// document can say which key signed it without carrying the key itself.
//
// Until the eRPPS server exists, the application signs with a local key whose
// seed it keeps in its store; the seed is passed here as bytes.
package signing
