package storekit

import (
	"errors"
	"fmt"
	"testing"

	"erpps/backend/erpps"
)

func TestChangesPageSize(t *testing.T) {
	for _, tt := range []struct{ limit, want int }{
		{0, DefaultChangesPage}, {-3, DefaultChangesPage}, {10, 10}, {MaxChangesPage, MaxChangesPage}, {MaxChangesPage + 1, MaxChangesPage},
	} {
		if got := ChangesPageSize(tt.limit); got != tt.want {
			t.Errorf("ChangesPageSize(%d) = %d, want %d", tt.limit, got, tt.want)
		}
	}
}

func TestCutPage(t *testing.T) {
	lines := []ChangeLine{{Seq: 4}, {Seq: 7}, {Seq: 9}}
	t.Run("MoreFollow", func(t *testing.T) {
		page, more, cursor := CutPage(lines, 2, 12)
		if len(page) != 2 || !more || cursor != 7 {
			t.Fatalf("got %d lines, more %v, cursor %d", len(page), more, cursor)
		}
	})
	t.Run("Last", func(t *testing.T) {
		page, more, cursor := CutPage(lines, 3, 12)
		if len(page) != 3 || more || cursor != 9 {
			t.Fatalf("got %d lines, more %v, cursor %d", len(page), more, cursor)
		}
	})
	t.Run("EmptyEndsAtTheSequenceRead", func(t *testing.T) {
		page, more, cursor := CutPage(nil, 3, 12)
		if len(page) != 0 || more || cursor != 12 {
			t.Fatalf("got %d lines, more %v, cursor %d", len(page), more, cursor)
		}
	})
}

func TestChanges(t *testing.T) {
	lines := []ChangeLine{
		{Seq: 1, Kind: erpps.ChangeRequest, ID: "r1"},
		{Seq: 2, Kind: erpps.ChangeRequest, ID: "r2", Deleted: true},
		{Seq: 3, Kind: erpps.ChangePractitioner, ID: "10000000001"},
		{Seq: 4, Kind: erpps.ChangePractitioner, ID: "10000000002"},
	}
	if got := RequestIDs(lines); fmt.Sprint(got) != "[r1]" {
		t.Fatalf("RequestIDs = %v", got)
	}
	requests := map[string]*erpps.Request{"r1": {ID: "r1"}}
	known := &erpps.Practitioner{RPPS: "10000000001"}
	find := func(rpps string) (*erpps.Practitioner, error) {
		if rpps == known.RPPS {
			return known, nil
		}
		return nil, erpps.Errorf(erpps.ENOTFOUND, "dossier introuvable")
	}
	changes, err := Changes(lines, requests, find)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		seq     int64
		deleted bool
		object  bool
	}{{1, false, true}, {2, true, false}, {3, false, true}, {4, true, false}}
	for i, w := range want {
		c := changes[i]
		object := c.Request != nil || c.Practitioner != nil
		if c.Seq != w.seq || c.Deleted != w.deleted || object != w.object {
			t.Errorf("change %d: seq %d deleted %v object %v, want %+v", i, c.Seq, c.Deleted, object, w)
		}
	}
	t.Run("ErrFromPractitioner", func(t *testing.T) {
		unreadable := errors.New("record unreadable")
		_, err := Changes(lines, requests, func(string) (*erpps.Practitioner, error) { return nil, unreadable })
		if !errors.Is(err, unreadable) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("EmptyIsNotNil", func(t *testing.T) {
		got, err := Changes(nil, nil, find)
		if err != nil || got == nil {
			t.Fatalf("got %v, %v", got, err)
		}
	})
}
