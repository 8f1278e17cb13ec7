package requests

// TEMPORARY (branch session): the Service signatures agreed for issue 6
// (TEAM.md) over the old Service, so that app/ calls them before the "core"
// branch lands. DELETE this file when merging core, and in app/wire.go pass
// the *Service itself instead of SessionCompat{...}.

import (
	"context"
	"encoding/json"

	"erpps/backend/erpps"
)

// SessionCompat gives the old Service the agreed signatures.
type SessionCompat struct{ *Service }

// Get ignores the actor (the old Service has no use for it).
func (c SessionCompat) Get(ctx context.Context, id string, _ erpps.Actor) (*View, error) {
	return c.Service.Get(ctx, id)
}

// SaveDraft refuses a stale base revision. Not atomic (a read, then the
// write): core's store checks it in the write's transaction.
func (c SessionCompat) SaveDraft(ctx context.Context, id string, baseRevision int64, payload json.RawMessage, _ erpps.Actor) (*View, error) {
	req, err := c.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if req.Revision != baseRevision {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Ce brouillon a été modifié ailleurs (autre onglet ou fenêtre) depuis que vous l'avez ouvert.")
	}
	return c.Service.SaveDraft(ctx, id, payload)
}

// Delete ignores the actor.
func (c SessionCompat) Delete(ctx context.Context, id string, _ erpps.Actor) error {
	return c.Service.Delete(ctx, id)
}
