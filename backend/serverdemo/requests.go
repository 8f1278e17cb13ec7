package serverdemo

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// demoKinds are the requests the demo practitioners transmit, in turn; a
// new activity is a moved cabinet (with its linked cessation).
var demoKinds = []erpps.RequestKind{erpps.KindContact, erpps.KindExerciseName, erpps.KindCeaseActivity, erpps.KindNewActivity}

// secondKinds[i%4] is the i-th practitioner's second request ("" for none),
// never on the activity the first one ends or moves.
var secondKinds = [4]erpps.RequestKind{erpps.KindExerciseName, "", erpps.KindContact, ""}

// demoAges are how many days ago the demo requests were transmitted, in
// turn, so that the queue's « ancienneté » filter has something to show.
var demoAges = []int{0, 3, 10, 1, 21, 45, 8, 0, 35}

// desktop is where the demo practitioners prepare and transmit their
// requests, as on their desktops: a scratch SQLite store whose clock is set
// to each request's day, under the same rules (backend/requests). The
// server then receives each request as transmitted, with its dated history
// (erpps.RegisterStore.ReceiveRequest).
type desktop struct {
	db  *sqlite.DB
	svc *requests.Service
	at  time.Time
	dir string
}

func (s *Seeder) openDesktop(ctx context.Context) (*desktop, error) {
	dir, err := os.MkdirTemp("", "erpps-seed-demo-")
	if err != nil {
		return nil, fmt.Errorf("serverdemo: unable to make a scratch folder: %w", err)
	}
	d := &desktop{dir: dir}
	clock := func() time.Time { return d.at }
	d.db = sqlite.NewDB(filepath.Join(dir, "desktop.db"))
	d.db.Now = clock
	if err := d.db.Open(ctx); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	d.svc = &requests.Service{Practitioners: d.db, Requests: d.db, Structures: d.db, Catalog: s.Catalog, Now: clock}
	return d, nil
}

func (d *desktop) close() {
	_ = d.db.Close()
	_ = os.RemoveAll(d.dir)
}

// requests transmits the i-th practitioner's demo requests (one, a second
// for one in two) unless the server already has requests of theirs. A
// practitioner whose record an Ordre keeps is refused by the rules (the ARS
// does not receive their requests): they get none.
func (s *Seeder) requests(ctx context.Context, d *desktop, i int, p *erpps.Practitioner, actor erpps.Actor, res *Result) error {
	existing, err := s.Store.ListRequests(ctx, erpps.RequestFilter{RPPS: p.RPPS, Limit: 1, WithoutHistory: true})
	if err != nil {
		return fmt.Errorf("serverdemo: unable to list requests: %w", err)
	}
	if len(existing) > 0 {
		return nil
	}
	if err := d.db.SavePractitioner(ctx, p); err != nil {
		return fmt.Errorf("serverdemo: unable to copy a demo practitioner: %w", err)
	}
	kinds := []erpps.RequestKind{demoKinds[i%len(demoKinds)]}
	if second := secondKinds[i%len(secondKinds)]; second != "" {
		kinds = append(kinds, second)
	}
	for k, kind := range kinds {
		d.at = s.Now().UTC().AddDate(0, 0, -demoAges[(i+k)%len(demoAges)])
		sent, err := s.transmit(ctx, d, p, kind, actor)
		if erpps.ErrorCode(err) == erpps.EFORBIDDEN {
			return nil // not a record the ARS keeps
		}
		if err != nil {
			return fmt.Errorf("serverdemo: unable to transmit a %s request of a demo practitioner: %w", kind, err)
		}
		pair := []*erpps.Request{sent}
		if kind == erpps.KindNewActivity { // the cessation linked to it
			ceases, err := d.db.ListRequests(ctx, erpps.RequestFilter{RPPS: p.RPPS, Kind: erpps.KindCeaseActivity})
			if err != nil {
				return fmt.Errorf("serverdemo: unable to read a linked cessation: %w", err)
			}
			for _, c := range ceases {
				if c.LinkedRequestID == sent.ID {
					pair = append(pair, c)
				}
			}
		}
		for _, r := range pair {
			if err := s.Store.ReceiveRequest(ctx, r); err != nil {
				return fmt.Errorf("serverdemo: unable to receive a demo request: %w", err)
			}
			res.Requests++
			if dep, err := s.Catalog.Department(r.Department); err == nil {
				res.Queues[dep.RegionCode]++
			}
		}
	}
	return nil
}

// transmit starts a request of kind on the desktop, fills it in and
// transmits it; it returns the request as transmitted, with its history.
func (s *Seeder) transmit(ctx context.Context, d *desktop, p *erpps.Practitioner, kind erpps.RequestKind, actor erpps.Actor) (*erpps.Request, error) {
	day := d.at.Format("2006-01-02")
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
		open := p.OpenActivities(day)
		if len(open) == 0 {
			return nil, erpps.Errorf(erpps.EFORBIDDEN, "Aucune activité en cours.")
		}
		a := open[len(open)-1]
		in.TargetID = a.ID
		payload = erpps.CeaseActivityPayload{ActivityID: a.ID, EndDate: d.at.AddDate(0, 1, 0).Format("2006-01-02"), ReasonCode: "RL"}
	case erpps.KindNewActivity:
		moved, err := movedCabinet(p, day, d.at)
		if err != nil {
			return nil, err
		}
		payload = moved
	default:
		return nil, fmt.Errorf("serverdemo: no demo payload for %s", kind)
	}
	v, err := d.svc.Start(ctx, in, actor)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		return nil, fmt.Errorf("serverdemo: unable to encode a payload: %w", err)
	}
	if v, err = d.svc.SaveDraft(ctx, v.Request.ID, v.Request.Revision, raw, actor); err != nil {
		return nil, err
	}
	if _, err = d.svc.Transmit(ctx, v.Request.ID, actor); err != nil {
		return nil, err
	}
	return d.db.FindRequestByID(ctx, v.Request.ID)
}

// movedCabinet moves the practitioner's liberal cabinet down the street, from
// a fortnight on: a new activity replacing the old one, whose linked
// cessation ends it the day before. EFORBIDDEN when there is no cabinet.
func movedCabinet(p *erpps.Practitioner, day string, at time.Time) (*erpps.NewActivityPayload, error) {
	for _, a := range p.OpenActivities(day) {
		if a.ModeCode != "L" || len(a.Structure.SIRET) != 14 {
			continue
		}
		st := a.Structure
		st.Address.Number = fmt.Sprint(len(st.Address.Number)*7 + 2)
		key, err := identifiers.LuhnCheckDigit(st.SIRET[:9] + "0098")
		if err != nil {
			return nil, fmt.Errorf("serverdemo: unable to make a SIRET: %w", err)
		}
		st.SIRET, st.SIREN = st.SIRET[:9]+"0098"+string(key), st.SIRET[:9]
		return &erpps.NewActivityPayload{
			ProfessionCode: a.ProfessionCode, LookupBy: "siret", Structure: st,
			ModeCode: a.ModeCode, SectorCode: a.SectorCode, FunctionCode: a.FunctionCode, GenreCode: a.GenreCode,
			StartDate: at.AddDate(0, 0, 15).Format("2006-01-02"), ReplacesActivityID: a.ID,
		}, nil
	}
	return nil, erpps.Errorf(erpps.EFORBIDDEN, "Aucun cabinet libéral.")
}
