package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// The argon2id parameters of new hashes (OWASP's minimum for argon2id:
// 19 MiB, 2 passes, 1 lane). Hashes keep their own parameters, so these may
// grow without invalidating stored passwords.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	argonSaltLen   = 16
)

// maxPasswordBytes bounds what is hashed: a longer password is refused, so
// that a huge input cannot cost more than a normal one.
const maxPasswordBytes = 1024

var b64 = base64.RawStdEncoding

// HashPassword returns the argon2id hash of pw as a PHC string
// ($argon2id$v=19$m=...,t=...,p=...$salt$hash) with a fresh random salt.
func HashPassword(pw string) (string, error) {
	if pw == "" || len(pw) > maxPasswordBytes {
		return "", errors.New("auth: a password must have 1 to 1024 bytes")
	}
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: unable to draw a salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemoryKiB, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemoryKiB, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// phc is a parsed argon2id PHC string.
type phc struct {
	memory  uint32
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

// VerifyPassword tells whether pw matches hash (a PHC string made by
// HashPassword, with whatever parameters it records). A malformed hash is an
// error; a wrong password is (false, nil).
func VerifyPassword(hash, pw string) (bool, error) {
	p, err := parsePHC(hash)
	if err != nil {
		return false, err
	}
	if len(pw) > maxPasswordBytes {
		return false, nil
	}
	got := argon2.IDKey([]byte(pw), p.salt, p.time, p.memory, p.threads, uint32(len(p.key)))
	return subtle.ConstantTimeCompare(got, p.key) == 1, nil
}

// parsePHC reads $argon2id$v=19$m=M,t=T,p=P$salt$key, refusing parameters
// that would make a verification unreasonably costly.
func parsePHC(s string) (*phc, error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return nil, errors.New("auth: not an argon2id PHC string")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return nil, fmt.Errorf("auth: unsupported argon2 version %q", parts[2])
	}
	var p phc
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return nil, fmt.Errorf("auth: malformed argon2 parameters: %w", err)
	}
	if p.memory < 8 || p.memory > 1<<20 || p.time < 1 || p.time > 16 || p.threads < 1 {
		return nil, fmt.Errorf("auth: argon2 parameters out of range %q", parts[3])
	}
	var err error
	if p.salt, err = b64.DecodeString(parts[4]); err != nil || len(p.salt) < 8 {
		return nil, errors.New("auth: malformed argon2 salt")
	}
	if p.key, err = b64.DecodeString(parts[5]); err != nil || len(p.key) < 16 || len(p.key) > 64 {
		return nil, errors.New("auth: malformed argon2 hash")
	}
	return &p, nil
}
