package mail

import (
	"context"
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/messages"
)

// Folder is the development driver: each e-mail is written, as it would be
// sent, to Dir/<time>-<random>.eml, mode 0600 (the folder is created 0700).
type Folder struct {
	Dir  string
	From string
	Now  func() time.Time
}

// Send implements erpps.Sender.
func (f *Folder) Send(_ context.Context, m erpps.Message) error {
	if m.Channel != "" && m.Channel != erpps.ChannelEmail {
		return fmt.Errorf("mail: cannot write a %q message", m.Channel)
	}
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	t := now()
	body, err := Compose(f.From, m, t)
	if err != nil {
		return err
	}
	return messages.WriteOutboxFile(f.Dir, t, ".eml", body)
}
