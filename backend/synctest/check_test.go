package synctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// agentDecides has the ARS agent take a transmitted request of the
// practitioner and accept or refuse it, on the server, while the owner may
// be editing it; it tells whether a decision was committed. A decision
// refused by the rules (someone changed the request meanwhile) or a server
// restarting is part of the game.
func agentDecides(ctx context.Context, srv *liveServer, f *fixture, rng *rand.Rand) (bool, error) {
	store, svc := srv.current()
	if store == nil {
		return false, nil
	}
	list, err := store.ListRequests(ctx, erpps.RequestFilter{RPPS: f.practitioner.RPPS,
		Statuses: []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusUnderReview}, WithoutHistory: true})
	if err != nil || len(list) == 0 {
		return false, nil // a restart closed the store
	}
	r := list[rng.IntN(len(list))]
	in := backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: r.Revision}
	if r.Status == erpps.StatusUnderReview {
		in.Action = erpps.DecisionAccept
		if rng.IntN(3) == 0 {
			in.Action, in.Reason = erpps.DecisionRefuse, "Pièce justificative manquante."
		}
	}
	if _, err := svc.office.Decide(ctx, f.agent, r.ID, in); err != nil {
		return false, nil
	}
	return true, nil
}

// check counts, after healing: every mutation of every desktop has exactly
// one result on the server, the one the desktop acknowledged; none is left
// or missing; each transmission and withdrawal is in the request's history
// once; every desktop's data equals the server's.
func check(ctx context.Context, store serverStore, f *fixture, desktops []*desktop, run *tally) error {
	appliedTransmits := map[string]int{}
	appliedWithdraws := map[string]int{}
	for _, d := range desktops {
		sum, err := d.db.SyncSummary(ctx)
		if err != nil {
			return err
		}
		if sum.Pending != 0 || sum.SetAside != 0 {
			return fmt.Errorf("%s: %d mutations pending and %d set aside after healing", d.name, sum.Pending, sum.SetAside)
		}
		maxSeq, ids, kinds, reqs, acks := d.rec.snapshot()
		last, err := store.BindSyncClient(ctx, sum.ClientID, f.owner.ID)
		if err != nil {
			return err
		}
		if last != maxSeq {
			return fmt.Errorf("%s: the server's last seq is %d, the desktop made %d mutations", d.name, last, maxSeq)
		}
		for seq := int64(1); seq <= maxSeq; seq++ {
			id, ok := ids[seq]
			if !ok {
				return fmt.Errorf("%s: seq %d was never pending (a gap in the desktop's seqs)", d.name, seq)
			}
			res, err := store.FindMutationResult(ctx, sum.ClientID, seq)
			if err != nil {
				return fmt.Errorf("%s: seq %d lost: %w", d.name, seq, err)
			}
			if res.MutationID != id {
				return fmt.Errorf("%s: seq %d applied as mutation %s, the desktop sent %s", d.name, seq, res.MutationID, id)
			}
			if len(acks[seq]) == 0 {
				return fmt.Errorf("%s: seq %d never acknowledged", d.name, seq)
			}
			for _, a := range acks[seq] {
				if a.MutationID != res.MutationID || a.Outcome != res.Outcome {
					return fmt.Errorf("%s: seq %d acknowledged as %s %s, stored as %s %s", d.name, seq, a.MutationID, a.Outcome, res.MutationID, res.Outcome)
				}
			}
			run.mutations++
			run.acks += int64(len(acks[seq]))
			switch res.Outcome {
			case erpps.OutcomeApplied:
				run.applied++
				switch kinds[seq] {
				case erpps.MutationTransmit:
					appliedTransmits[reqs[seq]]++
				case erpps.MutationWithdraw:
					appliedWithdraws[reqs[seq]]++
				}
			case erpps.OutcomeConflict:
				run.conflicts++
			case erpps.OutcomeRejected:
				run.rejected++
			default:
				return fmt.Errorf("%s: seq %d has outcome %q", d.name, seq, res.Outcome)
			}
		}
		if _, err := store.FindMutationResult(ctx, sum.ClientID, maxSeq+1); erpps.ErrorCode(err) != erpps.ENOTFOUND {
			return fmt.Errorf("%s: the server has a result past the desktop's last seq %d (%v)", d.name, maxSeq, err)
		}
	}
	server, err := store.ListRequests(ctx, erpps.RequestFilter{RPPS: f.practitioner.RPPS})
	if err != nil {
		return err
	}
	for _, r := range server {
		transmitted, withdrawn := 0, 0
		for _, e := range r.History {
			switch e.To {
			case erpps.StatusTransmitted:
				transmitted++
			case erpps.StatusWithdrawn:
				withdrawn++
			}
		}
		if transmitted != appliedTransmits[r.ID] || withdrawn != appliedWithdraws[r.ID] {
			return fmt.Errorf("request %s: %d transmissions and %d withdrawals in its history, %d and %d applied mutations",
				r.ID, transmitted, withdrawn, appliedTransmits[r.ID], appliedWithdraws[r.ID])
		}
		run.transmits += int64(transmitted)
		run.withdrawns += int64(withdrawn)
	}
	for _, d := range desktops {
		if err := sameData(ctx, d, store, f, server); err != nil {
			return err
		}
	}
	return nil
}

