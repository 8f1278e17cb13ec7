package storekit

import "erpps/backend/erpps"

// Bounds of a page of changes (erpps.SyncStore.ListChanges).
const (
	DefaultChangesPage = 500
	MaxChangesPage     = 1000
)

// ChangesPageSize is the page a pull asks for (limit), bounded: the default
// when it asks for none, never more than MaxChangesPage.
func ChangesPageSize(limit int) int {
	if limit <= 0 {
		return DefaultChangesPage
	}
	return min(limit, MaxChangesPage)
}

// ChangeLine is a line of the change log, the newest of its object.
type ChangeLine struct {
	Seq     int64
	Kind    erpps.ChangeKind
	ID      string
	Deleted bool
}

// CutPage cuts lines, read with a limit of limit+1, to a page of limit: more
// says that lines follow. The page's cursor is its last line's sequence, or
// end (the sequence the log was read at) when it has no line: nothing of
// these records up to it.
func CutPage(lines []ChangeLine, limit int, end int64) (page []ChangeLine, more bool, cursor int64) {
	if len(lines) > limit {
		lines, more = lines[:limit], true
	}
	if len(lines) == 0 {
		return lines, more, end
	}
	return lines, more, lines[len(lines)-1].Seq
}

// RequestIDs lists the requests of lines that still exist, to be read.
func RequestIDs(lines []ChangeLine) []string {
	var ids []string
	for _, l := range lines {
		if l.Kind == erpps.ChangeRequest && !l.Deleted {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

// Changes turns the lines of a page into its changes, the objects' states
// read in the page's transaction: a request from requests (by id; absent, it
// was deleted), a practitioner's record from practitioner (ENOTFOUND: it was
// deleted). Any other error of practitioner is returned as it is;
// practitioner may be nil when lines hold no practitioner's record.
func Changes(lines []ChangeLine, requests map[string]*erpps.Request, practitioner func(rpps string) (*erpps.Practitioner, error)) ([]erpps.Change, error) {
	out := make([]erpps.Change, 0, len(lines))
	for _, l := range lines {
		c := erpps.Change{Seq: l.Seq, Kind: l.Kind, ID: l.ID}
		switch l.Kind {
		case erpps.ChangeRequest:
			c.Request = requests[l.ID]
			c.Deleted = c.Request == nil
		case erpps.ChangePractitioner:
			p, err := practitioner(l.ID)
			switch {
			case erpps.ErrorCode(err) == erpps.ENOTFOUND:
				c.Deleted = true
			case err != nil:
				return nil, err
			default:
				c.Practitioner = p
			}
		}
		out = append(out, c)
	}
	return out, nil
}
