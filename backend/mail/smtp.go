package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"erpps/backend/erpps"
)

// The connection security of an SMTP server.
const (
	SecurityNone     = "none"     // plain text: loopback only when authenticating
	SecurityStartTLS = "starttls" // submission, usually port 587
	SecurityTLS      = "tls"      // implicit TLS, usually port 465
)

// DefaultTimeout bounds one delivery when the context has no deadline.
const DefaultTimeout = 30 * time.Second

// SMTP delivers e-mails to one SMTP server. Addr is host:port; Username
// and Password, when set, authenticate with AUTH PLAIN (never over plain
// text to another host than loopback); TLSConfig (optional) sets the roots
// trusted, ServerName defaulting to Addr's host.
type SMTP struct {
	Addr      string
	Security  string
	Username  string
	Password  string
	From      string
	TLSConfig *tls.Config
	LocalName string // the EHLO name; "localhost" when empty
	Now       func() time.Time
}

// Check says whether the configuration can work, without connecting.
func (s *SMTP) Check() error {
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return fmt.Errorf("mail: the SMTP address %q is not host:port", s.Addr)
	}
	switch s.Security {
	case SecurityStartTLS, SecurityTLS:
	case SecurityNone:
		if s.Username != "" && !isLoopback(host) {
			return errors.New("mail: authenticating over plain text is refused: use starttls or tls")
		}
	default:
		return fmt.Errorf("mail: unknown SMTP security %q (none, starttls or tls)", s.Security)
	}
	if _, err := Compose(s.From, erpps.Message{To: "check@example.invalid"}, time.Now()); err != nil {
		return err
	}
	return nil
}

// Send implements erpps.Sender for e-mails.
func (s *SMTP) Send(ctx context.Context, m erpps.Message) error {
	if m.Channel != "" && m.Channel != erpps.ChannelEmail {
		return fmt.Errorf("mail: cannot send a %q message", m.Channel)
	}
	if err := s.Check(); err != nil {
		return err
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	body, err := Compose(s.From, m, now())
	if err != nil {
		return err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if s.Username != "" {
		if err := c.Auth(sasl.NewPlainClient("", s.Username, s.Password)); err != nil {
			return stepError("AUTH", err)
		}
	}
	from := s.From
	if a, err := parseAddress(from); err == nil {
		from = a
	}
	if err := c.Mail(from, nil); err != nil {
		return stepError("MAIL", err)
	}
	if err := c.Rcpt(m.To, nil); err != nil {
		return stepError("RCPT", err)
	}
	w, err := c.Data()
	if err != nil {
		return stepError("DATA", err)
	}
	if _, err := w.Write(bytes.Clone(body)); err != nil {
		return stepError("DATA", err)
	}
	if err := w.Close(); err != nil {
		return stepError("DATA", err)
	}
	if err := c.Quit(); err != nil {
		return stepError("QUIT", err)
	}
	return nil
}

// dial connects with the configured security, the context's deadline on
// the connection.
func (s *SMTP) dial(ctx context.Context) (*smtp.Client, error) {
	host, _, _ := net.SplitHostPort(s.Addr)
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return nil, fmt.Errorf("mail: unable to reach the SMTP server: %w", err)
	}
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	cfg := &tls.Config{}
	if s.TLSConfig != nil {
		cfg = s.TLSConfig.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = host
	}
	cfg.MinVersion = max(cfg.MinVersion, tls.VersionTLS12)
	var c *smtp.Client
	switch s.Security {
	case SecurityTLS:
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, fmt.Errorf("mail: TLS with the SMTP server failed: %w", err)
		}
		c = smtp.NewClient(tc)
	case SecurityStartTLS:
		// The first EHLO says "localhost"; the one after STARTTLS, below,
		// says the configured name.
		c, err = smtp.NewClientStartTLS(conn, cfg)
		if err != nil {
			conn.Close()
			return nil, stepError("STARTTLS", err)
		}
	default:
		c = smtp.NewClient(conn)
	}
	if err := c.Hello(s.localName()); err != nil {
		c.Close()
		return nil, stepError("EHLO", err)
	}
	return c, nil
}

func (s *SMTP) localName() string {
	if s.LocalName != "" {
		return s.LocalName
	}
	return "localhost"
}

// stepError names the SMTP step that failed and the server's codes, never
// its reply text (it may quote the recipient).
func stepError(step string, err error) error {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return fmt.Errorf("mail: the SMTP server refused %s: code %d (%d.%d.%d)", step, se.Code,
			se.EnhancedCode[0], se.EnhancedCode[1], se.EnhancedCode[2])
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return fmt.Errorf("mail: SMTP %s failed: %w", step, ne)
	}
	return fmt.Errorf("mail: SMTP %s failed", step)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
