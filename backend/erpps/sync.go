package erpps

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"
)

// The synchronisation between a desktop and the server, server-authoritative
// in the Replicache style: every local change appends a Mutation to the
// desktop's outbox in the same transaction; the server applies each mutation
// exactly once and in the client's order, and answers with a MutationResult;
// the desktop pulls the changes since its cursor (Change), newest state of
// each object, ordered by the server's change sequence, never by a clock.

// MutationKind is what a mutation does to a request.
type MutationKind string

// The mutations a desktop sends.
const (
	// MutationSaveDraft writes the whole payload of a draft, creating it on
	// the server (with the desktop's id) when the server has none.
	MutationSaveDraft   MutationKind = "save_draft"
	MutationDeleteDraft MutationKind = "delete_draft"
	MutationTransmit    MutationKind = "transmit"
	MutationWithdraw    MutationKind = "withdraw"
)

// Valid tells whether k is a known mutation kind.
func (k MutationKind) Valid() bool {
	switch k {
	case MutationSaveDraft, MutationDeleteDraft, MutationTransmit, MutationWithdraw:
		return true
	}
	return false
}

// Mutation is one local change for the server, in the client's order.
type Mutation struct {
	ClientID string `json:"clientId"`
	// Seq numbers the client's mutations 1, 2, 3... without gap; the server
	// applies seq n only after n-1.
	Seq  int64        `json:"seq"`
	ID   string       `json:"id"` // unique mutation id (random)
	Kind MutationKind `json:"kind"`
	// RequestID is the request's id, chosen by the desktop that created it
	// (the server keeps it).
	RequestID string `json:"requestId"`
	// BaseVersion is the server version of the request the change was made
	// on (0: the request was not on the server yet). The server answers
	// conflict when someone other than this client changed the request since.
	BaseVersion int64  `json:"baseVersion"`
	Actor       Actor  `json:"actor"`
	Principal   string `json:"principal"` // RPPS number of the record
	// RequestKind and TargetID create the draft (save_draft).
	RequestKind RequestKind     `json:"requestKind,omitempty"`
	TargetID    string          `json:"targetId,omitempty"`
	Payload     json.RawMessage `json:"payload,omitempty" ts_type:"Record<string, any>"`
	Comment     string          `json:"comment,omitempty"`    // of a withdrawal
	ApprovalID  string          `json:"approvalId,omitempty"` // a secretary's transmission
	// CreatedAt is the client's clock: shown, never used to order.
	CreatedAt time.Time `json:"createdAt"`
}

// MutationOutcome is what the server did with a mutation.
type MutationOutcome string

// The outcomes of a mutation.
const (
	OutcomeApplied  MutationOutcome = "applied"
	OutcomeConflict MutationOutcome = "conflict" // someone else changed the request since BaseVersion
	OutcomeRejected MutationOutcome = "rejected" // refused: Code and Message say why
)

// MutationResult is the server's answer to one mutation, stored with it: a
// replay of the same seq returns it unchanged.
type MutationResult struct {
	ClientID   string          `json:"clientId"`
	Seq        int64           `json:"seq"`
	MutationID string          `json:"mutationId"`
	Outcome    MutationOutcome `json:"outcome"`
	// Version is the request's server version after the mutation (applied)
	// or now (conflict); 0 when the request is gone.
	Version int64 `json:"version"`
	// Request is the server's state of the request after the mutation
	// (applied) or now (conflict), with its history; nil when deleted.
	Request *Request `json:"request,omitempty"`
	// Linked is the other request of a moved cabinet, when there is one.
	Linked  *Request `json:"linked,omitempty"`
	Code    Code     `json:"code,omitempty"`    // rejected
	Message string   `json:"message,omitempty"` // rejected: in French, for the user
	// ChangeSeq is the server's change sequence after the mutation.
	ChangeSeq int64 `json:"changeSeq"`
}

// PushRequest is a batch of mutations, in seq order, from one client.
type PushRequest struct {
	ClientID  string     `json:"clientId"`
	Mutations []Mutation `json:"mutations"`
}

// PushResponse answers a push: a result per mutation handled, in order. When
// a mutation's seq is past the next one the server expects (a gap), the
// server stops there and Expected says which seq to resend from.
type PushResponse struct {
	Results  []MutationResult `json:"results"`
	Expected int64            `json:"expected,omitempty"`
}

// ChangeKind is what a change is about.
type ChangeKind string

// The objects a pull brings.
const (
	ChangeRequest      ChangeKind = "request"
	ChangePractitioner ChangeKind = "practitioner"
)

// Change is the newest state of an object changed after a client's cursor.
type Change struct {
	Seq          int64         `json:"seq"` // the server's change sequence of this state
	Kind         ChangeKind    `json:"kind"`
	ID           string        `json:"id"` // request id or RPPS number
	Deleted      bool          `json:"deleted,omitempty"`
	Request      *Request      `json:"request,omitempty"`
	Practitioner *Practitioner `json:"practitioner,omitempty"`
}

