package requests

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// subject is what a request's rules look at besides its payload.
type subject struct {
	cat          *refdata.Catalog
	today        string
	practitioner *erpps.Practitioner
	request      *erpps.Request
	// others are the practitioner's other requests still in the works
	// (drafts and transmitted, not decided).
	others []*erpps.Request
}

// rules are the rules of one kind of request.
type rules struct {
	// initial is the payload of a new draft, prefilled from the record.
	initial func(p *erpps.Practitioner, targetID string) any
	// check validates the payload, normalising it in place, and returns the
	// département whose ARS examines the request.
	check func(s *subject, payload any, c *checks) string
	// decode reads a payload of this kind.
	decode func(raw json.RawMessage) (any, error)
	// target returns the object of the request (an activity, for a
	// cessation), "" for the record itself.
	target func(payload any) string
}

func rulesFor(kind erpps.RequestKind) (rules, error) {
	switch kind {
	case erpps.KindCeaseActivity:
		return ceaseRules, nil
	case erpps.KindNewActivity:
		return newActivityRules, nil
	case erpps.KindNewProfession:
		return newProfessionRules, nil
	case erpps.KindContact:
		return contactRules, nil
	case erpps.KindExerciseName:
		return exerciseNameRules, nil
	}
	return rules{}, erpps.Errorf(erpps.EINVALID, "Type de demande inconnu.")
}

// decodeStrict reads raw into a new T, refusing unknown fields and trailing
// data: a payload is what our own UI sends, anything else is an error.
func decodeStrict[T any](raw json.RawMessage) (any, error) {
	var v T
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return nil, erpps.Errorf(erpps.EINVALID, "Le contenu de la demande est illisible.")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, erpps.Errorf(erpps.EINVALID, "Le contenu de la demande est illisible.")
	}
	return &v, nil
}

func noTarget(any) string { return "" }

// validate checks a request's payload; complete asks for the missing fields
// too (transmission). It returns the normalised payload and the département.
func validate(s *subject, complete bool) (Validation, any, string, error) {
	r, err := rulesFor(s.request.Kind)
	if err != nil {
		return Validation{}, nil, "", err
	}
	payload, err := r.decode(s.request.Payload)
	if err != nil {
		return Validation{}, nil, "", err
	}
	c := &checks{complete: complete}
	c.checkStrings(payload)
	dept := r.check(s, payload, c)
	checkRegistration(s, payload, c)
	return c.result(), payload, dept, nil
}
