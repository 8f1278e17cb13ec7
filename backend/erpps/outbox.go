package erpps

import (
	"context"
	"time"
)

// OutboxAction is what an outbox entry asks the server to do.
type OutboxAction string

// The actions queued for the server.
const (
	OutboxTransmit OutboxAction = "transmit"
	OutboxWithdraw OutboxAction = "withdraw"
)

// OutboxEntry is an action on a request committed locally that the sync has
// not delivered yet.
type OutboxEntry struct {
	ID        int64        `json:"id"`
	Action    OutboxAction `json:"action"`
	RequestID string       `json:"requestId"`
	Revision  int64        `json:"revision"`
	Actor     Actor        `json:"actor"`
	Principal string       `json:"principal"` // RPPS number of the record
	QueuedAt  time.Time    `json:"queuedAt"`
}

// Outbox is what the sync client reads: the actions waiting for delivery,
// in the order they were committed.
type Outbox interface {
	// ListOutbox returns up to limit entries (0: all), oldest first.
	ListOutbox(ctx context.Context, limit int) ([]OutboxEntry, error)
	// AckOutbox removes a delivered entry; acknowledging an entry no
	// longer queued (a repeated acknowledgement) is not an error.
	AckOutbox(ctx context.Context, id int64) error
}
