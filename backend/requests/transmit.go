package requests

import (
	"context"
	"encoding/json"
	"fmt"

	"erpps/backend/erpps"
)

// Transmit validates the request completely and, when nothing is missing or
// wrong, sends it: it becomes read-only and is queued for the server. A moved
// cabinet transmits the linked cessation of the old place with it.
func (s *Service) Transmit(ctx context.Context, id string, actor erpps.Actor) (*View, error) {
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := erpps.CheckTransition(req.Status, erpps.StatusTransmitted, actor); err != nil {
		return nil, err
	}
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, req.RPPS)
	if err != nil {
		return nil, err
	}
	sub, err := s.subject(ctx, p, req)
	if err != nil {
		return nil, err
	}
	val, payload, department, err := validate(sub, true)
	if err != nil {
		return nil, err
	}
	if len(val.Fields) > 0 {
		return nil, erpps.Invalid("La demande est incomplète ou contient des erreurs : corrigez les champs signalés.", val.Fields...)
	}
	for _, g := range val.Guidance {
		if g.Level == LevelError {
			return nil, erpps.Errorf(erpps.ECONFLICT, "%s. %s", g.Title, g.Message)
		}
	}
	// Store the normalised payload (E.164 phone, SIRET without spaces...).
	normalised, err := json.Marshal(payload)
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("requests: unable to encode a payload: %w", err))
	}
	if _, err := s.Requests.SaveDraft(ctx, id, normalised); err != nil {
		return nil, err
	}
	if err := s.Requests.RouteRequest(ctx, id, department); err != nil {
		return nil, err
	}
	if na, ok := payload.(*erpps.NewActivityPayload); ok && na.ReplacesActivityID != "" {
		old, err := sub.practitioner.ActivityByID(na.ReplacesActivityID)
		if err != nil {
			return nil, err
		}
		if err := s.transmitLinkedCessation(ctx, req, na, old.Structure.Department, actor); err != nil {
			return nil, err
		}
	}
	sent, err := s.Requests.TransitionRequest(ctx, id, erpps.StatusTransmitted, actor, "")
	if err != nil {
		return nil, err
	}
	return s.view(ctx, p, sent, false)
}

// transmitLinkedCessation ends the old place of a moved cabinet the day
// before the new one starts.
func (s *Service) transmitLinkedCessation(ctx context.Context, req *erpps.Request, na *erpps.NewActivityPayload, oldDepartment string, actor erpps.Actor) error {
	end := mustDate(na.StartDate).AddDate(0, 0, -1).Format(dateLayout)
	payload, err := json.Marshal(erpps.CeaseActivityPayload{
		ActivityID: na.ReplacesActivityID, EndDate: end, ReasonCode: "CHL",
		Comment: "Déménagement du lieu d'exercice : demande liée à la déclaration de la nouvelle activité.",
	})
	if err != nil {
		return erpps.Internal(fmt.Errorf("requests: unable to encode a cessation: %w", err))
	}
	// A cessation draft of this activity the user had started is replaced.
	drafts, err := s.Requests.ListRequests(ctx, erpps.RequestFilter{RPPS: req.RPPS, Kind: erpps.KindCeaseActivity, TargetID: na.ReplacesActivityID, Statuses: []erpps.RequestStatus{erpps.StatusDraft}})
	if err != nil {
		return err
	}
	for _, d := range drafts {
		if err := s.Requests.DeleteDraft(ctx, d.ID); err != nil {
			return err
		}
	}
	cease := &erpps.Request{RPPS: req.RPPS, Kind: erpps.KindCeaseActivity, TargetID: na.ReplacesActivityID, LinkedRequestID: req.ID, Payload: payload, Department: oldDepartment}
	if err := s.Requests.CreateRequest(ctx, cease, actor); err != nil {
		return err
	}
	_, err = s.Requests.TransitionRequest(ctx, cease.ID, erpps.StatusTransmitted, actor, "Demande liée à un déménagement")
	return err
}

// Withdraw takes back a transmitted request that is not decided yet, and the
// cessation linked to it.
func (s *Service) Withdraw(ctx context.Context, id string, actor erpps.Actor, comment string) (*View, error) {
	if len([]rune(comment)) > 500 {
		return nil, erpps.Invalid("Le motif du retrait est trop long.", erpps.FieldError{Field: "comment", Code: "length", Message: "500 caractères au plus."})
	}
	req, err := s.Requests.TransitionRequest(ctx, id, erpps.StatusWithdrawn, actor, comment)
	if err != nil {
		return nil, err
	}
	linked, err := s.Requests.ListRequests(ctx, erpps.RequestFilter{RPPS: req.RPPS, Kind: erpps.KindCeaseActivity})
	if err != nil {
		return nil, err
	}
	for _, l := range linked {
		if l.LinkedRequestID == req.ID && l.Status.Open() {
			if _, err := s.Requests.TransitionRequest(ctx, l.ID, erpps.StatusWithdrawn, actor, "Retrait de la demande liée"); err != nil {
				return nil, err
			}
		}
	}
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, req.RPPS)
	if err != nil {
		return nil, err
	}
	return s.view(ctx, p, req, false)
}
