package requests

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// Transmit validates the request completely and, when nothing is missing or
// wrong, sends it: it becomes read-only and is queued for the server. A moved
// cabinet transmits the linked cessation of the old place with it. The
// service validates and plans; the store commits the whole action in one
// transaction tied to the validated revision (ECONFLICT when it moved).
func (s *Service) Transmit(ctx context.Context, id string, actor erpps.Actor) (*View, error) {
	return s.TransmitApproved(ctx, id, actor, "")
}

// TransmitApproved is Transmit with the practitioner's approval approvalID
// of this exact version of the request ("" for none), used in the same
// transaction. On the server (Mandates set) a secretary cannot transmit
// without one: EFORBIDDEN; an approval that is unknown, used, expired, or of
// another version is EFORBIDDEN from the store, and nothing is written.
func (s *Service) TransmitApproved(ctx context.Context, id string, actor erpps.Actor, approvalID string) (*View, error) {
	rec, err := s.Requests.FindRequestWithRecord(ctx, id)
	if err != nil {
		return nil, err
	}
	req := rec.Request
	if err := s.checkActor(ctx, actor, req.RPPS, req.Kind); err != nil {
		return nil, err
	}
	if err := erpps.CheckTransition(req.Status, erpps.StatusTransmitted, actor); err != nil {
		return nil, err
	}
	if approvalID == "" && actor.Role == erpps.RoleSecretary && s.Mandates != nil {
		return nil, erpps.Errorf(erpps.EFORBIDDEN, "Le professionnel doit approuver cette version de la demande avant sa transmission à l'ARS.")
	}
	plan, err := s.planTransmit(rec, actor)
	if err != nil {
		return nil, err
	}
	if approvalID != "" {
		plan.Approval = &erpps.ApprovalUse{ID: approvalID, Revision: req.Revision, PayloadHash: PayloadHash(req.Payload), At: s.Now()}
	}
	sent, err := s.Requests.CommitTransmit(ctx, *plan)
	if err != nil {
		return nil, err
	}
	rec.Request = sent
	return s.viewOf(ctx, rec, nil, actor)
}

// planTransmit validates rec's request completely and plans its
// transmission.
func (s *Service) planTransmit(rec *erpps.RequestWithRecord, actor erpps.Actor) (*erpps.TransmitPlan, error) {
	val, payload, department, err := validate(s.subjectOf(rec), nil, true)
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
	// The normalised payload (E.164 phone, SIRET without spaces...) is sent.
	normalised, err := json.Marshal(payload)
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("requests: unable to encode a payload: %w", err))
	}
	req := rec.Request
	plan := &erpps.TransmitPlan{RequestID: req.ID, BaseRevision: req.Revision, Payload: normalised,
		Department: department, Actor: actor, Principal: req.RPPS}
	if na, ok := payload.(*erpps.NewActivityPayload); ok && na.ReplacesActivityID != "" {
		old, err := rec.Practitioner.ActivityByID(na.ReplacesActivityID)
		if err != nil {
			return nil, err
		}
		if plan.LinkedCessation, err = linkedCessation(req, na, old.Structure.Department); err != nil {
			return nil, err
		}
	}
	return plan, nil
}

// movedCabinetEnd is the day the old place of a moved cabinet ends: the day
// before the new one starts; "" when start is not a date (YYYY-MM-DD).
func movedCabinetEnd(start string) string {
	d, err := time.Parse(dateLayout, start)
	if err != nil {
		return ""
	}
	return d.AddDate(0, 0, -1).Format(dateLayout)
}

// moveEndDateOf is movedCabinetEnd of a new activity's start, "" for another
// kind of request.
func moveEndDateOf(req *erpps.Request) string {
	if req.Kind != erpps.KindNewActivity {
		return ""
	}
	var p struct {
		StartDate string `json:"startDate"`
	}
	if json.Unmarshal(req.Payload, &p) != nil {
		return ""
	}
	return movedCabinetEnd(p.StartDate)
}

// linkedCessation ends the old place of a moved cabinet the day before the
// new one starts. Its id derives from the new activity's request id
// (erpps.LinkedCessationID): the desktop's plan and the server's create the
// same request.
func linkedCessation(req *erpps.Request, na *erpps.NewActivityPayload, oldDepartment string) (*erpps.Request, error) {
	end := movedCabinetEnd(na.StartDate)
	payload, err := json.Marshal(erpps.CeaseActivityPayload{
		ActivityID: na.ReplacesActivityID, EndDate: end, ReasonCode: "CHL",
		Comment: "Déménagement du lieu d'exercice : demande liée à la déclaration de la nouvelle activité.",
	})
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("requests: unable to encode a cessation: %w", err))
	}
	return &erpps.Request{ID: erpps.LinkedCessationID(req.ID), RPPS: req.RPPS, Kind: erpps.KindCeaseActivity, TargetID: na.ReplacesActivityID,
		LinkedRequestID: req.ID, Payload: payload, Department: oldDepartment}, nil
}

// Withdraw takes back a transmitted request that is not decided yet, with
// the request linked to it (the two requests of a moved cabinet are withdrawn
// together), in one transaction.
func (s *Service) Withdraw(ctx context.Context, id string, actor erpps.Actor, comment string) (*View, error) {
	if len([]rune(comment)) > 500 {
		return nil, erpps.Invalid("Le motif du retrait est trop long.", erpps.FieldError{Field: "comment", Code: "length", Message: "500 caractères au plus."})
	}
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.checkActor(ctx, actor, req.RPPS, req.Kind); err != nil {
		return nil, err
	}
	if err := erpps.CheckTransition(req.Status, erpps.StatusWithdrawn, actor); err != nil {
		return nil, err
	}
	done, err := s.Requests.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: id, BaseRevision: req.Revision,
		Actor: actor, Principal: req.RPPS, Comment: comment})
	if err != nil {
		return nil, err
	}
	return s.viewOf(ctx, &erpps.RequestWithRecord{Request: done}, nil, actor)
}
