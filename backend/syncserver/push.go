package syncserver

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// applyAttempts bounds the retries of a mutation whose write lost a race
// with another writer of the request (the next attempt sees the other write:
// a conflict, or an application on the newer revision).
const applyAttempts = 3

// Push applies the mutations of a client, in seq order, exactly once: a seq
// already handled returns its stored result; a seq past the next one stops
// the batch (Expected: the seq to resend from); the next seq is applied
// through backend/requests with a receipt committed in the same transaction,
// or stored as a conflict or a rejection (which never block the seqs after
// it). A fault of the server (the store unreachable) is an error: nothing of
// that mutation was kept, the client resends it.
func (s *Service) Push(ctx context.Context, acct *erpps.Account, in erpps.PushRequest) (*erpps.PushResponse, error) {
	if err := syncing(acct); err != nil {
		return nil, err
	}
	if err := checkBatch(in); err != nil {
		return nil, err
	}
	last, pre, err := s.bind(ctx, acct, in)
	if err != nil {
		return nil, err
	}
	out := &erpps.PushResponse{Results: []erpps.MutationResult{}}
	var newest int64
	defer func() { s.watch.publish(newest) }()
	for i, m := range in.Mutations {
		switch {
		case m.Seq <= last:
			r, err := s.Store.FindMutationResult(ctx, in.ClientID, m.Seq)
			if erpps.ErrorCode(err) == erpps.ENOTFOUND {
				// Handled long ago, its result pruned (--sync-retention):
				// never applied again; the desktop sets it aside.
				out.Results = append(out.Results, erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID,
					Outcome: erpps.OutcomeRejected, Code: erpps.ECONFLICT, Message: msgResultPruned})
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("syncserver: unable to read a stored result: %w", err)
			}
			if r.MutationID != m.ID {
				// Another mutation had this seq (a desktop's store restored
				// from a backup numbers again): never answer for it, which
				// would drop this one silently.
				r = &erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID, Outcome: erpps.OutcomeRejected,
					Code: erpps.ECONFLICT, Message: msgSeqReused, ChangeSeq: r.ChangeSeq}
			}
			out.Results = append(out.Results, *r)
			continue
		case m.Seq > last+1:
			out.Expected = last + 1
			return out, nil
		}
		first := pre
		if i > 0 {
			first = nil // read with the binding: the first mutation's
		}
		r, err := s.handle(ctx, acct, m, first)
		if err != nil {
			if len(out.Results) > 0 {
				// What was handled is kept: the client acknowledges it and
				// resends the rest.
				return out, nil
			}
			return nil, err
		}
		if r.Outcome == erpps.OutcomeApplied {
			newest = max(newest, r.ChangeSeq)
		}
		out.Results = append(out.Results, *r)
		last = m.Seq
	}
	return out, nil
}

// msgSeqReused answers a mutation whose seq the server gave to another one.
const msgSeqReused = "Ce poste a déjà envoyé une autre modification sous ce numéro (ses données ont-elles été restaurées d'une sauvegarde ?) : cette modification n'a pas été appliquée ; refaites-la."

// msgResultPruned answers a mutation handled so long ago that its result is
// no longer kept.
const msgResultPruned = "Le serveur a traité cette modification il y a trop longtemps pour en garder le résultat : " +
	"elle n'a pas été appliquée une seconde fois ; vérifiez la demande et refaites la modification si elle n'y figure pas."

// checkBatch refuses a malformed batch as a whole: nothing of it is applied.
func checkBatch(in erpps.PushRequest) error {
	if in.ClientID == "" || len(in.ClientID) > maxClientIDLength {
		return erpps.Invalid("Identifiant de poste invalide.", erpps.FieldError{Field: "clientId", Code: erpps.EINVALID, Message: "Identifiant obligatoire, 100 caractères au plus."})
	}
	if len(in.Mutations) > MaxMutationsPerPush {
		return erpps.Invalid(fmt.Sprintf("Envoyez au plus %d modifications à la fois.", MaxMutationsPerPush),
			erpps.FieldError{Field: "mutations", Code: "length", Message: "Trop de modifications."})
	}
	var prev int64
	for i, m := range in.Mutations {
		field := fmt.Sprintf("mutations[%d]", i)
		if m.ClientID != in.ClientID {
			return erpps.Invalid("Une modification vient d'un autre poste.", erpps.FieldError{Field: field + ".clientId", Code: erpps.EINVALID, Message: "Le poste de la modification diffère de celui de l'envoi."})
		}
		if m.Seq <= prev {
			return erpps.Invalid("Les modifications doivent être envoyées dans l'ordre.", erpps.FieldError{Field: field + ".seq", Code: erpps.EINVALID, Message: "Numéros croissants à partir de 1."})
		}
		prev = m.Seq
	}
	return nil
}

