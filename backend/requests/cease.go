package requests

import (
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/frenchdate"
	"erpps/backend/refdata"
)

var ceaseRules = rules{
	initial: func(_ *erpps.Practitioner, targetID string) any {
		return erpps.CeaseActivityPayload{ActivityID: targetID}
	},
	decode: decodeStrict[erpps.CeaseActivityPayload],
	target: func(payload any) string { return payload.(*erpps.CeaseActivityPayload).ActivityID },
	check:  checkCease,
}

// checkCease: the activity is open, the end date is not before its start,
// the reason is a TRE_R25 code, and no other request already ends it.
func checkCease(s *subject, payload any, c *checks) string {
	p := payload.(*erpps.CeaseActivityPayload)
	c.code(s.cat, refdata.TableEndReason, "reasonCode", p.ReasonCode, "le motif de fin d'activité")
	end, endOK := c.date("endDate", p.EndDate, "la date de fin d'activité")
	if c.required("activityId", p.ActivityID, "Choisissez l'activité à cesser.") {
		return ""
	}
	a, err := s.practitioner.ActivityByID(p.ActivityID)
	if err != nil {
		c.fail("activityId", "unknown", "Cette activité n'existe pas dans votre dossier.")
		return ""
	}
	if a.EndDate != "" && a.EndDate < s.today {
		c.fail("activityId", "ended", fmt.Sprintf("Cette activité a déjà pris fin le %s.", frenchdate.FormatDay(a.EndDate)))
	}
	if endOK {
		if p.EndDate < a.StartDate {
			c.fail("endDate", "before_start", fmt.Sprintf("La date de fin ne peut pas précéder le début de l'activité (%s).", frenchdate.FormatDay(a.StartDate)))
		}
		if limit := mustDate(s.today).AddDate(1, 0, 0); end.After(limit) {
			c.fail("endDate", "too_late", "La date de fin ne peut pas être à plus d'un an.")
		}
	}
	for _, o := range s.others {
		if o.Kind == erpps.KindCeaseActivity && o.TargetID == p.ActivityID && o.Status.Open() {
			c.guide(Guidance{
				Code: "already_ceasing", Level: LevelError,
				Title:   "Une demande de cessation est déjà en cours",
				Message: "Une demande de cessation de cette activité a déjà été transmise à l'ARS. Suivez-la dans « Consulter ma demande en cours ».",
				Action:  &GuidanceAction{Label: "Consulter mes demandes", Kind: "open", Value: "demandes"},
			})
		}
	}
	return a.Structure.Department
}

func mustDate(day string) time.Time {
	t, _ := time.Parse(dateLayout, day)
	return t
}
