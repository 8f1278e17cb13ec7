package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/internal/storekit"
)

// ListPractitioners returns the practitioners whose names contain the
// query's words (case and accents ignored) or whose RPPS number starts with
// it, ordered by name, with their professions, the départements of their
// open activities and the counts of their drafts (saved at least once) and
// open requests. An empty query lists everyone. A limit of 0 means 100.
func (db *DB) ListPractitioners(ctx context.Context, filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	limit := filter.PageLimit()
	var a args
	today := a.add(db.now().Format("2006-01-02"))
	draft := a.add(string(erpps.StatusDraft))
	open := a.add(statusesWhere(erpps.RequestStatus.Open))
	query := `
		SELECT p.rpps, p.civility, p.exercise_name, p.first_name,
		       ARRAY(SELECT code FROM professions WHERE rpps = p.rpps ORDER BY position),
		       ARRAY(SELECT DISTINCT department FROM activities
		             WHERE rpps = p.rpps AND department <> '' AND (end_date = '' OR end_date >= ` + today + `)
		             ORDER BY department),
		       (SELECT count(*) FROM requests WHERE rpps = p.rpps AND status = ` + draft + ` AND revision > 1),
		       (SELECT count(*) FROM requests WHERE rpps = p.rpps AND status = ANY(` + open + `))
		FROM practitioners p` + practitionerWhere(&a, filter.Query) + `
		ORDER BY p.sort_key, p.rpps
		LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(max(filter.Offset, 0))

	out := []erpps.PractitionerSummary{}
	err := db.inReadTx(ctx, "list practitioners", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, query, a...)
		if err != nil {
			return fmt.Errorf("list practitioners: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var s erpps.PractitionerSummary
			var drafts, open int64
			if err := rows.Scan(&s.RPPS, &s.Civility, &s.ExerciseName, &s.FirstName,
				&s.ProfessionCodes, &s.Departments, &drafts, &open); err != nil {
				return fmt.Errorf("read a practitioner: %w", err)
			}
			s.Drafts, s.OpenRequests = int(drafts), int(open)
			s.Demo = identifiers.IsTestRPPS(s.RPPS)
			out = append(out, s)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// practitionerWhere turns a search into a WHERE clause: every word of the
// folded query must appear in the names, or, for a query of digits (spaces
// allowed), the RPPS number must start with it.
func practitionerWhere(a *args, query string) string {
	words := strings.Fields(storekit.Fold(query))
	if len(words) == 0 {
		return ""
	}
	conds := make([]string, len(words))
	for i, w := range words {
		conds[i] = "strpos(p.search_text, " + a.add(w) + ") > 0"
	}
	where := "(" + strings.Join(conds, " AND ") + ")"
	if digits := strings.Join(strings.Fields(query), ""); isDigits(digits) {
		where += " OR p.rpps LIKE " + a.add(digits+"%")
	}
	return " WHERE " + where
}

// isDigits tells whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