// handle applies the client's next mutation m, or records why not, and
// returns the stored result. When the receipt lost a race (another server
// process handled the same seq), the stored result is the answer.
func (s *Service) handle(ctx context.Context, acct *erpps.Account, m erpps.Mutation, pre *basisRead) (*erpps.MutationResult, error) {
	var err error
	for range applyAttempts {
		var r *erpps.MutationResult
		r, err = s.attempt(ctx, acct, m, pre)
		pre = nil // an attempt again reads the request again
		if err == nil {
			return r, nil
		}
		if stored, ferr := s.Store.FindMutationResult(ctx, m.ClientID, m.Seq); ferr == nil {
			return stored, nil
		} else if erpps.ErrorCode(ferr) != erpps.ENOTFOUND {
			return nil, ferr
		}
		if erpps.ErrorCode(err) != erpps.ECONFLICT {
			break
		}
	}
	if !rejection(err) {
		return nil, err
	}
	if erpps.ErrorCode(err) == erpps.ECONFLICT {
		// The request's state no longer allows the action (an agent
		// decided it meanwhile: a decision keeps the revision, the state
		// machine refuses): a conflict with the server's state, which the
		// user sees and settles.
		cur, ferr := s.Store.FindRequestByID(ctx, m.RequestID)
		if ferr == nil && cur.RPPS == m.Principal {
			if ok, rerr := s.mayRead(ctx, acct, cur.RPPS); rerr != nil {
				return nil, rerr
			} else if ok {
				return s.conflictWith(ctx, m, cur, err)
			}
		} else if ferr != nil && erpps.ErrorCode(ferr) != erpps.ENOTFOUND {
			return nil, ferr
		}
	}
	return s.record(ctx, m, erpps.OutcomeRejected, err)
}

// rejection tells whether err refuses the mutation itself (stored as
// rejected: resending it would fail the same way) rather than a fault of the
// server (the client resends it).
func rejection(err error) bool {
	switch erpps.ErrorCode(err) {
	case erpps.EINVALID, erpps.EFORBIDDEN, erpps.ENOTFOUND, erpps.ECONFLICT, erpps.ETOOLARGE:
		return true
	}
	return false
}

// attempt decides m against the request as it stands (pre: as read with
// the client's binding, just before; nil: read now): rejected (the actor,
// the record), conflict (someone else changed it since m's base), or
// applied with a receipt. A write refused by the rules is returned as an
// error.
func (s *Service) attempt(ctx context.Context, acct *erpps.Account, m erpps.Mutation, pre *basisRead) (*erpps.MutationResult, error) {
	if err := checkMutation(acct, m); err != nil {
		return s.record(ctx, m, erpps.OutcomeRejected, err)
	}
	var cur *erpps.Request
	var changed bool
	var err error
	if pre != nil {
		cur, changed = pre.cur, pre.changed
	} else if cur, changed, err = s.basis(ctx, m); err != nil {
		return nil, err
	}
	rpps := m.Principal
	if cur != nil {
		rpps = cur.RPPS
	}
	if ok, err := s.mayRead(ctx, acct, rpps); err != nil {
		return nil, err
	} else if !ok || (cur != nil && cur.RPPS != m.Principal) {
		return s.record(ctx, m, erpps.OutcomeRejected, erpps.NotFound("Ce dossier est introuvable, ou vous n'avez pas de mandat en cours pour lui."))
	}
	if cur == nil {
		return s.onAbsent(ctx, acct, m, changed)
	}
	if changed {
		return s.conflict(ctx, m, cur)
	}
	return s.apply(ctx, acct, m, cur)
}

// basisReader is a store that reads the request of a mutation and whether
// others changed it since the mutation's base together (one read
// transaction, one round trip): the sqlite and postgres stores.
type basisReader interface {
	// RequestChangedSince returns the request as it stands, without its
	// history (nil when absent), and ChangedByOthersSince(id, version,
	// clientID).
	RequestChangedSince(ctx context.Context, id string, version int64, clientID string) (*erpps.Request, bool, error)
}

// basisRead is what basis read.
type basisRead struct {
	cur     *erpps.Request
	changed bool
}

// bindReader is a store that binds a sync client and reads the basis of
// its first mutation together (one round trip): the postgres store.
type bindReader interface {
	// BindSyncClientAndRead is BindSyncClient(clientID, accountID) and
	// RequestChangedSince(id, version, clientID), read together.
	BindSyncClientAndRead(ctx context.Context, clientID, accountID, id string, version int64) (int64, *erpps.Request, bool, error)
}

