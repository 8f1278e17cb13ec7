package requests

import (
	"context"
	"encoding/json"

	"erpps/backend/erpps"
)

// SaveDraftOn stores payload over cur, the request as the caller has just
// read it (its revision is the base: a change committed since is refused
// with ECONFLICT by the store), with SaveDraft's checks (the actor, the
// payload's shape) but without reading the request again nor building the
// view: the synchronisation, which has read it and answers no view, saves
// a desktop's draft this way.
func (s *Service) SaveDraftOn(ctx context.Context, cur *erpps.Request, payload json.RawMessage, actor erpps.Actor) error {
	if err := s.checkActor(ctx, actor, cur.RPPS, cur.Kind); err != nil {
		return err
	}
	r, err := rulesFor(cur.Kind)
	if err != nil {
		return err
	}
	if _, err := r.decode(payload); err != nil {
		return err
	}
	_, err = s.Requests.SaveDraft(ctx, cur.ID, cur.Revision, payload, actor)
	return err
}
