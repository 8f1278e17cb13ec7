// Package notify tells practitioners of the ARS's decisions by e-mail, in
// the background once the decision is committed: best effort, a failure is
// logged (without personal data: the request's id, the decision and the
// failing step) and never undoes the decision.
package notify

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
	"erpps/backend/messages"
)

// DefaultTimeout bounds one decision e-mail's delivery.
const DefaultTimeout = time.Minute

// Decisions sends the decision e-mails (backoffice.DecisionNotifier).
type Decisions struct {
	Sender  erpps.Sender
	Log     *slog.Logger // nil: slog.Default()
	Timeout time.Duration

	wg sync.WaitGroup
}

// DecisionCommitted writes to the address on file for accepted and refused
// requests and for complements; take and close write nothing. The e-mail
// goes out in the background, detached from the agent's request.
func (d *Decisions) DecisionCommitted(ctx context.Context, c backoffice.CommittedDecision) {
	value := messages.DecisionValue(c.Plan.Action)
	if value == "" || c.Request == nil {
		return
	}
	log := d.Log
	if log == nil {
		log = slog.Default()
	}
	attrs := []any{slog.String("request", c.Request.ID), slog.String("decision", value)}
	if c.Record == nil || strings.TrimSpace(c.Record.Contact.Email) == "" {
		log.Warn("decision e-mail not sent: no e-mail address on file", attrs...)
		return
	}
	m, err := messages.Decision(c.Record.Contact.Email, c.Record, c.Request, c.Plan, c.ARS)
	if err != nil {
		log.Error("decision e-mail not written", attrs...)
		return
	}
	timeout := d.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
		defer cancel()
		if err := d.Sender.Send(ctx, m); err != nil {
			// The senders' errors name the failing step and codes, never
			// the address nor the text; the log's redaction is not relied on.
			log.Warn("decision e-mail not delivered", append(attrs, slog.String("cause", failureKind(err)))...)
			return
		}
		log.Info("decision e-mail sent", attrs...)
	}()
}

// Wait waits for the e-mails under way (tests, shutdown).
func (d *Decisions) Wait() { d.wg.Wait() }

// failureKind is the sender's error with anything that looks like an
// address or a number masked: the senders keep them out already, this is a
// second guard.
func failureKind(err error) string {
	var b strings.Builder
	for _, word := range strings.Fields(err.Error()) {
		if strings.Contains(word, "@") || strings.Count(word, "")-1 > 40 {
			b.WriteString("[…] ")
			continue
		}
		b.WriteString(word + " ")
	}
	return strings.TrimSpace(b.String())
}
