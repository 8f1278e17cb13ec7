// Package sms sends the server's SMS: through an HTTP SMS gateway (URL,
// credentials and body template configurable), or into a folder (one file
// per message, 0600) for development. Errors never carry the text, the
// phone number, the credentials nor the gateway's reply.
package sms

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"text/template"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/messages"
)

// DefaultTemplate is the body sent when none is configured.
const DefaultTemplate = `{"to":{{json .To}},"text":{{json .Text}}}`

// DefaultTimeout bounds one delivery when the context has no deadline.
const DefaultTimeout = 30 * time.Second

// Gateway posts each SMS to an HTTP gateway. The body is Template (Go
// text/template; fields .To and .Text; functions json (a JSON string) and
// urlquery), sent as ContentType (application/json by default). With a
// Username, Secret is sent as HTTP basic authentication; without, as a
// bearer token. Any 2xx reply is a success.
type Gateway struct {
	URL         string
	Username    string
	Secret      string
	Template    string
	ContentType string
	Client      *http.Client
}

// Check parses the URL and template; it does not connect.
func (g *Gateway) Check() error {
	u, err := url.Parse(g.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("sms: the gateway URL must be an http(s) URL")
	}
	if u.Scheme == "http" && g.Secret != "" && !loopback(u.Hostname()) {
		return errors.New("sms: credentials are sent over https only (http is allowed on loopback)")
	}
	_, err = g.template()
	return err
}

// template parses the body template (each time: a Gateway is shared by
// concurrent sends and never written).
func (g *Gateway) template() (*template.Template, error) {
	text := g.Template
	if text == "" {
		text = DefaultTemplate
	}
	t, err := template.New("sms").Option("missingkey=error").Funcs(template.FuncMap{
		"json": func(s string) (string, error) {
			b, err := json.Marshal(s)
			return string(b), err
		},
	}).Parse(text)
	if err != nil {
		return nil, fmt.Errorf("sms: the body template is invalid: %w", err)
	}
	return t, nil
}

// Body is the request body for m.
func (g *Gateway) Body(m erpps.Message) ([]byte, error) {
	t, err := g.template()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, struct{ To, Text string }{m.To, m.Text}); err != nil {
		return nil, errors.New("sms: the body template failed")
	}
	return b.Bytes(), nil
}

// Send implements erpps.Sender for SMS.
func (g *Gateway) Send(ctx context.Context, m erpps.Message) error {
	if m.Channel != "" && m.Channel != erpps.ChannelSMS {
		return fmt.Errorf("sms: cannot send a %q message", m.Channel)
	}
	if err := g.Check(); err != nil {
		return err
	}
	if strings.TrimSpace(m.To) == "" || m.Text == "" {
		return errors.New("sms: a message needs a number and a text")
	}
	body, err := g.Body(m)
	if err != nil {
		return err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL, bytes.NewReader(body))
	if err != nil {
		return errors.New("sms: unable to build the gateway request")
	}
	ct := g.ContentType
	if ct == "" {
		ct = "application/json"
	}
	req.Header.Set("Content-Type", ct)
	switch {
	case g.Username != "":
		req.SetBasicAuth(g.Username, g.Secret)
	case g.Secret != "":
		req.Header.Set("Authorization", "Bearer "+g.Secret)
	}
	client := g.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		// *url.Error quotes the URL, which may carry a key: keep the cause only.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("sms: the gateway cannot be reached: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("sms: the gateway refused the message: HTTP %d", resp.StatusCode)
	}
	return nil
}

func loopback(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// Folder is the development driver: each SMS is written to
// Dir/<time>-<random>.txt (mode 0600; the folder 0700) as "To: <number>",
// a blank line and the text.
type Folder struct {
	Dir string
	Now func() time.Time
}

// Send implements erpps.Sender.
func (f *Folder) Send(_ context.Context, m erpps.Message) error {
	if m.Channel != "" && m.Channel != erpps.ChannelSMS {
		return fmt.Errorf("sms: cannot write a %q message", m.Channel)
	}
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	return messages.WriteOutboxFile(f.Dir, now(), ".txt", []byte("To: "+m.To+"\n\n"+m.Text+"\n"))
}