// PullResponse is a page of changes after a cursor, oldest first.
type PullResponse struct {
	Changes []Change `json:"changes"`
	// Cursor is where the next pull starts: the last change's Seq; with no
	// change, the change sequence the page was read at (nothing of these
	// records changed up to it), so that a client whose records do not
	// change still follows the sequence (a long-poll from it waits).
	Cursor int64 `json:"cursor"`
	More   bool  `json:"more"`
	// Resync: the cursor is older than the changes the server keeps, or
	// ahead of the server's change sequence (a server restored from a
	// backup); take a Snapshot instead.
	Resync bool `json:"resync"`
	// Revoked lists the records (RPPS numbers) the account no longer sees:
	// a secretary's mandate revoked or ended. The desktop removes their data
	// (Replica.ForgetRecords).
	Revoked []string `json:"revoked,omitempty"`
}

// Snapshot is every object a client may see, at change sequence Cursor.
type Snapshot struct {
	Cursor        int64           `json:"cursor"`
	Practitioners []*Practitioner `json:"practitioners"`
	Requests      []*Request      `json:"requests"`
	// Revoked: as PullResponse.Revoked.
	Revoked []string `json:"revoked,omitempty"`
}

// Receipt marks a store write made for a client's mutation: carried by the
// write's context (WithReceipt), it is committed in the same transaction as
// the write, with the result read back in that transaction (outcome applied,
// the request's version and state), and the client's sequence advances to
// Seq. The store refuses the write with ECONFLICT when Seq is not the next
// one of the client (a replay or a race with another server process: the
// stored result is then the answer). The change rows the write adds are
// attributed to the client (ChangedByOthersSince).
type Receipt struct {
	ClientID   string
	Seq        int64
	MutationID string
	RequestID  string
	// Result, when set, receives the stored result once the transaction
	// has committed (left untouched when it has not), so that the caller
	// need not read it again.
	Result *MutationResult
}

type receiptKey struct{}

// WithReceipt returns ctx carrying r for the store's next write.
func WithReceipt(ctx context.Context, r Receipt) context.Context {
	return context.WithValue(ctx, receiptKey{}, r)
}

// ReceiptFrom returns the receipt ctx carries, if any.
func ReceiptFrom(ctx context.Context) (Receipt, bool) {
	r, ok := ctx.Value(receiptKey{}).(Receipt)
	return r, ok
}

// SyncStore is the server's side of the synchronisation: clients, the
// results of their mutations, and the change log written by the store on
// every change of a request or a record, whoever made it (a mutation, the
// API, an agent's decision, a periodic job).
type SyncStore interface {
	// BindSyncClient binds clientID to accountID on first use and returns
	// the last seq applied for it (0 for a new client); EFORBIDDEN when the
	// client id is bound to another account.
	BindSyncClient(ctx context.Context, clientID, accountID string) (lastSeq int64, err error)
	// FindMutationResult returns the stored result of a client's mutation,
	// ENOTFOUND when none.
	FindMutationResult(ctx context.Context, clientID string, seq int64) (*MutationResult, error)
	// RecordMutationResult stores the result of a mutation that wrote
	// nothing (conflict, rejected) and advances the client's sequence;
	// ECONFLICT when r.Seq is not the client's next seq.
	RecordMutationResult(ctx context.Context, r MutationResult) error
	// ChangedByOthersSince tells whether the request changed after version
	// by anything but clientID's mutations (true when the log no longer
	// reaches back to version).
	ChangedByOthersSince(ctx context.Context, requestID string, version int64, clientID string) (bool, error)
	// ListChanges returns up to limit changes after cursor to the records of
	// the RPPS numbers given and their requests (the newest state of each
	// object once), oldest first; Resync when cursor is below what the log
	// keeps.
	ListChanges(ctx context.Context, cursor int64, rpps []string, limit int) (*PullResponse, error)
	// SnapshotOf returns the records of the RPPS numbers given and their
	// requests, with the change sequence they are at.
	SnapshotOf(ctx context.Context, rpps []string) (*Snapshot, error)
	// ChangeSeq returns the newest change sequence (0 when none).
	ChangeSeq(ctx context.Context) (int64, error)
	// PruneChanges forgets the change log before the time given, keeping the
	// newest change of each object that still exists; a cursor below the
	// pruned part gets Resync.
	PruneChanges(ctx context.Context, before time.Time) (int, error)
	// PruneMutations forgets the results of mutations handled before the
	// time given; the clients' last seqs stay, so that a replay of a pruned
	// seq is never applied again (the server answers it rejected).
	PruneMutations(ctx context.Context, before time.Time) (int, error)
}

// PendingStatus is where a desktop's mutation stands.
type PendingStatus string

// The states of a mutation in the desktop's outbox.
const (
	PendingQueued   PendingStatus = "queued"   // not sent yet: autosaves coalesce into it
	PendingSent     PendingStatus = "sent"     // sent at least once: frozen, resent as is
	PendingConflict PendingStatus = "conflict" // set aside: the user chooses (three-way)
	PendingRejected PendingStatus = "rejected" // set aside: shown on its request
)