// sameData compares a desktop's requests and record with the server's.
func sameData(ctx context.Context, d *desktop, store serverStore, f *fixture, server []*erpps.Request) error {
	local, err := d.db.ListRequests(ctx, erpps.RequestFilter{RPPS: f.practitioner.RPPS})
	if err != nil {
		return err
	}
	if a, b := ids(local), ids(server); !reflect.DeepEqual(a, b) {
		sum, _ := d.db.SyncSummary(ctx)
		seq, _ := store.ChangeSeq(ctx)
		detail := ""
		for _, r := range server {
			detail += fmt.Sprintf("\n  server %s %s %s rev %d by %s", r.ID, r.Kind, r.Status, r.Revision, r.UpdatedBy.ID)
		}
		for _, r := range local {
			detail += fmt.Sprintf("\n  local %s %s %s rev %d", r.ID, r.Kind, r.Status, r.Revision)
		}
		_, _, kinds, reqs, acks := d.rec.snapshot()
		for seq := int64(1); seq <= int64(len(kinds)); seq++ {
			for _, a := range acks[seq] {
				detail += fmt.Sprintf("\n  seq %d %s on %s: %s %s v%d %v", seq, kinds[seq], reqs[seq], a.Outcome, a.Code, a.Version, a.Request != nil)
			}
		}
		return fmt.Errorf("%s has requests %v, the server %v (desktop cursor %d, server change seq %d)%s", d.name, a, b, sum.Cursor, seq, detail)
	}
	byID := map[string]*erpps.Request{}
	for _, r := range local {
		byID[r.ID] = r
	}
	for _, s := range server {
		l := byID[s.ID]
		if l.Status != s.Status || !sameJSON(l.Payload, s.Payload) || l.Reason != s.Reason {
			detail := ""
			_, _, kinds, reqs, acks := d.rec.snapshot()
			for seq := int64(1); seq <= int64(len(kinds)); seq++ {
				for _, a := range acks[seq] {
					if reqs[seq] == s.ID {
						detail += fmt.Sprintf("\n  seq %d %s: %s %s v%d changeSeq %d", seq, kinds[seq], a.Outcome, a.Code, a.Version, a.ChangeSeq)
					}
				}
			}
			for _, e := range s.History {
				detail += fmt.Sprintf("\n  server history: %s → %s by %s", e.From, e.To, e.Actor.ID)
			}
			return fmt.Errorf("%s: request %s is %s %s locally, %s %s (rev %d) on the server%s", d.name, s.ID, l.Status, l.Payload, s.Status, s.Payload, s.Revision, detail)
		}
	}
	lp, err := d.db.FindPractitionerByRPPS(ctx, f.practitioner.RPPS)
	if err != nil {
		return err
	}
	sp, err := store.FindPractitionerByRPPS(ctx, f.practitioner.RPPS)
	if err != nil {
		return err
	}
	if lp.Contact != sp.Contact || lp.ExerciseName != sp.ExerciseName {
		return fmt.Errorf("%s: the record is %+v %q locally, %+v %q on the server", d.name, lp.Contact, lp.ExerciseName, sp.Contact, sp.ExerciseName)
	}
	return nil
}

func ids(rs []*erpps.Request) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.ID)
	}
	sort.Strings(out)
	return out
}

func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(x, y)
}
