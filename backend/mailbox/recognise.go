package mailbox

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/internal/storekit"
)

// Kind is what an e-mail was recognised as.
type Kind = erpps.MailKind

// The kinds of e-mail the desktop picks up.
const (
	KindActivation = erpps.MailActivationCode
	KindDecision   = erpps.MailDecision
)

// The decisions an ARS e-mail announces.
const (
	DecisionAccepted      = "accepted"
	DecisionRefused       = "refused"
	DecisionInfoRequested = "info_requested"
)

// The headers the eRPPS server writes on its e-mails.
const (
	HeaderKind     = "X-ERPPS-Kind"
	HeaderIDNPS    = "X-ERPPS-IDNPS"
	HeaderRequest  = "X-ERPPS-Request"
	HeaderDecision = "X-ERPPS-Decision"
)

// The subjects of the eRPPS server's e-mails.
const (
	SubjectActivation = "Votre code d'activation e-CPS"
	SubjectDecision   = "Décision de l'ARS sur votre demande"
)

// maxMessageBytes bounds what is read of one e-mail: ours are a few KB.
const maxMessageBytes = 1 << 20

// Recognised is what an e-mail says, before it is matched against the
// desktop's records.
type Recognised struct {
	Kind Kind
	// ByHeaders tells whether the X-ERPPS headers said it (false: the text).
	ByHeaders bool
	Subject   string
	Date      time.Time
	// Activation: the identifier named (may be "" when only the text was
	// there and it names the practitioner), the code and the text (to find
	// the practitioner's name in).
	IDNPS string
	Code  string
	Text  string
	// Decision: the request and the decision ("" when the text did not say).
	RequestID string
	Decision  string
}

var (
	activationCodeRe = regexp.MustCompile(`(?i)code d['’]activation\s*(?:e-CPS\s*)?:\s*(\d{6})\b`)
	idnpsRe          = regexp.MustCompile(`\b8\d{11}\b`)
	requestIDRe      = regexp.MustCompile(`\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)
)

// Recognise reads one raw e-mail. ok is false for an e-mail that is none of
// ours (or malformed): the pickup leaves it alone.
func Recognise(raw []byte) (r Recognised, ok bool) {
	if len(raw) > maxMessageBytes {
		return Recognised{}, false
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Recognised{}, false
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		subject = msg.Header.Get("Subject")
	}
	subject = strings.TrimSpace(subject)
	date, _ := msg.Header.Date()
	text := bodyText(msg.Header, msg.Body)
	r = Recognised{Subject: subject, Date: date, Text: text}

	switch strings.TrimSpace(strings.ToLower(msg.Header.Get(HeaderKind))) {
	case string(KindActivation):
		r.Kind, r.ByHeaders = KindActivation, true
		r.IDNPS = validIDNPS(msg.Header.Get(HeaderIDNPS))
		r.Code = activationCode(text)
		return r, r.Code != ""
	case string(KindDecision):
		r.Kind, r.ByHeaders = KindDecision, true
		r.RequestID = strings.TrimSpace(msg.Header.Get(HeaderRequest))
		r.Decision = knownDecision(msg.Header.Get(HeaderDecision))
		if r.Decision == "" {
			r.Decision = decisionInText(text)
		}
		return r, validRequestID(r.RequestID)
	}
	// No header (a relay stripped them): the subject and the text.
	folded := storekit.Fold(subject)
	switch {
	case strings.Contains(folded, storekit.Fold(SubjectActivation)) || activationCodeRe.MatchString(text):
		r.Kind = KindActivation
		r.Code = activationCode(text)
		for _, m := range idnpsRe.FindAllString(text, -1) {
			if id := validIDNPS(m); id != "" {
				r.IDNPS = id
				break
			}
		}
		return r, r.Code != ""
	case strings.Contains(folded, storekit.Fold(SubjectDecision)):
		r.Kind = KindDecision
		r.RequestID = requestIDRe.FindString(strings.ToLower(text))
		r.Decision = decisionInText(text)
		return r, r.RequestID != ""
	}
	return Recognised{}, false
}

func activationCode(text string) string {
	m := activationCodeRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return m[1]
}

// validIDNPS returns the IDNPS "8"+RPPS written in s, or "" when s is not one.
func validIDNPS(s string) string {
	id, err := identifiers.ParseIDNPS(strings.TrimSpace(s))
	if err != nil || id.Type != identifiers.IDNPSTypeRPPS {
		return ""
	}
	return id.String()
}

func validRequestID(s string) bool { return requestIDRe.MatchString(s) && len(s) == 36 }

func knownDecision(s string) string {
	switch v := strings.TrimSpace(strings.ToLower(s)); v {
	case DecisionAccepted, DecisionRefused, DecisionInfoRequested:
		return v
	}
	return ""
}

// decisionInText reads the decision in the French text of the e-mail.
func decisionInText(text string) string {
	t := storekit.Fold(text)
	switch {
	case strings.Contains(t, "complement") || strings.Contains(t, "informations complementaires"):
		return DecisionInfoRequested
	case strings.Contains(t, "refusee") || strings.Contains(t, "refus"):
		return DecisionRefused
	case strings.Contains(t, "acceptee") || strings.Contains(t, "validee"):
		return DecisionAccepted
	}
	return ""
}

// bodyText returns the text of the e-mail: its text/plain part (the first of
// a multipart), decoded.
func bodyText(h mail.Header, body io.Reader) string {
	b, err := partText(h.Get("Content-Type"), h.Get("Content-Transfer-Encoding"), body, 0)
	if err != nil {
		return ""
	}
	return b
}

func partText(contentType, encoding string, body io.Reader, depth int) (string, error) {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if contentType == "" || err != nil {
		mediaType, params = "text/plain", map[string]string{}
	}
	if strings.HasPrefix(mediaType, "multipart/") && depth < 3 {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return "", fmt.Errorf("mailbox: no text part: %w", err)
			}
			if t, err := partText(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, depth+1); err == nil && t != "" {
				return t, nil
			}
		}
	}
	if mediaType != "text/plain" {
		return "", fmt.Errorf("mailbox: %s is not text", mediaType)
	}
	var r io.Reader = io.LimitReader(body, maxMessageBytes)
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64Reader(r)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("mailbox: unable to read the text: %w", err)
	}
	return toUTF8(b, params["charset"]), nil
}
