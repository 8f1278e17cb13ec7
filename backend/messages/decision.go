package messages

import (
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/frenchdate"
)

// DecisionSubject is the subject of a decision's e-mail.
const DecisionSubject = "Décision de l'ARS sur votre demande"

// The values of the X-ERPPS-Decision header.
const (
	DecisionAccepted      = "accepted"
	DecisionRefused       = "refused"
	DecisionInfoRequested = "info_requested"
)

// DecisionValue is the X-ERPPS-Decision value of an action, "" for the
// actions the practitioner is not written about (take, close).
func DecisionValue(a erpps.DecisionAction) string {
	switch a {
	case erpps.DecisionAccept:
		return DecisionAccepted
	case erpps.DecisionRefuse:
		return DecisionRefused
	case erpps.DecisionComplement:
		return DecisionInfoRequested
	}
	return ""
}

// Decision is the e-mail telling practitioner p of the decision plan on
// request r. It fails for an action the practitioner is not written about.
func Decision(to string, p *erpps.Practitioner, r *erpps.Request, plan erpps.DecisionPlan, ars string) (erpps.Message, error) {
	value := DecisionValue(plan.Action)
	if value == "" {
		return erpps.Message{}, fmt.Errorf("messages: no e-mail for the decision %q", plan.Action)
	}
	if ars == "" {
		ars = "Votre Agence régionale de santé"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Bonjour %s,\n\n", strings.TrimSpace(p.FirstName+" "+p.DisplayName()))
	fmt.Fprintf(&b, "Votre demande « %s » (référence %s) a reçu une décision de l'ARS le %s.\n\n",
		r.Kind.Label(), r.ID, frenchdate.Format(plan.At))
	switch plan.Action {
	case erpps.DecisionAccept:
		b.WriteString("Décision : demande acceptée. Votre fiche au Répertoire partagé des professionnels de santé est mise à jour.\n")
		if plan.Reason != "" {
			fmt.Fprintf(&b, "\nCommentaire de l'ARS :\n%s\n", plan.Reason)
		}
	case erpps.DecisionRefuse:
		fmt.Fprintf(&b, "Décision : demande refusée.\n\nMotif :\n%s\n", plan.Reason)
	case erpps.DecisionComplement:
		fmt.Fprintf(&b, "Décision : l'ARS vous demande un complément d'information.\n\n%s\n", plan.Reason)
		if plan.Deadline != "" {
			fmt.Fprintf(&b, "\nRépondez avant le %s, sans quoi la demande sera classée sans suite.\n",
				frenchdate.FormatDay(plan.Deadline))
		}
	}
	b.WriteString("\nRetrouvez le détail dans eRPPS, sur la page de la demande.\n\n-- \n" + ars + "\n")
	return erpps.Message{Channel: erpps.ChannelEmail, To: to, Subject: DecisionSubject, Text: b.String(),
		Headers: map[string]string{
			erpps.HeaderKind:     erpps.MessageKindDecision,
			erpps.HeaderRequest:  r.ID,
			erpps.HeaderDecision: value,
		}}, nil
}
