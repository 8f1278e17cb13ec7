// Package auth signs people in to erpps-server: argon2id password hashes
// (PHC string format), the password Authenticator (the e-CPS login of a
// later issue implements the same erpps.Authenticator), and sessions whose
// random token is given once to the client while the store keeps only its
// SHA-256 hash.
package auth
