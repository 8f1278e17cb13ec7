package attestation

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"erpps/backend/erpps"
	"erpps/backend/frenchdate"
	"erpps/backend/signing"
)

// PayloadVersion starts every payload; a new format gets a new version.
// ERPPS2 added the professions; ERPPS1 payloads (without them) still verify.
const PayloadVersion = "ERPPS2"

const payloadVersion1 = "ERPPS1"

const (
	payloadFields  = 10   // version, number, RPPS, name, issuer, date, professions, digest, key id, signature
	payload1Fields = 9    // ERPPS1: no professions
	maxPayloadSize = 2048 // longer pasted text is not a payload
	signatureSize  = 64   // Ed25519

	maxDocumentNumber = 40 // runes kept in the payload's readable fields
	maxRPPS           = 20
	maxName           = 64
	maxIssuer         = 48
	maxProfessions    = 120
)

// professionSeparator joins the professions in the payload.
const professionSeparator = " ; "

// Messages shown to the user when a payload cannot be read.
const (
	MsgEmptyPayload     = "Aucun code à vérifier : collez le texte lu dans le code QR de l'attestation."
	MsgMalformedPayload = "Code illisible : ce texte n'est pas celui du code QR d'une attestation d'enregistrement au RPPS."
	MsgUnknownVersion   = "Ce code QR a été produit par une version plus récente d'eRPPS : mettez l'application à jour pour le vérifier."
)

var b64 = base64.RawURLEncoding.Strict()

// Verified is what a valid payload says.
type Verified struct {
	Valid          bool   `json:"valid"`
	DocumentNumber string `json:"documentNumber"`
	RPPS           string `json:"rpps"`
	Name           string `json:"name"` // first name and exercise name
	Issuer         string `json:"issuer"`
	IssuedAt       string `json:"issuedAt"`      // YYYY-MM-DD
	IssuedAtLabel  string `json:"issuedAtLabel"` // "27 novembre 2026"
	// Professions as signed, joined by " ; "; "" for an ERPPS1 payload.
	Professions   string `json:"professions"`
	KeyID         string `json:"keyId"`
	ContentDigest string `json:"contentDigest"` // base64url, see Matches
	// LocalKey: signed by this computer's stand-in key, an offline preview of
	// no official value (set by Issuer.Verify).
	LocalKey bool `json:"localKey"`
	// Demo: the record is a demo record (test RPPS range), fictional.
	Demo bool `json:"demo"`
}

// Matches reports whether d is the very content that was signed, activities
// and professions included, and not only the fields readable in the payload.
func (v Verified) Matches(d Data) bool {
	want, err := b64.DecodeString(v.ContentDigest)
	if !v.Valid || err != nil {
		return false
	}
	return subtle.ConstantTimeCompare(want, contentDigest(d)) == 1
}

// Payload returns the text of the attestation's QR code, signed by s (see the
// package documentation for the format).
func Payload(d Data, s signing.Signer) (string, error) {
	if s == nil {
		return "", erpps.Internal(errors.New("attestation: no signer"))
	}
	keyID := s.KeyID()
	if !signing.IsKeyID(keyID) {
		return "", erpps.Internal(fmt.Errorf("attestation: signer key id %q is malformed", keyID))
	}
	var b strings.Builder
	b.Grow(256)
	for _, field := range []string{
		PayloadVersion,
		readable(d.DocumentNumber, maxDocumentNumber),
		readable(d.RPPS, maxRPPS),
		readable(d.Name(), maxName),
		readable(d.Issuer, maxIssuer),
		isoDate(d.IssuedAt),
		readable(strings.Join(d.Professions, professionSeparator), maxProfessions),
		b64.EncodeToString(contentDigest(d)),
		keyID,
	} {
		b.WriteString(field)
		b.WriteByte('|')
	}
	msg := b.String()
	sig, err := s.Sign([]byte(msg[:len(msg)-1]))
	if err != nil {
		return "", erpps.Internal(fmt.Errorf("attestation: unable to sign the payload: %w", err))
	}
	return msg + b64.EncodeToString(sig), nil
}

// readable cleans a field for the payload: valid UTF-8 in NFC, no "|" nor
// control characters, spaces trimmed, at most max runes.
func readable(s string, max int) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "?"))
	s = strings.Map(func(r rune) rune {
		if r == '|' || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > max {
		s = strings.TrimSpace(string([]rune(s)[:max]))
	}
	return s
}

// Verify checks a payload (a QR code's text, possibly pasted with spaces
// around, in any Unicode normalisation: it is put in NFC, the form it was
// signed in) against the trusted keys of v. It never panics; a payload that
// cannot be read or whose signature fails gives an *erpps.Error with a French
// message, and a zero Verified.
func Verify(payload string, v signing.Verifier) (Verified, error) {
	if v == nil {
		return Verified{}, erpps.Internal(errors.New("attestation: no verifier"))
	}
	payload = strings.TrimSpace(payload)
	if payload == "" {
		return Verified{}, erpps.Errorf(erpps.EINVALID, MsgEmptyPayload)
	}
	if len(payload) > maxPayloadSize {
		return Verified{}, malformed("payload of %d bytes", len(payload))
	}
	payload = norm.NFC.String(payload)
	fields := strings.Split(payload, "|")
	want := 0
	switch fields[0] {
	case PayloadVersion:
		want = payloadFields
	case payloadVersion1:
		want = payload1Fields
	default:
		if strings.HasPrefix(fields[0], "ERPPS") {
			return Verified{}, erpps.Errorf(erpps.EINVALID, MsgUnknownVersion)
		}
		return Verified{}, malformed("no %s prefix", PayloadVersion)
	}
	if len(fields) != want {
		return Verified{}, malformed("%d fields, want %d", len(fields), want)
	}
	number, rpps, name, issuer, date := fields[1], fields[2], fields[3], fields[4], fields[5]
	professions := ""
	if want == payloadFields {
		professions = fields[6]
	}
	digest, keyID, sigText := fields[want-3], fields[want-2], fields[want-1]

	issued, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return Verified{}, malformed("date field of %d bytes", len(date))
	}
	if d, err := b64.DecodeString(digest); err != nil || len(d) != digestSize {
		return Verified{}, malformed("digest field of %d bytes", len(digest))
	}
	if !signing.IsKeyID(keyID) {
		return Verified{}, malformed("key id field of %d bytes", len(keyID))
	}
	sig, err := b64.DecodeString(sigText)
	if err != nil || len(sig) != signatureSize {
		return Verified{}, malformed("signature of %d characters", len(sigText))
	}
	msg := payload[:strings.LastIndexByte(payload, '|')]
	if err := v.Verify(keyID, []byte(msg), sig); err != nil {
		var e *erpps.Error
		if errors.As(err, &e) {
			return Verified{}, err
		}
		return Verified{}, &erpps.Error{Code: erpps.EINVALID, Message: signing.MsgInvalidSignature, Err: err}
	}
	return Verified{
		Valid:          true,
		DocumentNumber: number,
		RPPS:           rpps,
		Name:           name,
		Issuer:         issuer,
		IssuedAt:       date,
		IssuedAtLabel:  frenchdate.Format(issued),
		Professions:    professions,
		KeyID:          keyID,
		ContentDigest:  digest,
	}, nil
}

// malformed reports an unreadable payload; the cause never quotes the pasted
// text, which may hold personal data.
func malformed(format string, args ...any) *erpps.Error {
	return &erpps.Error{
		Code:    erpps.EINVALID,
		Message: MsgMalformedPayload,
		Err:     fmt.Errorf("attestation: malformed payload: "+format, args...),
	}
}
