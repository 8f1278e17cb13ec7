package serverdemo

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// demoKinds are the requests the demo practitioners transmit, in turn.
var demoKinds = []erpps.RequestKind{erpps.KindContact, erpps.KindExerciseName, erpps.KindCeaseActivity}

// requests transmits, as the practitioner, the i-th practitioner's demo
// requests (one, a second for one in four), unless the practitioner already
// has requests. A practitioner whose record an Ordre keeps is refused by the
// rules (the ARS does not receive their requests): they get none.
func (s *Seeder) requests(ctx context.Context, i int, p *erpps.Practitioner, actor erpps.Actor, res *Result) error {
	existing, err := s.Store.ListRequests(ctx, erpps.RequestFilter{RPPS: p.RPPS, Limit: 1, WithoutHistory: true})
	if err != nil {
		return fmt.Errorf("serverdemo: unable to list requests: %w", err)
	}
	if len(existing) > 0 {
		return nil
	}
	svc := &requests.Service{Practitioners: s.Store, Requests: s.Store, Structures: s.Store, Catalog: s.Catalog, Now: s.Now}
	kinds := []erpps.RequestKind{demoKinds[i%len(demoKinds)]}
	if i%4 == 0 {
		kinds = append(kinds, demoKinds[(i+1)%len(demoKinds)])
	}
	for _, kind := range kinds {
		sent, err := s.transmit(ctx, svc, p, kind, actor)
		if erpps.ErrorCode(err) == erpps.EFORBIDDEN {
			return nil // not a record the ARS keeps
		}
		if err != nil {
			return fmt.Errorf("serverdemo: unable to transmit a %s request of a demo practitioner: %w", kind, err)
		}
		res.Requests++
		if d, err := s.Catalog.Department(sent.Department); err == nil {
			res.Queues[d.RegionCode]++
		}
	}
	return nil
}

// transmit starts a request of kind, fills it in and transmits it.
func (s *Seeder) transmit(ctx context.Context, svc *requests.Service, p *erpps.Practitioner, kind erpps.RequestKind, actor erpps.Actor) (*erpps.Request, error) {
	today := s.Now().Format("2006-01-02")
	in := requests.StartInput{RPPS: p.RPPS, Kind: kind}
	var payload any
	switch kind {
	case erpps.KindContact:
		payload = erpps.ContactPayload{
			Email: "nouvelle." + strings.ToLower(p.RPPS) + "@example.com", Phone: p.Contact.Phone, Address: p.Contact.Address,
		}
	case erpps.KindExerciseName:
		payload = erpps.ExerciseNamePayload{ExerciseName: p.BirthName + "-" + "LEROY", ExerciseFirstName: p.ExerciseFirstName}
	case erpps.KindCeaseActivity:
		open := p.OpenActivities(today)
		if len(open) == 0 {
			return nil, erpps.Errorf(erpps.EFORBIDDEN, "Aucune activité en cours.")
		}
		a := open[len(open)-1]
		in.TargetID = a.ID
		end := s.Now().AddDate(0, 1, 0).Format("2006-01-02")
		payload = erpps.CeaseActivityPayload{ActivityID: a.ID, EndDate: end, ReasonCode: "RL"}
	default:
		return nil, fmt.Errorf("serverdemo: no demo payload for %s", kind)
	}
	v, err := svc.Start(ctx, in, actor)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		return nil, fmt.Errorf("serverdemo: unable to encode a payload: %w", err)
	}
	if v, err = svc.SaveDraft(ctx, v.Request.ID, v.Request.Revision, raw, actor); err != nil {
		return nil, err
	}
	if v, err = svc.Transmit(ctx, v.Request.ID, actor); err != nil {
		return nil, err
	}
	return v.Request, nil
}
