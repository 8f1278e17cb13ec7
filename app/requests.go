package app

import (
	"bytes"
	"context"
	"encoding/json"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// RequestActions is what the UI's methods ask of the requests service
// (backend/requests): every write names its actor.
type RequestActions interface {
	ListItems(ctx context.Context, filter erpps.RequestFilter, actor erpps.Actor) ([]*requests.Item, error)
	Get(ctx context.Context, id string, actor erpps.Actor) (*requests.View, error)
	Start(ctx context.Context, in requests.StartInput, actor erpps.Actor) (*requests.View, error)
	SaveDraft(ctx context.Context, id string, baseRevision int64, payload json.RawMessage, actor erpps.Actor) (*requests.View, error)
	Transmit(ctx context.Context, id string, actor erpps.Actor) (*requests.View, error)
	Withdraw(ctx context.Context, id string, actor erpps.Actor, comment string) (*requests.View, error)
	Delete(ctx context.Context, id string, actor erpps.Actor) error
	LookupStructure(ctx context.Context, by requests.StructureLookupBy, value string) (*erpps.Structure, error)
	Practitioner(ctx context.Context, rpps string) (*requests.PractitionerView, error)
}

// ListRequests lists a practitioner's requests, newest first, each with its
// labels and what the session's actor (the local professional of the record
// listed when no session is open) may do with it.
func (a *App) ListRequests(filter erpps.RequestFilter) ([]*requests.Item, error) {
	if err := a.mayOpen(filter.RPPS); err != nil {
		return nil, err
	}
	actor := a.actorOn(filter.RPPS)
	if s, err := a.sessions.get(); err == nil {
		actor = s.Actor
	}
	return a.deps.Requests.ListItems(a.ctx, filter, actor)
}

// GetRequest returns a request of the open record with its validation as it
// stands.
func (a *App) GetRequest(id string) (*requests.View, error) {
	s, err := a.sessions.get()
	if err != nil {
		return nil, err
	}
	v, err := a.deps.Requests.Get(a.ctx, id, s.Actor)
	if err != nil {
		return nil, err
	}
	a.sessions.remember(v.Request)
	if err := s.on(v.Request.RPPS); err != nil {
		return nil, err
	}
	return v, nil
}

// StartRequest opens a new draft on the open record, or the draft of the
// same kind on the same object already started.
func (a *App) StartRequest(in requests.StartInput) (*requests.View, error) {
	s, err := a.sessionOn(in.RPPS)
	if err != nil {
		return nil, err
	}
	v, err := a.deps.Requests.Start(a.ctx, in, s.Actor)
	if err != nil {
		return nil, err
	}
	if !v.Resumed {
		a.changed(v)
	} else {
		a.sessions.remember(v.Request)
	}
	return v, nil
}

// SaveDraft is the autosave: it stores what was typed over the revision the
// UI last received (baseRevision; ECONFLICT when the draft changed
// elsewhere since) and validates it.
func (a *App) SaveDraft(id string, baseRevision int64, payload json.RawMessage) (*requests.View, error) {
	if !bytes.HasPrefix(bytes.TrimSpace(payload), []byte("{")) {
		return nil, erpps.Errorf(erpps.EINVALID, "Le contenu de la demande est illisible.")
	}
	s, err := a.sessionOnRequest(id)
	if err != nil {
		return nil, err
	}
	v, err := a.deps.Requests.SaveDraft(a.ctx, id, baseRevision, payload, s.Actor)
	if err != nil {
		return nil, err
	}
	a.changed(v)
	return v, nil
}

// TransmitRequest sends a complete request to the ARS (queued for the server).
func (a *App) TransmitRequest(id string) (*requests.View, error) {
	s, err := a.sessionOnRequest(id)
	if err != nil {
		return nil, err
	}
	v, err := a.deps.Requests.Transmit(a.ctx, id, s.Actor)
	if err != nil {
		return nil, err
	}
	a.changed(v)
	a.partnerChanged(v.Request, s.Actor)
	return v, nil
}

// WithdrawRequest takes back a transmitted request not decided yet.
func (a *App) WithdrawRequest(id string, comment string) (*requests.View, error) {
	s, err := a.sessionOnRequest(id)
	if err != nil {
		return nil, err
	}
	v, err := a.deps.Requests.Withdraw(a.ctx, id, s.Actor, comment)
	if err != nil {
		return nil, err
	}
	a.changed(v)
	a.partnerChanged(v.Request, s.Actor)
	return v, nil
}

// DeleteDraft abandons a draft never transmitted.
func (a *App) DeleteDraft(id string) error {
	s, err := a.sessionOnRequest(id)
	if err != nil {
		return err
	}
	if err := a.deps.Requests.Delete(a.ctx, id, s.Actor); err != nil {
		return err
	}
	a.events.Emit(EventRequestChanged, RequestChanged{ID: id, Deleted: true})
	a.sync.notify()
	return nil
}

// LookupStructure finds a structure by its SIRET or FINESS number.
func (a *App) LookupStructure(by requests.StructureLookupBy, value string) (*erpps.Structure, error) {
	return a.deps.Requests.LookupStructure(a.ctx, by, value)
}

// changed tells the other windows and tabs that a request was written.
func (a *App) changed(v *requests.View) {
	a.sessions.remember(v.Request)
	r := v.Request
	a.events.Emit(EventRequestChanged, RequestChanged{ID: r.ID, Revision: r.Revision, Status: r.Status})
	// The store recorded the change as a mutation for the server.
	a.sync.notify()
}

// partnerChanged tells that the other request of a moved cabinet was written
// too: the cessation the transmission of a new activity created, or the
// partner withdrawn with it (the store writes the pair in one transaction).
// Nothing is said for a request that stands alone; a failed read leaves the
// lists to reload themselves.
func (a *App) partnerChanged(r *erpps.Request, actor erpps.Actor) {
	var partnerKind erpps.RequestKind
	switch {
	case r.Kind == erpps.KindCeaseActivity && r.LinkedRequestID != "":
		partnerKind = erpps.KindNewActivity
	case r.Kind == erpps.KindNewActivity:
		partnerKind = erpps.KindCeaseActivity
	default:
		return
	}
	items, err := a.deps.Requests.ListItems(a.ctx, erpps.RequestFilter{RPPS: r.RPPS, Kind: partnerKind, WithoutHistory: true}, actor)
	if err != nil {
		return
	}
	for _, it := range items {
		if it.Request != nil && it.ID != r.ID && (it.LinkedRequestID == r.ID || it.ID == r.LinkedRequestID) {
			a.sessions.remember(it.Request)
			a.events.Emit(EventRequestChanged, RequestChanged{ID: it.ID, Revision: it.Revision, Status: it.Status})
		}
	}
}
