package syncclient

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"erpps/backend/erpps"
)

// fakeReplica is an in-memory erpps.Replica, for the tests that do not need
// the real store: it records what the client asked in events.
type fakeReplica struct {
	mu        sync.Mutex
	clientID  string
	cursor    int64
	lastSync  *time.Time
	nextSeq   int64
	mutations []erpps.PendingMutation
	pulled    map[string]erpps.Change
	snapshots int
	events    *eventLog
}

func newFakeReplica(events *eventLog) *fakeReplica {
	return &fakeReplica{clientID: "client-1", nextSeq: 1, pulled: map[string]erpps.Change{}, events: events}
}

// add queues a save of request id with payload.
func (f *fakeReplica) add(id, payload string) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	seq := f.nextSeq
	f.nextSeq++
	f.mutations = append(f.mutations, erpps.PendingMutation{Status: erpps.PendingQueued, Mutation: erpps.Mutation{
		ClientID: f.clientID, Seq: seq, ID: fmt.Sprintf("m-%d", seq), Kind: erpps.MutationSaveDraft, RequestID: id,
		Payload: json.RawMessage(payload), Actor: erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000001"},
		Principal: "10000000001", CreatedAt: time.Unix(0, 0)}})
	return seq
}

func (f *fakeReplica) SyncSummary(context.Context) (*erpps.SyncSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := &erpps.SyncSummary{ClientID: f.clientID, Cursor: f.cursor, LastSyncAt: f.lastSync}
	for _, m := range f.mutations {
		switch m.Status {
		case erpps.PendingQueued, erpps.PendingSent:
			s.Pending++
		default:
			s.SetAside++
		}
	}
	return s, nil
}

func (f *fakeReplica) ListPendingMutations(_ context.Context, limit int) ([]erpps.PendingMutation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []erpps.PendingMutation
	for _, m := range f.mutations {
		if m.Status == erpps.PendingQueued || m.Status == erpps.PendingSent {
			out = append(out, m)
			if limit > 0 && len(out) == limit {
				break
			}
		}
	}
	return out, nil
}

func (f *fakeReplica) MarkMutationsSent(_ context.Context, upTo int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events.add(fmt.Sprintf("mark %d", upTo))
	for i := range f.mutations {
		if f.mutations[i].Seq <= upTo && f.mutations[i].Status == erpps.PendingQueued {
			f.mutations[i].Status = erpps.PendingSent
		}
	}
	return nil
}

func (f *fakeReplica) RequeueMutations(_ context.Context, seqs []int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events.add(fmt.Sprintf("requeue %v", seqs))
	for i := range f.mutations {
		if slices.Contains(seqs, f.mutations[i].Seq) && f.mutations[i].Status == erpps.PendingSent {
			f.mutations[i].Status = erpps.PendingQueued
		}
	}
	return nil
}

func (f *fakeReplica) AckMutation(_ context.Context, r erpps.MutationResult) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events.add(fmt.Sprintf("ack %d %s", r.Seq, r.Outcome))
	for i, m := range f.mutations {
		if m.Seq != r.Seq || (m.Status != erpps.PendingQueued && m.Status != erpps.PendingSent) {
			continue
		}
		switch r.Outcome {
		case erpps.OutcomeApplied:
			f.mutations = append(f.mutations[:i], f.mutations[i+1:]...)
		case erpps.OutcomeConflict:
			f.mutations[i].Status, f.mutations[i].Result = erpps.PendingConflict, &r
		default:
			f.mutations[i].Status, f.mutations[i].Result = erpps.PendingRejected, &r
		}
		return nil
	}
	return nil
}

func (f *fakeReplica) ApplyChanges(_ context.Context, changes []erpps.Change, cursor int64, at time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events.add(fmt.Sprintf("apply %d %d", len(changes), cursor))
	for _, ch := range changes {
		f.pulled[ch.ID] = ch
	}
	f.cursor, f.lastSync = cursor, &at
	return nil
}

func (f *fakeReplica) ApplySnapshot(_ context.Context, s *erpps.Snapshot, at time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events.add(fmt.Sprintf("snapshot %d", s.Cursor))
	f.snapshots++
	f.pulled = map[string]erpps.Change{}
	for _, r := range s.Requests {
		f.pulled[r.ID] = erpps.Change{Kind: erpps.ChangeRequest, ID: r.ID, Request: r}
	}
	f.cursor, f.lastSync = s.Cursor, &at
	return nil
}

func (f *fakeReplica) ListSetAside(context.Context) ([]erpps.PendingMutation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []erpps.PendingMutation
	for _, m := range f.mutations {
		if m.Status == erpps.PendingConflict || m.Status == erpps.PendingRejected {
			out = append(out, m)
		}
	}
	return out, nil
}

func (f *fakeReplica) ResolveConflict(context.Context, string, json.RawMessage, erpps.Actor) error {
	return erpps.Errorf(erpps.EINTERNAL, "not in the fake")
}

func (f *fakeReplica) ForgetRecords(_ context.Context, rpps []string) ([]string, error) {
	if len(rpps) > 0 {
		f.events.add(fmt.Sprintf("forget %v", rpps))
	}
	return nil, nil
}

func (f *fakeReplica) BindAccount(context.Context, string) (bool, error) {
	return false, erpps.Errorf(erpps.EINTERNAL, "not in the fake")
}

func (f *fakeReplica) RenumberPending(context.Context, int64) error {
	return erpps.Errorf(erpps.EINTERNAL, "not in the fake")
}

var _ erpps.Replica = (*fakeReplica)(nil)

// eventLog is the order of what the client did, across the fakes.
type eventLog struct {
	mu     sync.Mutex
	events []string
}

func (l *eventLog) add(e string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, e)
}

func (l *eventLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.events...)
}