// bind binds in's client to acct (BindSyncClient) and returns its last
// seq; with a store that can, also the basis of in's first mutation, read
// with it (nil: not read).
func (s *Service) bind(ctx context.Context, acct *erpps.Account, in erpps.PushRequest) (int64, *basisRead, error) {
	if br, ok := s.Store.(bindReader); ok && len(in.Mutations) > 0 {
		m := in.Mutations[0]
		last, cur, changed, err := br.BindSyncClientAndRead(ctx, in.ClientID, acct.ID, m.RequestID, m.BaseVersion)
		if err != nil {
			return 0, nil, err
		}
		return last, &basisRead{cur: cur, changed: changed}, nil
	}
	last, err := s.Store.BindSyncClient(ctx, in.ClientID, acct.ID)
	return last, nil, err
}

// basis reads what deciding m needs: its request as it stands (nil when
// absent; its history is not read) and whether someone else than m's
// client changed it since m's base version.
func (s *Service) basis(ctx context.Context, m erpps.Mutation) (*erpps.Request, bool, error) {
	if br, ok := s.Store.(basisReader); ok {
		return br.RequestChangedSince(ctx, m.RequestID, m.BaseVersion, m.ClientID)
	}
	cur, err := s.Store.FindRequestByID(ctx, m.RequestID)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		cur = nil
	} else if err != nil {
		return nil, false, err
	}
	if cur == nil && m.BaseVersion == 0 {
		return nil, false, nil // nothing to have changed since
	}
	changed, err := s.Store.ChangedByOthersSince(ctx, m.RequestID, m.BaseVersion, m.ClientID)
	if err != nil {
		return nil, false, err
	}
	return cur, changed, nil
}

// checkMutation refuses a mutation made by someone else than the signed-in
// account, or that says nothing usable.
func checkMutation(acct *erpps.Account, m erpps.Mutation) error {
	me := acct.Actor()
	if m.Actor.Role != me.Role || m.Actor.ID != me.ID {
		return erpps.Errorf(erpps.EFORBIDDEN, "Cette modification a été faite sous un autre compte que celui connecté au serveur.")
	}
	if !m.Kind.Valid() {
		return erpps.Invalid("Type de modification inconnu.", erpps.FieldError{Field: "kind", Code: erpps.EINVALID, Message: "Type inconnu."})
	}
	if m.RequestID == "" || m.Principal == "" {
		return erpps.Invalid("La modification ne dit pas sur quelle demande elle porte.")
	}
	return nil
}

// onAbsent decides m on a request the server does not have: a save creates
// it (unless someone else deleted it since m's base, changed: conflict); a
// delete has nothing left to do; a transmission or a withdrawal has nothing
// to act on.
func (s *Service) onAbsent(ctx context.Context, acct *erpps.Account, m erpps.Mutation, changed bool) (*erpps.MutationResult, error) {
	if m.BaseVersion > 0 && changed && m.Kind != erpps.MutationDeleteDraft {
		return s.conflict(ctx, m, nil)
	}
	switch m.Kind {
	case erpps.MutationSaveDraft:
		in := requests.StartInput{RPPS: m.Principal, Kind: m.RequestKind, TargetID: m.TargetID}
		rctx, res := s.receipted(ctx, m)
		if err := s.Requests.InsertDraft(rctx, m.RequestID, in, m.Payload, acct.Actor()); err != nil {
			return nil, err
		}
		return s.committed(ctx, m, res)
	case erpps.MutationDeleteDraft:
		return s.record(ctx, m, erpps.OutcomeApplied, nil)
	}
	return s.record(ctx, m, erpps.OutcomeRejected, erpps.NotFound("Cette demande n'existe pas sur le serveur."))
}

// apply makes m's change through backend/requests, with the receipt, on the
// request's current revision, and returns the result stored with it.
func (s *Service) apply(ctx context.Context, acct *erpps.Account, m erpps.Mutation, cur *erpps.Request) (*erpps.MutationResult, error) {
	rctx, res := s.receipted(ctx, m)
	actor := acct.Actor()
	var err error
	switch m.Kind {
	case erpps.MutationSaveDraft:
		err = s.Requests.SaveDraftOn(rctx, cur, m.Payload, actor)
	case erpps.MutationDeleteDraft:
		err = s.Requests.Delete(rctx, cur.ID, actor)
	case erpps.MutationTransmit:
		if actor.Role == erpps.RoleSecretary || m.ApprovalID != "" {
			_, err = s.Requests.TransmitApproved(rctx, cur.ID, actor, m.ApprovalID)
		} else {
			_, err = s.Requests.Transmit(rctx, cur.ID, actor)
		}
	case erpps.MutationWithdraw:
		_, err = s.Requests.Withdraw(rctx, cur.ID, actor, m.Comment)
	}
	if err != nil {
		return nil, err
	}
	return s.committed(ctx, m, res)
}

