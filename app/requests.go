package app

import (
	"encoding/json"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// localActor is who acts from this computer. Until e-CPS login exists, the
// professional whose record is open.
func localActor(rpps string) erpps.Actor {
	return erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Professionnel (poste local)"}
}

// actorFor is who acts on request id from this computer: a plain read of
// the request, not its validated view.
func (a *App) actorFor(id string) (erpps.Actor, error) {
	r, err := a.deps.Requests.Requests.FindRequestByID(a.ctx, id)
	if err != nil {
		return erpps.Actor{}, err
	}
	return localActor(r.RPPS), nil
}

// ListRequests lists a practitioner's requests, newest first, each with its
// labels and what the actor may do with it.
func (a *App) ListRequests(filter erpps.RequestFilter) ([]*requests.Item, error) {
	return a.deps.Requests.ListItems(a.ctx, filter, localActor(filter.RPPS))
}

// GetRequest returns a request with its validation as it stands.
func (a *App) GetRequest(id string) (*requests.View, error) {
	actor, err := a.actorFor(id)
	if err != nil {
		return nil, err
	}
	return a.deps.Requests.Get(a.ctx, id, actor)
}

// StartRequest opens a new draft, or the draft of the same kind on the same
// object already started.
func (a *App) StartRequest(in requests.StartInput) (*requests.View, error) {
	return a.deps.Requests.Start(a.ctx, in, localActor(in.RPPS))
}

// SaveDraft is the autosave: it stores what was typed and validates it.
func (a *App) SaveDraft(id string, payload json.RawMessage) (*requests.View, error) {
	r, err := a.deps.Requests.Requests.FindRequestByID(a.ctx, id)
	if err != nil {
		return nil, err
	}
	return a.deps.Requests.SaveDraft(a.ctx, id, r.Revision, payload, localActor(r.RPPS))
}

// TransmitRequest sends a complete request to the ARS (queued for the server).
func (a *App) TransmitRequest(id string) (*requests.View, error) {
	actor, err := a.actorFor(id)
	if err != nil {
		return nil, err
	}
	return a.deps.Requests.Transmit(a.ctx, id, actor)
}

// WithdrawRequest takes back a transmitted request not decided yet.
func (a *App) WithdrawRequest(id string, comment string) (*requests.View, error) {
	actor, err := a.actorFor(id)
	if err != nil {
		return nil, err
	}
	return a.deps.Requests.Withdraw(a.ctx, id, actor, comment)
}

// DeleteDraft abandons a draft never transmitted.
func (a *App) DeleteDraft(id string) error {
	actor, err := a.actorFor(id)
	if err != nil {
		return err
	}
	return a.deps.Requests.Delete(a.ctx, id, actor)
}

// LookupStructure finds a structure by its SIRET or FINESS number.
func (a *App) LookupStructure(by string, value string) (*erpps.Structure, error) {
	return a.deps.Requests.LookupStructure(a.ctx, by, value)
}
