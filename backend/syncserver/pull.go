package syncserver

import (
	"context"

	"erpps/backend/erpps"
)

// Pull returns the changes after cursor that acct may see (their record, or
// those of their active mandates, and the requests on them), the newest
// state of each object once, oldest first, at most limit (DefaultPullLimit
// when 0, MaxPullLimit at most). Resync says the cursor is older than what
// the server keeps: take a Snapshot.
func (s *Service) Pull(ctx context.Context, acct *erpps.Account, cursor int64, limit int) (*erpps.PullResponse, error) {
	if err := syncing(acct); err != nil {
		return nil, err
	}
	if cursor < 0 {
		return nil, erpps.Invalid("Curseur invalide.", erpps.FieldError{Field: "cursor", Code: erpps.EINVALID, Message: "Nombre positif ou nul."})
	}
	switch {
	case limit <= 0:
		limit = DefaultPullLimit
	case limit > MaxPullLimit:
		limit = MaxPullLimit
	}
	rpps, revoked, err := s.visibleRPPS(ctx, acct)
	if err != nil {
		return nil, err
	}
	if pr, ok := s.Store.(pageReader); ok && len(rpps) > 0 {
		// The sequence read with the page, in the same state.
		page, end, err := pr.ListChangesTo(ctx, cursor, rpps, limit)
		if err != nil {
			return nil, err
		}
		return lastPage(page, end, revoked), nil
	}
	// The sequence read before the changes: every change up to it is
	// committed, so the page holds those of the caller's records. A last
	// page's cursor moves to it, past the changes of others' records, so
	// that Wait(cursor) waits instead of answering at once.
	end, err := s.Store.ChangeSeq(ctx)
	if err != nil {
		return nil, err
	}
	if cursor > end {
		// Ahead of the server: it was restored from a backup older than
		// what this desktop pulled. Its changes since the backup reuse the
		// seqs this desktop has passed: only a snapshot says what is there.
		return &erpps.PullResponse{Changes: []erpps.Change{}, Cursor: cursor, Resync: true, Revoked: revoked}, nil
	}
	if len(rpps) == 0 {
		// Nothing to see (a secretary without a mandate).
		return &erpps.PullResponse{Changes: []erpps.Change{}, Cursor: end, Revoked: revoked}, nil
	}
	page, err := s.Store.ListChanges(ctx, cursor, rpps, limit)
	if err != nil {
		return nil, err
	}
	return lastPage(page, end, revoked), nil
}

// pageReader is a store that reads a page of changes and the change
// sequence in one state (one read transaction): the sqlite and postgres
// stores.
type pageReader interface {
	// ListChangesTo is ListChanges and the change sequence the page was
	// read at: every change up to it is in the state read.
	ListChangesTo(ctx context.Context, cursor int64, rpps []string, limit int) (*erpps.PullResponse, int64, error)
}

// lastPage is page, read at change sequence end (or later), as a pull
// answers it: a last page's cursor moves to end, past the changes of
// others' records, so that Wait(cursor) waits instead of answering at
// once; revoked the records the caller no longer sees.
func lastPage(page *erpps.PullResponse, end int64, revoked []string) *erpps.PullResponse {
	if page.Changes == nil {
		page.Changes = []erpps.Change{}
	}
	if !page.More && !page.Resync && page.Cursor < end {
		page.Cursor = end
	}
	page.Revoked = revoked
	return page
}

// Snapshot returns everything acct may see, with the change sequence it is
// at (where the next Pull starts).
func (s *Service) Snapshot(ctx context.Context, acct *erpps.Account) (*erpps.Snapshot, error) {
	if err := syncing(acct); err != nil {
		return nil, err
	}
	rpps, revoked, err := s.visibleRPPS(ctx, acct)
	if err != nil {
		return nil, err
	}
	var snap *erpps.Snapshot
	if len(rpps) == 0 {
		seq, err := s.Store.ChangeSeq(ctx)
		if err != nil {
			return nil, err
		}
		snap = &erpps.Snapshot{Cursor: seq}
	} else if snap, err = s.Store.SnapshotOf(ctx, rpps); err != nil {
		return nil, err
	}
	if snap.Practitioners == nil {
		snap.Practitioners = []*erpps.Practitioner{}
	}
	if snap.Requests == nil {
		snap.Requests = []*erpps.Request{}
	}
	snap.Revoked = revoked
	return snap, nil
}
