package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/internal/storekit"
)

// ListPractitioners returns the practitioners whose names contain the
// query's words (case and accents ignored) or whose RPPS number starts with
// it, ordered by name, with their professions, the départements of their
// open activities and the counts of their drafts (saved at least once: see
// erpps.Request.Untouched) and open requests. An empty
// query lists everyone. A limit of 0 means 100.
func (db *DB) ListPractitioners(ctx context.Context, filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	limit := filter.PageLimit()
	offset := max(filter.Offset, 0)

	where, args := practitionerWhere(filter.Query)
	openStatuses := statusesWhere(erpps.RequestStatus.Open)
	today := db.now().Format("2006-01-02")

	query := `
		SELECT p.rpps, p.civility, p.exercise_name, p.first_name,
		       (SELECT json_group_array(code) FROM
		            (SELECT code FROM professions WHERE rpps = p.rpps ORDER BY position)),
		       (SELECT json_group_array(department) FROM
		            (SELECT DISTINCT department FROM activities
		             WHERE rpps = p.rpps AND department <> '' AND (end_date = '' OR end_date >= ?)
		             ORDER BY department)),
		       (SELECT count(*) FROM requests WHERE rpps = p.rpps AND status = ? AND revision > 1),
		       (SELECT count(*) FROM requests WHERE rpps = p.rpps AND status IN (` + placeholders(len(openStatuses)) + `))
		FROM practitioners p` + where + `
		ORDER BY p.sort_key, p.rpps
		LIMIT ? OFFSET ?`
	all := []any{today, string(erpps.StatusDraft)}
	for _, s := range openStatuses {
		all = append(all, string(s))
	}
	all = append(all, args...)
	all = append(all, limit, offset)

	var out []erpps.PractitionerSummary
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, all...)
		if err != nil {
			return fmt.Errorf("store: unable to list practitioners: %w", err)
		}
		defer rows.Close()
		out = []erpps.PractitionerSummary{}
		for rows.Next() {
			var s erpps.PractitionerSummary
			var professions, departments string
			if err := rows.Scan(&s.RPPS, &s.Civility, &s.ExerciseName, &s.FirstName,
				&professions, &departments, &s.Drafts, &s.OpenRequests); err != nil {
				return fmt.Errorf("store: unable to read a practitioner: %w", err)
			}
			if err := json.Unmarshal([]byte(professions), &s.ProfessionCodes); err != nil {
				return fmt.Errorf("store: bad profession list: %w", err)
			}
			if err := json.Unmarshal([]byte(departments), &s.Departments); err != nil {
				return fmt.Errorf("store: bad département list: %w", err)
			}
			s.Demo = identifiers.IsTestRPPS(s.RPPS)
			out = append(out, s)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list practitioners", err)
	}
	return out, nil
}

// practitionerWhere turns a search into a WHERE clause: every word of the
// folded query must appear in the names, or, for a query of digits (spaces
// allowed), the RPPS number must start with it.
func practitionerWhere(query string) (string, []any) {
	words := strings.Fields(storekit.Fold(query))
	if len(words) == 0 {
		return "", nil
	}
	conds := make([]string, len(words))
	args := make([]any, 0, len(words)+1)
	for i, w := range words {
		conds[i] = "instr(p.search_text, ?) > 0"
		args = append(args, w)
	}
	where := "(" + strings.Join(conds, " AND ") + ")"
	if digits := strings.Join(strings.Fields(query), ""); isDigits(digits) {
		where += " OR p.rpps GLOB ?"
		args = append(args, digits+"*")
	}
	return " WHERE " + where, args
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

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// statusesWhere lists the request statuses for which keep says true.
func statusesWhere(keep func(erpps.RequestStatus) bool) []erpps.RequestStatus {
	var out []erpps.RequestStatus
	for _, s := range erpps.AllRequestStatuses {
		if keep(s.Value) {
			out = append(out, s.Value)
		}
	}
	return out
}
