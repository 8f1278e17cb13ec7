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

// ListRequests lists a practitioner's requests, newest first.
func (a *App) ListRequests(filter erpps.RequestFilter) ([]*erpps.Request, error) {
	return a.deps.Requests.List(a.ctx, filter)
}

// GetRequest returns a request with its validation as it stands.
func (a *App) GetRequest(id string) (*requests.View, error) {
	return a.deps.Requests.Get(a.ctx, id)
}

// StartRequest opens a new draft, or the draft of the same kind on the same
// object already started.
func (a *App) StartRequest(in requests.StartInput) (*requests.View, error) {
	return a.deps.Requests.Start(a.ctx, in, localActor(in.RPPS))
}

// SaveDraft is the autosave: it stores what was typed, edited from the
// revision baseRevision (a stale copy gets ECONFLICT), and validates it.
func (a *App) SaveDraft(id string, baseRevision int64, payload map[string]any) (*requests.View, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return nil, erpps.Errorf(erpps.EINVALID, "Le contenu de la demande est illisible.")
	}
	return a.deps.Requests.SaveDraftFrom(a.ctx, id, baseRevision, raw)
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
	return a.deps.Requests.Delete(a.ctx, id)
}

// LookupStructure finds a structure by its SIRET or FINESS number.
func (a *App) LookupStructure(by string, value string) (*erpps.Structure, error) {
	return a.deps.Requests.LookupStructure(a.ctx, by, value)
}
