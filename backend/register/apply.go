// Package register applies accepted requests to a practitioner's record: the
// register as the ARS changes it. Apply is a pure function: the back office
// calls it to show an agent « ce qui changerait » before deciding, and to
// compute the record written in the same transaction as an acceptance.
package register

import (
	"encoding/json"
	"fmt"
	"slices"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// Change is one difference between the record before and after a request is
// applied, in words an agent reads: the field, its French label, the values
// before and after as shown (labels of codes, French dates).
type Change struct {
	Field  string `json:"field"` // e.g. "contact.email", "activities.act-1.endDate"
	Label  string `json:"label"` // e.g. « Adresse électronique »
	Before string `json:"before"`
	After  string `json:"after"`
}

// Apply returns the record p becomes when request r is accepted, with linked
// (the other request of a moved cabinet, nil otherwise) accepted with it,
// and the list of changes. p is not modified. today (YYYY-MM-DD) is the day
// of the decision. A request that no longer fits the record (an activity
// already ended or gone, a profession already held, a new activity already
// created) is ECONFLICT; a request of another practitioner, or a moved
// cabinet without its partner, is EINVALID.
func Apply(cat *refdata.Catalog, p *erpps.Practitioner, r *erpps.Request, linked *erpps.Request, today string) (*erpps.Practitioner, []Change, error) {
	if p == nil || r == nil {
		return nil, nil, erpps.Errorf(erpps.EINVALID, "Le dossier ou la demande manque.")
	}
	reqs, err := pairOf(p, r, linked)
	if err != nil {
		return nil, nil, err
	}
	out := clone(p)
	changes := []Change{}
	a := applier{cat: cat, today: today}
	for _, req := range reqs {
		c, err := a.apply(out, req)
		if err != nil {
			return nil, nil, err
		}
		changes = append(changes, c...)
	}
	return out, changes, nil
}

// pairOf checks that r (and linked) are p's and belong together, and orders
// them: a cessation first, as the guide asks (« à faire en premier »).
func pairOf(p *erpps.Practitioner, r, linked *erpps.Request) ([]*erpps.Request, error) {
	if r.RPPS != p.RPPS {
		return nil, erpps.Errorf(erpps.EINVALID, "Cette demande ne concerne pas ce dossier.")
	}
	if linked == nil {
		if r.LinkedRequestID != "" || movesCabinet(r) {
			return nil, erpps.Errorf(erpps.EINVALID, "La demande liée (déménagement du lieu d'exercice) doit être décidée avec celle-ci.")
		}
		return []*erpps.Request{r}, nil
	}
	if linked.RPPS != p.RPPS || (r.LinkedRequestID != linked.ID && linked.LinkedRequestID != r.ID) || linked.ID == r.ID {
		return nil, erpps.Errorf(erpps.EINVALID, "Ces deux demandes ne sont pas liées.")
	}
	if linked.Kind == erpps.KindCeaseActivity && r.Kind != erpps.KindCeaseActivity {
		return []*erpps.Request{linked, r}, nil
	}
	return []*erpps.Request{r, linked}, nil
}

// movesCabinet tells whether r is the new place of a moved cabinet, which
// goes with the cessation of the old one.
func movesCabinet(r *erpps.Request) bool {
	if r.Kind != erpps.KindNewActivity {
		return false
	}
	var p struct {
		ReplacesActivityID string `json:"replacesActivityId"`
	}
	return json.Unmarshal(r.Payload, &p) == nil && p.ReplacesActivityID != ""
}

// applier applies one request at a time to a record being built.
type applier struct {
	cat   *refdata.Catalog
	today string
}

func (a applier) apply(p *erpps.Practitioner, r *erpps.Request) ([]Change, error) {
	payload := erpps.PayloadOf(r.Kind)
	if payload == nil {
		return nil, erpps.Errorf(erpps.EINVALID, "Type de demande inconnu.")
	}
	if err := json.Unmarshal(r.Payload, payload); err != nil {
		return nil, erpps.Internal(fmt.Errorf("register: unable to read the payload of request %s: %w", r.ID, err))
	}
	switch pl := payload.(type) {
	case *erpps.CeaseActivityPayload:
		return a.cease(p, r, pl)
	case *erpps.NewActivityPayload:
		return a.newActivity(p, r, pl)
	case *erpps.NewProfessionPayload:
		return a.newProfession(p, pl)
	case *erpps.ContactPayload:
		return a.contact(p, pl), nil
	case *erpps.ExerciseNamePayload:
		return a.exerciseName(p, pl), nil
	}
	return nil, erpps.Errorf(erpps.EINVALID, "Type de demande inconnu.")
}

// clone is a deep copy of p: Apply never changes its argument.
func clone(p *erpps.Practitioner) *erpps.Practitioner {
	out := *p
	out.Professions = slices.Clone(p.Professions)
	out.Activities = slices.Clone(p.Activities)
	if out.Professions == nil {
		out.Professions = []erpps.Profession{}
	}
	if out.Activities == nil {
		out.Activities = []erpps.Activity{}
	}
	return &out
}