// receipted is ctx carrying m's receipt for the store's write, and where
// the store puts the result it committed with the write. The write is not
// cancelled with the request: once begun it ends (a desktop gone meanwhile
// is answered the stored result when it sends m again), and a store that
// commits several desktops' writes together (sqlite) never has one of them
// interrupted halfway.
func (s *Service) receipted(ctx context.Context, m erpps.Mutation) (context.Context, *erpps.MutationResult) {
	res := &erpps.MutationResult{}
	return erpps.WithReceipt(context.WithoutCancel(ctx), erpps.Receipt{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID, RequestID: m.RequestID, Result: res}), res
}

// committed is the result of m that a successful write stored with its
// receipt (res, filled by the store once committed), else the stored one
// read again (a write that did not go through the receipt).
func (s *Service) committed(ctx context.Context, m erpps.Mutation, res *erpps.MutationResult) (*erpps.MutationResult, error) {
	if res.Seq == m.Seq && res.ClientID == m.ClientID && res.MutationID == m.ID {
		return res, nil
	}
	return s.Store.FindMutationResult(ctx, m.ClientID, m.Seq)
}

// conflict stores and returns m's conflict with the server's state of the
// request (nil: deleted).
func (s *Service) conflict(ctx context.Context, m erpps.Mutation, cur *erpps.Request) (*erpps.MutationResult, error) {
	return s.conflictWith(ctx, m, cur, erpps.Errorf(erpps.ECONFLICT, "Cette demande a été modifiée ailleurs depuis votre dernière synchronisation : choisissez la version à garder."))
}

// conflictWith stores and returns m's conflict with the server's state of
// the request (nil: deleted), saying why (cause).
func (s *Service) conflictWith(ctx context.Context, m erpps.Mutation, cur *erpps.Request, cause error) (*erpps.MutationResult, error) {
	r := erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID, Outcome: erpps.OutcomeConflict,
		Code: erpps.ECONFLICT, Message: erpps.ErrorMessage(cause)}
	// The change sequence first, then the state read again: the state sent
	// is never older than the sequence it is stamped with. (Read the other
	// way round, an agent's decision committed in between made the desktop
	// take the state before it as newer than the decision, for good: found
	// by backend/synctest.)
	seq, err := s.Store.ChangeSeq(ctx)
	if err != nil {
		return nil, err
	}
	r.ChangeSeq = seq
	if cur != nil {
		if cur, err = s.Store.FindRequestByID(ctx, cur.ID); erpps.ErrorCode(err) == erpps.ENOTFOUND {
			cur = nil
		} else if err != nil {
			return nil, err
		}
	}
	if cur != nil {
		r.Version, r.Request = cur.Revision, cur
		if cur.LinkedRequestID != "" {
			linked, err := s.Store.FindRequestByID(ctx, cur.LinkedRequestID)
			if err != nil && erpps.ErrorCode(err) != erpps.ENOTFOUND {
				return nil, err
			}
			r.Linked = linked
		}
	}
	return s.store(ctx, r)
}

// record stores and returns an outcome of m that wrote nothing: a rejection
// (why: cause) or a delete with nothing left to delete.
func (s *Service) record(ctx context.Context, m erpps.Mutation, outcome erpps.MutationOutcome, cause error) (*erpps.MutationResult, error) {
	r := erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID, Outcome: outcome}
	if cause != nil {
		r.Code, r.Message = erpps.ErrorCode(cause), erpps.ErrorMessage(cause)
	}
	return s.store(ctx, r)
}

// store keeps r, stamped with the change sequence; when another process
// stored this seq first, its result is the answer.
func (s *Service) store(ctx context.Context, r erpps.MutationResult) (*erpps.MutationResult, error) {
	if r.ChangeSeq == 0 {
		seq, err := s.Store.ChangeSeq(ctx)
		if err != nil {
			return nil, err
		}
		r.ChangeSeq = seq
	}
	if err := s.Store.RecordMutationResult(ctx, r); err != nil {
		if erpps.ErrorCode(err) == erpps.ECONFLICT {
			if stored, ferr := s.Store.FindMutationResult(ctx, r.ClientID, r.Seq); ferr == nil {
				return stored, nil
			}
		}
		return nil, err
	}
	return &r, nil
}
