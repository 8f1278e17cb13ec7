// Package mail sends the server's e-mails: over SMTP (STARTTLS, implicit
// TLS, AUTH PLAIN) in production, or into a folder (one .eml file per
// message, 0600) for development. Its errors never carry a message's text,
// its recipient or the SMTP server's reply text (which may quote them).
package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"sort"
	"strings"
	"time"

	"erpps/backend/erpps"
)

// Compose writes m as an RFC 5322 message from from, dated now: UTF-8
// text in quoted-printable, the subject encoded per RFC 2047, m.Headers
// kept as they are (X-ERPPS-*), CRLF line ends.
func Compose(from string, m erpps.Message, now time.Time) ([]byte, error) {
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("mail: the sender address is invalid: %w", err)
	}
	if _, err := mail.ParseAddress(m.To); err != nil {
		return nil, fmt.Errorf("mail: the recipient address is invalid")
	}
	var b bytes.Buffer
	header := func(name, value string) { fmt.Fprintf(&b, "%s: %s\r\n", name, value) }
	header("From", from)
	header("To", m.To)
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", now.Format(time.RFC1123Z))
	id, err := messageID(from)
	if err != nil {
		return nil, err
	}
	header("Message-ID", id)
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	names := make([]string, 0, len(m.Headers))
	for name := range m.Headers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		value := m.Headers[name]
		if !validHeader(name, value) {
			return nil, fmt.Errorf("mail: header %q is invalid", name)
		}
		header(name, value)
	}
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	text := strings.ReplaceAll(strings.ReplaceAll(m.Text, "\r\n", "\n"), "\n", "\r\n")
	if _, err := qp.Write([]byte(text)); err != nil {
		return nil, fmt.Errorf("mail: unable to encode the text: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, fmt.Errorf("mail: unable to encode the text: %w", err)
	}
	b.WriteString("\r\n")
	return b.Bytes(), nil
}

// messageID is a random Message-ID in the sender's domain.
func messageID(from string) (string, error) {
	addr, _ := mail.ParseAddress(from)
	domain := "erpps.invalid"
	if at := strings.LastIndexByte(addr.Address, '@'); at >= 0 {
		domain = addr.Address[at+1:]
	}
	var r [16]byte
	if _, err := rand.Read(r[:]); err != nil {
		return "", fmt.Errorf("mail: unable to draw a message id: %w", err)
	}
	return "<" + hex.EncodeToString(r[:]) + "@" + domain + ">", nil
}

// validHeader refuses names that are not plain tokens and values that are
// not printable ASCII on one line (no header injection).
func validHeader(name, value string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if r <= ' ' || r > '~' || r == ':' {
			return false
		}
	}
	for _, r := range value {
		if r < ' ' || r > '~' {
			return false
		}
	}
	return true
}

// parseAddress is the bare address of "Name <addr>".
func parseAddress(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", err
	}
	return a.Address, nil
}
