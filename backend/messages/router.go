package messages

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
)

// Router sends each message through the sender of its channel.
type Router struct {
	Email erpps.Sender
	SMS   erpps.Sender
}

// Send implements erpps.Sender. A channel with no sender is an error.
func (r Router) Send(ctx context.Context, m erpps.Message) error {
	var s erpps.Sender
	switch m.Channel {
	case erpps.ChannelEmail:
		s = r.Email
	case erpps.ChannelSMS:
		s = r.SMS
	}
	if s == nil {
		return fmt.Errorf("messages: no sender for the channel %q", m.Channel)
	}
	return s.Send(ctx, m)
}
