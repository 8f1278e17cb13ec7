package erpps

import "context"

// The channels a message goes through.
const (
	ChannelEmail = "email"
	ChannelSMS   = "sms"
)

// The headers of the e-mails the desktop's mailbox pickup recognises.
const (
	HeaderKind     = "X-ERPPS-Kind"     // activation-code or decision
	HeaderIDNPS    = "X-ERPPS-IDNPS"    // the practitioner an activation code is for ("8" + RPPS)
	HeaderRequest  = "X-ERPPS-Request"  // the request a decision is about
	HeaderDecision = "X-ERPPS-Decision" // accepted, refused or info_requested
)

// The values of HeaderKind.
const (
	MessageKindActivationCode = "activation-code"
	MessageKindDecision       = "decision"
)

// Message is one e-mail or SMS the server sends. To is an e-mail address
// (ChannelEmail) or a phone number (ChannelSMS); Subject and Headers are
// used by e-mail only.
type Message struct {
	Channel string            `json:"channel"`
	To      string            `json:"to"`
	Subject string            `json:"subject,omitempty"`
	Text    string            `json:"text"`
	Headers map[string]string `json:"headers,omitempty"`
}

// Sender delivers messages (SMTP, an SMS gateway, a development folder).
// Its errors never carry the message's text nor its recipient.
type Sender interface {
	Send(ctx context.Context, m Message) error
}
