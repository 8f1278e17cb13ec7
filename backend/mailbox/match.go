package mailbox

import (
	"context"
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// Finding is an e-mail recognised and filed (erpps.MailFinding).
type Finding = erpps.MailFinding

// Records are the desktop's practitioners and requests an e-mail is matched
// against.
type Records interface {
	FindPractitionerByRPPS(ctx context.Context, rpps string) (*erpps.Practitioner, error)
	ListPractitioners(ctx context.Context, filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error)
	FindRequestByID(ctx context.Context, id string) (*erpps.Request, error)
}

// maxPractitionersScanned bounds the practitioners whose names are looked
// for in an e-mail without an identifier (a cabinet has a few).
const maxPractitionersScanned = 500

// Match files r against the desktop's records. ok is false when the e-mail
// names no practitioner or request held here: the pickup leaves it alone.
func Match(ctx context.Context, records Records, r Recognised) (f Finding, ok bool, err error) {
	f = Finding{Kind: r.Kind, ByHeaders: r.ByHeaders, Subject: r.Subject, ReceivedAt: r.Date}
	switch r.Kind {
	case KindActivation:
		rpps, err := practitionerOf(ctx, records, r)
		if err != nil || rpps == "" {
			return Finding{}, false, err
		}
		f.RPPS, f.IDNPS, f.Code = rpps, "8"+rpps, r.Code
		return f, true, nil
	case KindDecision:
		req, err := records.FindRequestByID(ctx, r.RequestID)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return Finding{}, false, nil
		}
		if err != nil {
			return Finding{}, false, fmt.Errorf("mailbox: unable to find the request: %w", err)
		}
		f.RequestID, f.RPPS, f.Decision = req.ID, req.RPPS, r.Decision
		return f, true, nil
	}
	return Finding{}, false, nil
}

// practitionerOf is the RPPS of the practitioner the activation e-mail is
// for: the one its IDNPS names, else the one whose name its text holds
// (only when exactly one does).
func practitionerOf(ctx context.Context, records Records, r Recognised) (string, error) {
	if r.IDNPS != "" {
		p, err := records.FindPractitionerByRPPS(ctx, r.IDNPS[1:])
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("mailbox: unable to find the practitioner: %w", err)
		}
		return p.RPPS, nil
	}
	list, err := records.ListPractitioners(ctx, erpps.PractitionerFilter{Limit: maxPractitionersScanned})
	if err != nil {
		return "", fmt.Errorf("mailbox: unable to list the practitioners: %w", err)
	}
	text := " " + storekit.Fold(r.Text) + " "
	found := ""
	for _, p := range list {
		if !namedIn(text, p.FirstName, p.ExerciseName) {
			continue
		}
		if found != "" && found != p.RPPS {
			return "", nil // two practitioners named: not guessed
		}
		found = p.RPPS
	}
	return found, nil
}

// namedIn tells whether the folded text holds "first last" or "last first".
func namedIn(text, first, last string) bool {
	f, l := storekit.Fold(first), storekit.Fold(last)
	if f == "" || l == "" {
		return false
	}
	return strings.Contains(text, " "+f+" "+l+" ") || strings.Contains(text, " "+l+" "+f+" ")
}
