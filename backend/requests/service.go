package requests

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// Service runs the portal's actions on requests.
type Service struct {
	Practitioners erpps.PractitionerService
	Requests      erpps.RequestService
	Structures    erpps.StructureService
	Catalog       *refdata.Catalog
	Now           func() time.Time
	// Mandates, on the server, checks a secretary's mandate before each of
	// their actions, and makes a secretary's transmission need the
	// practitioner's approval (TransmitApproved). Nil on the desktop, where
	// the secretary works on the cabinet's own machine.
	Mandates Mandates
	// Delivery, on a desktop, tells which transmitted requests the server
	// has (their label says so). Nil on the server and on a desktop that
	// keeps no mutation (the kiosk).
	Delivery Delivery
}

// StartInput asks for a new request (or the draft already started).
type StartInput struct {
	RPPS     string            `json:"rpps"`
	Kind     erpps.RequestKind `json:"kind"`
	TargetID string            `json:"targetId,omitempty"`
}

// Start returns a new draft of the kind, prefilled from the record, or the
// draft of the same kind on the same object when there is one: never two.
func (s *Service) Start(ctx context.Context, in StartInput, actor erpps.Actor) (*View, error) {
	r, p, err := s.checkStart(ctx, &in, actor)
	if err != nil {
		return nil, err
	}
	if d, err := s.findDraft(ctx, in); err == nil {
		return s.resumed(ctx, d, actor)
	} else if erpps.ErrorCode(err) != erpps.ENOTFOUND {
		return nil, err
	}
	payload, err := json.Marshal(r.initial(p, in.TargetID))
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("requests: unable to encode an initial payload: %w", err))
	}
	req := &erpps.Request{RPPS: in.RPPS, Kind: in.Kind, TargetID: in.TargetID, Payload: payload}
	if err := s.Requests.CreateRequest(ctx, req, actor); err != nil {
		if erpps.ErrorCode(err) == erpps.ECONFLICT {
			// Another window started the same draft meanwhile: resume it.
			if existing, ferr := s.findDraft(ctx, in); ferr == nil {
				return s.resumed(ctx, existing, actor)
			}
		}
		return nil, err
	}
	return s.viewByID(ctx, req.ID, actor)
}

// checkStart checks that actor may start a request of in's kind on in's
// record, today: the rules of the kind and the record. A cessation's target
// must be an open activity; other kinds have no target (cleared in in).
func (s *Service) checkStart(ctx context.Context, in *StartInput, actor erpps.Actor) (rules, *erpps.Practitioner, error) {
	if err := s.checkActor(ctx, actor, in.RPPS, in.Kind); err != nil {
		return rules{}, nil, err
	}
	r, err := rulesFor(in.Kind)
	if err != nil {
		return rules{}, nil, err
	}
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, in.RPPS)
	if err != nil {
		return rules{}, nil, err
	}
	if err := refuseUnlessServed(s.Catalog, p, *in, today(s.Now())); err != nil {
		return rules{}, nil, err
	}
	if in.Kind == erpps.KindCeaseActivity {
		a, err := p.ActivityByID(in.TargetID)
		if err != nil {
			return rules{}, nil, err
		}
		if !a.Open(today(s.Now())) {
			return rules{}, nil, erpps.Errorf(erpps.ECONFLICT, "Cette activité a déjà pris fin.")
		}
	} else {
		in.TargetID = ""
	}
	return r, p, nil
}

// CreateDraft creates the draft id with payload, in one transaction: a
// draft a desktop started offline (its id chosen there) reaching the server.
// The checks are Start's and SaveDraft's (the actor on the record, the kind
// served, the payload readable); an id or a draft of the kind on the object
// already there is ECONFLICT. An empty payload is the kind's prefilled one.
func (s *Service) CreateDraft(ctx context.Context, id string, in StartInput, payload json.RawMessage, actor erpps.Actor) (*View, error) {
	if err := s.InsertDraft(ctx, id, in, payload, actor); err != nil {
		return nil, err
	}
	return s.viewByID(ctx, id, actor)
}

// InsertDraft is CreateDraft (the same checks, the same transaction)
// without building the view: the synchronisation, which answers no view,
// creates a desktop's draft this way.
func (s *Service) InsertDraft(ctx context.Context, id string, in StartInput, payload json.RawMessage, actor erpps.Actor) error {
	if id == "" {
		return erpps.Invalid("Identifiant de demande invalide.", erpps.FieldError{Field: "id", Code: erpps.EINVALID, Message: "Identifiant obligatoire."})
	}
	r, p, err := s.checkStart(ctx, &in, actor)
	if err != nil {
		return err
	}
	initial, err := json.Marshal(r.initial(p, in.TargetID))
	if err != nil {
		return erpps.Internal(fmt.Errorf("requests: unable to encode an initial payload: %w", err))
	}
	req := &erpps.Request{ID: id, RPPS: in.RPPS, Kind: in.Kind, TargetID: in.TargetID, Payload: initial}
	if len(payload) > 0 {
		if _, err := r.decode(payload); err != nil {
			return err
		}
		if !sameJSON(payload, initial) {
			// Created then saved on the desktop: listed as a draft in
			// progress, not as one opened and left untouched.
			req.Payload, req.Revision = payload, 2
		}
	}
	return s.Requests.CreateRequest(ctx, req, actor)
}

