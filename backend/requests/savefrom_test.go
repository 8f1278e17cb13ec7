package requests

import (
	"context"
	"errors"
	"testing"

	"erpps/backend/erpps"
)

// TestSaveDraftFromStaleRevision: a copy saved from the draft's current
// revision is stored; a copy based on an older revision (another tab saved
// in between) is refused with ECONFLICT and overwrites nothing.
func TestSaveDraftFromStaleRevision(t *testing.T) {
	s := mustService(t)
	ctx := context.Background()
	v := start(t, s, erpps.KindExerciseName, "")
	base := v.Request.Revision

	first, err := s.SaveDraftFrom(ctx, v.Request.ID, base, []byte(`{"exerciseName":"MARTIN-DURAND"}`))
	if err != nil {
		t.Fatalf("a save from the current revision: %v", err)
	}
	_, err = s.SaveDraftFrom(ctx, v.Request.ID, base, []byte(`{"exerciseName":"MARTIN"}`))
	var e *erpps.Error
	if !errors.As(err, &e) || e.Code != erpps.ECONFLICT {
		t.Fatalf("a save from a stale revision: %v, want ECONFLICT", err)
	}
	got, err := s.Requests.FindRequestByID(ctx, v.Request.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Payload) != `{"exerciseName":"MARTIN-DURAND"}` || got.Revision != first.Request.Revision {
		t.Fatalf("the stale save changed the draft: %s (revision %d)", got.Payload, got.Revision)
	}
	if _, err := s.SaveDraftFrom(ctx, v.Request.ID, first.Request.Revision, []byte(`{"exerciseName":"MARTIN"}`)); err != nil {
		t.Fatalf("a save from the newer revision: %v", err)
	}
}
