// Package otp issues and verifies one-time codes (NIST SP 800-63B): six
// digits from crypto/rand, valid 10 minutes by SMS and 30 by e-mail, single
// use, a new code revoking the old, 5 tries then invalid, at most 5 sends an
// hour per recipient and a limit per client address, kept as an HMAC-SHA256
// with a server key and compared in constant time. Codes confirm contact
// details; they are never a login factor. Nothing here logs a code, a
// recipient or a subject.
package otp

import (
	"context"
	"crypto/hmac"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/messages"
)

// PurposeActivation is the purpose of an e-CPS activation code; its subject
// is the practitioner's IDNPS ("8" + RPPS).
const PurposeActivation = "ecps-activation"

// Defaults of an Issuer.
const (
	SMSValidity         = 10 * time.Minute
	EmailValidity       = 30 * time.Minute
	MaxTries            = 5
	SendsPerRecipient   = 5  // an hour
	SendsPerClient      = 20 // an hour
	RateWindow          = time.Hour
	MinKeyBytes         = 32
	codeDigits          = 6
	codeSpace           = 1_000_000
	incorrectOrExpired  = "Code incorrect ou expiré."
	tooManyTriesMessage = "Code incorrect. Trop d'essais : ce code n'est plus valable, demandez-en un nouveau."
)

// Request asks for a code for Subject, sent by Channel (erpps.ChannelEmail
// or erpps.ChannelSMS) to Recipient; ClientAddr is the asking client's
// network address (rate limit), Name the practitioner's name for the text.
type Request struct {
	Purpose    string
	Subject    string
	Channel    string
	Recipient  string
	ClientAddr string
	Name       string
}

// Issuer issues and verifies one-time codes. Store, Key (at least 32 bytes)
// and Sender are required; Now defaults to time.Now; the limits default to
// the constants above; Compose to messages.Activation for PurposeActivation;
// Log (optional) gets one line per send, with the purpose and channel only.
type Issuer struct {
	Store  erpps.OneTimeCodeStore
	Key    []byte
	Sender erpps.Sender
	Now    func() time.Time
	Log    *slog.Logger

	PerRecipient int
	PerClient    int
	Compose      func(r Request, code string, validity time.Duration) (erpps.Message, error)

	// Background, when set, makes Issue return once the code is kept, the
	// message going out in the background (a failure logged, without
	// personal data, the code staying live): an ask then takes the same time
	// whether the identifier is known (Issue) or not (IssueDecoy). Wait
	// waits for the messages under way.
	Background bool
	// SendTimeout bounds a background delivery (DefaultSendTimeout when 0).
	SendTimeout time.Duration

	inflight sync.WaitGroup
}

// DefaultSendTimeout bounds a background delivery.
const DefaultSendTimeout = time.Minute

// Wait waits for the messages sent in the background (tests, shutdown).
func (i *Issuer) Wait() { i.inflight.Wait() }

// Validity is how long a code sent by channel stays valid.
func Validity(channel string) time.Duration {
	if channel == erpps.ChannelSMS {
		return SMSValidity
	}
	return EmailValidity
}

// Issue draws a code, keeps its hash (revoking any earlier code of the same
// purpose and subject) and sends it; it returns how long the code is valid.
// Too many sends is ETOOMANY; a failed delivery EUNAVAILABLE.
func (i *Issuer) Issue(ctx context.Context, r Request) (time.Duration, error) {
	if err := i.check(); err != nil {
		return 0, err
	}
	if r.Purpose == "" || r.Subject == "" || strings.TrimSpace(r.Recipient) == "" ||
		(r.Channel != erpps.ChannelEmail && r.Channel != erpps.ChannelSMS) {
		return 0, erpps.Invalid("La demande de code doit nommer son objet, son destinataire et un canal (e-mail ou SMS).")
	}
	code, err := newCode()
	if err != nil {
		return 0, erpps.Internal(fmt.Errorf("otp: unable to draw a code: %w", err))
	}
	validity := Validity(r.Channel)
	msg, err := i.compose(r, code, validity)
	if err != nil {
		return 0, erpps.Internal(fmt.Errorf("otp: unable to write the message: %w", err))
	}
	now := i.now()
	c := &erpps.OneTimeCode{Purpose: r.Purpose, Subject: r.Subject, Channel: r.Channel,
		Hash: i.codeHash(r.Purpose, r.Subject, code), CreatedAt: now, ExpiresAt: now.Add(validity)}
	send := erpps.CodeSend{RecipientKey: i.keyed("recipient", normalRecipient(r.Channel, r.Recipient)),
		ClientKey: i.keyed("client", clientHost(r.ClientAddr)), At: now}
	if err := i.Store.IssueOneTimeCode(ctx, c, send, i.limits(now)); err != nil {
		return 0, err
	}
	if i.Background {
		timeout := i.SendTimeout
		if timeout <= 0 {
			timeout = DefaultSendTimeout
		}
		i.inflight.Add(1)
		go func() {
			defer i.inflight.Done()
			ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
			defer cancel()
			if err := i.Sender.Send(ctx, msg); err != nil {
				i.log(ctx, slog.LevelWarn, "one-time code not delivered", r)
				return
			}
			i.log(ctx, slog.LevelInfo, "one-time code sent", r)
		}()
		return validity, nil
	}
	if err := i.Sender.Send(ctx, msg); err != nil {
		i.log(ctx, slog.LevelWarn, "one-time code not delivered", r)
		return 0, &erpps.Error{Code: erpps.EUNAVAILABLE,
			Message: "Le code n'a pas pu être envoyé pour le moment. Réessayez dans quelques minutes.",
			Err:     fmt.Errorf("otp: unable to send the code: %w", err)}
	}
	i.log(ctx, slog.LevelInfo, "one-time code sent", r)
	return validity, nil
}