// resumed is the view of a draft found when starting a request.
func (s *Service) resumed(ctx context.Context, d *erpps.Request, actor erpps.Actor) (*View, error) {
	v, err := s.viewByID(ctx, d.ID, actor)
	if err != nil {
		return nil, err
	}
	v.Resumed = true
	return v, nil
}

// findDraft returns the draft of the kind on the object, ENOTFOUND when none.
func (s *Service) findDraft(ctx context.Context, in StartInput) (*erpps.Request, error) {
	drafts, err := s.Requests.ListRequests(ctx, erpps.RequestFilter{RPPS: in.RPPS, Kind: in.Kind, TargetID: in.TargetID, Statuses: []erpps.RequestStatus{erpps.StatusDraft}})
	if err != nil {
		return nil, err
	}
	for _, d := range drafts {
		if d.TargetID == in.TargetID {
			return d, nil
		}
	}
	return nil, erpps.NotFound("Aucun brouillon de ce type.")
}

// Get returns a request with its validation as it stands.
func (s *Service) Get(ctx context.Context, id string, actor erpps.Actor) (*View, error) {
	rec, err := s.Requests.FindRequestWithRecord(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.checkActor(ctx, actor, rec.Request.RPPS, ""); err != nil {
		return nil, err
	}
	return s.viewOf(ctx, rec, nil, actor)
}

// List returns requests, newest first.
func (s *Service) List(ctx context.Context, filter erpps.RequestFilter) ([]*erpps.Request, error) {
	list, err := s.Requests.ListRequests(ctx, filter)
	if list == nil && err == nil {
		list = []*erpps.Request{}
	}
	return list, err
}

// SaveDraft stores what was typed (the autosave) over revision baseRevision
// and returns it validated as you type: wrong fields are reported, empty ones
// not yet. One read transaction (the request, the record, the other open
// requests), one write transaction, the payload decoded once. A stale
// baseRevision (the draft changed in another tab or window) is refused with
// ECONFLICT and the newer content is kept.
func (s *Service) SaveDraft(ctx context.Context, id string, baseRevision int64, payload json.RawMessage, actor erpps.Actor) (*View, error) {
	rec, err := s.Requests.FindRequestWithRecord(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.checkActor(ctx, actor, rec.Request.RPPS, rec.Request.Kind); err != nil {
		return nil, err
	}
	if rec.Request.Editable() && rec.Request.Revision != baseRevision {
		return nil, erpps.StaleDraft()
	}
	r, err := rulesFor(rec.Request.Kind)
	if err != nil {
		return nil, err
	}
	decoded, err := r.decode(payload)
	if err != nil {
		return nil, err
	}
	saved, err := s.Requests.SaveDraft(ctx, id, baseRevision, payload, actor)
	if err != nil {
		return nil, err
	}
	saved.History = rec.Request.History // a save adds no step
	rec.Request = saved
	return s.viewOf(ctx, rec, decoded, actor)
}

// Delete abandons a draft.
func (s *Service) Delete(ctx context.Context, id string, actor erpps.Actor) error {
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.checkActor(ctx, actor, req.RPPS, req.Kind); err != nil {
		return err
	}
	return s.Requests.DeleteDraft(erpps.WithActor(ctx, actor), id)
}

// viewByID is the view of request id as it stands.
func (s *Service) viewByID(ctx context.Context, id string, actor erpps.Actor) (*View, error) {
	rec, err := s.Requests.FindRequestWithRecord(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.viewOf(ctx, rec, nil, actor)
}

// viewOf is what actor sees of rec's request: validated against the record
// and the practitioner's other requests, as typed (missing fields not
// reported). decoded is its payload already decoded, or nil.
func (s *Service) viewOf(ctx context.Context, rec *erpps.RequestWithRecord, decoded any, actor erpps.Actor) (*View, error) {
	req := rec.Request
	v := viewFor(req, actor)
	if err := s.labelDelivered(ctx, []*erpps.Request{req}, func(_ int, l string) { v.StatusLabel = l }); err != nil {
		return nil, err
	}
	if !req.Editable() {
		v.Validation = Validation{Fields: []erpps.FieldError{}, Guidance: []Guidance{}, Complete: true, MoveEndDate: moveEndDateOf(req)}
		return v, nil
	}
	val, _, department, err := validate(s.subjectOf(rec), decoded, false)
	if err != nil {
		return nil, err
	}
	val.Department = department
	val.MoveEndDate = moveEndDateOf(req)
	v.Validation = val
	return v, nil
}

// subjectOf is what the rules of rec's request look at.
func (s *Service) subjectOf(rec *erpps.RequestWithRecord) *subject {
	return &subject{cat: s.Catalog, today: today(s.Now()), practitioner: rec.Practitioner, request: rec.Request, others: rec.Others}
}

// sameJSON tells whether two JSON texts hold the same value.
func sameJSON(a, b json.RawMessage) bool {
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}