// PendingMutation is a mutation in the desktop's outbox with where it stands
// and, once set aside, the server's answer and the common base.
type PendingMutation struct {
	Mutation
	Status PendingStatus   `json:"status"`
	Result *MutationResult `json:"result,omitempty"` // conflict or rejected
	// BasePayload is the payload at BaseVersion, the common base of a
	// three-way comparison (nil when the request was new).
	BasePayload json.RawMessage `json:"basePayload,omitempty" ts_type:"Record<string, any>"`
	// FrozenNow: the listing that returned it froze it (it was queued, never
	// sent before): RequeueMutations may give it back to the queue when the
	// push that follows certainly never reached the server.
	FrozenNow bool `json:"-"`
}

// SyncSummary is where the desktop's synchronisation stands in its store.
type SyncSummary struct {
	ClientID   string     `json:"clientId"`
	Cursor     int64      `json:"cursor"`
	Pending    int        `json:"pending"`  // queued or sent
	SetAside   int        `json:"setAside"` // conflicts and rejections to show
	LastSyncAt *time.Time `json:"lastSyncAt,omitempty"`
}

// Replica is the desktop's side: its store records every local change as a
// mutation in the same transaction (the store's Replica mode), and applies
// what the server says.
type Replica interface {
	// SyncSummary returns the client id (drawn once per store), the cursor,
	// the counts and the last successful sync.
	SyncSummary(ctx context.Context) (*SyncSummary, error)
	// ListPendingMutations returns up to limit queued or sent mutations
	// (0: all), in seq order.
	ListPendingMutations(ctx context.Context, limit int) ([]PendingMutation, error)
	// MarkMutationsSent freezes the queued mutations up to seq before they
	// go out: a later autosave appends a new mutation instead of changing one
	// the server may have applied.
	MarkMutationsSent(ctx context.Context, upToSeq int64) error
	// RequeueMutations gives the mutations at seqs, frozen by a push that
	// certainly never reached the server (no connection was made), back to
	// the queue, so that later autosaves coalesce into them again. Only the
	// caller knows which it froze itself: it must never pass a mutation an
	// earlier attempt sent (the server may have applied it). A seq not
	// sent, or followed by a mutation sent or set aside, is left as is.
	RequeueMutations(ctx context.Context, seqs []int64) error
	// AckMutation applies the server's result in one transaction: applied
	// removes the mutation and records the request's server version and
	// state (base of later changes); conflict and rejected set it aside with
	// the result, never blocking the mutations behind it. Acknowledging a
	// mutation no longer pending is not an error.
	AckMutation(ctx context.Context, r MutationResult) error
	// ApplyChanges applies pulled changes and advances the cursor in one
	// transaction; a request with pending or set-aside mutations keeps its
	// local state (the mutations are replayed on top) and records the
	// server's version and state as its new base.
	ApplyChanges(ctx context.Context, changes []Change, cursor int64, at time.Time) error
	// ApplySnapshot replaces the server's part of the local data by the
	// snapshot (local requests with pending mutations stay), in one
	// transaction.
	ApplySnapshot(ctx context.Context, s *Snapshot, at time.Time) error
	// ListSetAside returns the conflicts and rejections to show, oldest first.
	ListSetAside(ctx context.Context) ([]PendingMutation, error)
	// ResolveConflict settles a set-aside mutation of a request: with
	// payload (the user's choice, field by field) the draft takes it and a
	// new save mutation based on the server's version is queued; with nil
	// the local request takes the server's state (or is removed when the
	// server has none) and the local change is dropped.
	ResolveConflict(ctx context.Context, requestID string, payload json.RawMessage, actor Actor) error
	// ForgetRecords removes the records given (RPPS numbers: the account
	// lost access to them) and their requests; their mutations not sent yet
	// are set aside as rejected (never sent, shown), those sent stay pending
	// (the server answers them). It returns the ids of the requests removed.
	ForgetRecords(ctx context.Context, rpps []string) ([]string, error)
	// BindAccount binds the outbox to the account key (server address and
	// account) and tells whether it was bound to another one: then every
	// mutation of the previous account is set aside (never sent under this
	// one, shown), and a new client id with a fresh cursor starts.
	BindAccount(ctx context.Context, key string) (switched bool, err error)
	// RenumberPending numbers the pending mutations again from seq from
	// (the server expects it: restored from a backup, it lost what this
	// desktop had sent), setting aside out of the numbering the conflicts
	// and rejections, and resets the cursor (the next pull resyncs).
	RenumberPending(ctx context.Context, from int64) error
}

// LinkedCessationID is the id of the cessation a moved cabinet's new
// activity creates when transmitted: derived from the new activity's id, so
// that the desktop and the server, each planning the same transmission,
// create the same request.
func LinkedCessationID(newActivityID string) string {
	b := sha256.Sum256([]byte("erpps:linked-cessation:" + newActivityID))
	b[6] = b[6]&0x0f | 0x50 // version 5 style (name-based)
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