// IssueDecoy answers as Issue would for a subject with no contact details
// (an unknown identifier): it counts a send under the same limits (the
// "recipient" being the channel and subject) and returns the same validity
// or ETOOMANY, but keeps no code and sends nothing. Without it, the rate
// limit would tell known identifiers from unknown ones.
func (i *Issuer) IssueDecoy(ctx context.Context, r Request) (time.Duration, error) {
	if err := i.check(); err != nil {
		return 0, err
	}
	if r.Purpose == "" || r.Subject == "" || (r.Channel != erpps.ChannelEmail && r.Channel != erpps.ChannelSMS) {
		return 0, erpps.Invalid("La demande de code doit nommer son objet et un canal (e-mail ou SMS).")
	}
	now := i.now()
	send := erpps.CodeSend{RecipientKey: i.keyed("decoy", r.Purpose, r.Channel, r.Subject),
		ClientKey: i.keyed("client", clientHost(r.ClientAddr)), At: now}
	if err := i.Store.IssueOneTimeCode(ctx, nil, send, i.limits(now)); err != nil {
		return 0, err
	}
	return Validity(r.Channel), nil
}

// limits are the rate limits of a send at now.
func (i *Issuer) limits(now time.Time) erpps.CodeLimits {
	return erpps.CodeLimits{Since: now.Add(-RateWindow), PerRecipient: orDefault(i.PerRecipient, SendsPerRecipient),
		PerClient: orDefault(i.PerClient, SendsPerClient)}
}

// Verify checks code against the live code of purpose and subject and uses
// it. A wrong, expired, used or replaced code is EUNAUTHORIZED « Code
// incorrect ou expiré. »; the MaxTries-th wrong try invalidates the code.
func (i *Issuer) Verify(ctx context.Context, purpose, subject, code string) error {
	return i.verify(ctx, purpose, subject, "", code)
}

// VerifyChannel is Verify for a code that must have been sent by channel
// (the contact detail it confirms): a live code sent by the other channel
// is refused like a wrong one, the try counted.
func (i *Issuer) VerifyChannel(ctx context.Context, purpose, subject, channel, code string) error {
	if channel != erpps.ChannelEmail && channel != erpps.ChannelSMS {
		return erpps.Errorf(erpps.EUNAUTHORIZED, incorrectOrExpired)
	}
	return i.verify(ctx, purpose, subject, channel, code)
}

// verify checks code; channel, when set, must be the one the code went by.
func (i *Issuer) verify(ctx context.Context, purpose, subject, channel, code string) error {
	if err := i.check(); err != nil {
		return err
	}
	code = normalCode(code)
	if len(code) != codeDigits {
		return erpps.Errorf(erpps.EUNAUTHORIZED, incorrectOrExpired)
	}
	now := i.now()
	c, err := i.Store.TryOneTimeCode(ctx, purpose, subject, now, MaxTries)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return erpps.Errorf(erpps.EUNAUTHORIZED, incorrectOrExpired)
	}
	if err != nil {
		return err
	}
	want, err := hex.DecodeString(c.Hash)
	if err != nil {
		return erpps.Internal(fmt.Errorf("otp: a stored hash is not hex: %w", err))
	}
	match := hmac.Equal(want, i.mac("code", purpose, subject, code))
	if !match || (channel != "" && c.Channel != channel) {
		if c.Tries >= MaxTries {
			return erpps.Errorf(erpps.EUNAUTHORIZED, tooManyTriesMessage)
		}
		return erpps.Errorf(erpps.EUNAUTHORIZED, incorrectOrExpired)
	}
	err = i.Store.UseOneTimeCode(ctx, c.ID, now)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return erpps.Errorf(erpps.EUNAUTHORIZED, incorrectOrExpired)
	}
	return err
}

func (i *Issuer) check() error {
	if i.Store == nil || i.Sender == nil || len(i.Key) < MinKeyBytes {
		return erpps.Internal(errors.New("otp: the issuer needs a store, a sender and a key of 32 bytes at least"))
	}
	return nil
}

func (i *Issuer) now() time.Time {
	if i.Now != nil {
		return i.Now().UTC()
	}
	return time.Now().UTC()
}

func (i *Issuer) compose(r Request, code string, validity time.Duration) (erpps.Message, error) {
	if i.Compose != nil {
		return i.Compose(r, code, validity)
	}
	if r.Purpose != PurposeActivation {
		return erpps.Message{}, fmt.Errorf("no text for purpose %q", r.Purpose)
	}
	return messages.Activation(r.Channel, r.Recipient, r.Subject, r.Name, code, validity)
}

// log writes one line naming the purpose and channel: never the code, the
// recipient nor the subject.
func (i *Issuer) log(ctx context.Context, level slog.Level, msg string, r Request) {
	if i.Log != nil {
		i.Log.Log(ctx, level, msg, slog.String("purpose", r.Purpose), slog.String("channel", r.Channel))
	}
}
