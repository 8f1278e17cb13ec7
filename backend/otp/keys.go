package otp

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"net"
	"strings"

	"erpps/backend/erpps"
)

// codeHash is the hex HMAC kept for code.
func (i *Issuer) codeHash(purpose, subject, code string) string {
	return hex.EncodeToString(i.mac("code", purpose, subject, code))
}

// keyed is the hex HMAC of values in a domain, for the rate limits.
func (i *Issuer) keyed(domain string, values ...string) string {
	return hex.EncodeToString(i.mac(append([]string{domain}, values...)...))
}

// mac is the HMAC-SHA256 of the parts, each length-prefixed so that no two
// lists of parts share an input.
func (i *Issuer) mac(parts ...string) []byte {
	h := hmac.New(sha256.New, i.Key)
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return h.Sum(nil)
}

// newCode draws six digits from crypto/rand, uniformly.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(codeSpace))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%0*d", codeDigits, n.Int64()), nil
}

// normalCode drops the spaces and dashes a user may type inside a code.
// WellFormed reports whether code has the shape of a code (its digits, with
// spaces or dashes between them); checking it costs no try.
func WellFormed(code string) bool { return len(normalCode(code)) == codeDigits }

func normalCode(code string) string {
	var b strings.Builder
	for _, r := range code {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '\u00a0':
		default:
			return ""
		}
	}
	return b.String()
}

// normalRecipient is the form a recipient is counted under: an e-mail address
// in lower case, a phone number's digits and plus sign.
func normalRecipient(channel, to string) string {
	to = strings.TrimSpace(to)
	if channel == erpps.ChannelEmail {
		return strings.ToLower(to)
	}
	var b strings.Builder
	for _, r := range to {
		if (r >= '0' && r <= '9') || r == '+' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clientHost is the host part of a client address (its port changes with
// every connection).
func clientHost(addr string) string {
	if host, _, err := net.SplitHostPort(addr); err == nil {
		return host
	}
	return strings.TrimSpace(addr)
}

func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}
