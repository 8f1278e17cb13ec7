package requests

import (
	"context"
	"encoding/json"
	"fmt"
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
	r, err := rulesFor(in.Kind)
	if err != nil {
		return nil, err
	}
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, in.RPPS)
	if err != nil {
		return nil, err
	}
	if in.Kind == erpps.KindCeaseActivity {
		a, err := p.ActivityByID(in.TargetID)
		if err != nil {
			return nil, err
		}
		if !a.Open(today(s.Now())) {
			return nil, erpps.Errorf(erpps.ECONFLICT, "Cette activité a déjà pris fin.")
		}
	} else {
		in.TargetID = ""
	}
	if d, err := s.findDraft(ctx, in); err == nil {
		return s.resumed(ctx, p, d)
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
				return s.resumed(ctx, p, existing)
			}
		}
		return nil, err
	}
	return s.view(ctx, p, req, false)
}

// resumed is the view of a draft found when starting a request.
func (s *Service) resumed(ctx context.Context, p *erpps.Practitioner, d *erpps.Request) (*View, error) {
	v, err := s.view(ctx, p, d, false)
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
func (s *Service) Get(ctx context.Context, id string) (*View, error) {
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, req.RPPS)
	if err != nil {
		return nil, err
	}
	return s.view(ctx, p, req, false)
}

// List returns requests, newest first.
func (s *Service) List(ctx context.Context, filter erpps.RequestFilter) ([]*erpps.Request, error) {
	list, err := s.Requests.ListRequests(ctx, filter)
	if list == nil && err == nil {
		list = []*erpps.Request{}
	}
	return list, err
}

// SaveDraft stores what was typed (the autosave) and returns it validated as
// you type: wrong fields are reported, empty ones not yet.
func (s *Service) SaveDraft(ctx context.Context, id string, payload json.RawMessage) (*View, error) {
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	r, err := rulesFor(req.Kind)
	if err != nil {
		return nil, err
	}
	if _, err := r.decode(payload); err != nil {
		return nil, err
	}
	saved, err := s.Requests.SaveDraft(ctx, id, payload)
	if err != nil {
		return nil, err
	}
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, saved.RPPS)
	if err != nil {
		return nil, err
	}
	return s.view(ctx, p, saved, false)
}

// SaveDraftFrom is SaveDraft for a copy edited from the revision
// baseRevision: when the draft was saved since (another tab or window), the
// save is refused with ECONFLICT. (A stand-in on the ui branch: the store
// checks it in the save's transaction on the core branch.)
func (s *Service) SaveDraftFrom(ctx context.Context, id string, baseRevision int64, payload json.RawMessage) (*View, error) {
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if req.Editable() && req.Revision != baseRevision {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Ce brouillon a été modifié ailleurs (autre onglet ou fenêtre) depuis que vous l'avez ouvert.")
	}
	return s.SaveDraft(ctx, id, payload)
}

// Delete abandons a draft.
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.Requests.DeleteDraft(ctx, id)
}

// view validates req against the record and the practitioner's other
// requests.
func (s *Service) view(ctx context.Context, p *erpps.Practitioner, req *erpps.Request, complete bool) (*View, error) {
	sub, err := s.subject(ctx, p, req)
	if err != nil {
		return nil, err
	}
	v := &View{Request: req, NextStatuses: erpps.NextStatuses(req.Status, erpps.Actor{Role: erpps.RoleProfessional})}
	if v.NextStatuses == nil {
		v.NextStatuses = []erpps.RequestStatus{}
	}
	if !req.Editable() {
		v.Validation = Validation{Fields: []erpps.FieldError{}, Guidance: []Guidance{}, Complete: true}
		return v, nil
	}
	val, _, _, err := validate(sub, complete)
	if err != nil {
		return nil, err
	}
	v.Validation = val
	return v, nil
}

func (s *Service) subject(ctx context.Context, p *erpps.Practitioner, req *erpps.Request) (*subject, error) {
	all, err := s.Requests.ListRequests(ctx, erpps.RequestFilter{RPPS: p.RPPS, WithoutHistory: true, Statuses: []erpps.RequestStatus{
		erpps.StatusDraft, erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested,
	}})
	if err != nil {
		return nil, err
	}
	var others []*erpps.Request
	for _, o := range all {
		if o.ID != req.ID {
			others = append(others, o)
		}
	}
	return &subject{cat: s.Catalog, today: today(s.Now()), practitioner: p, request: req, others: others}, nil
}
