package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestTransitionRequest(t *testing.T) {
	ctx := context.Background()

	t.Run("LifeIsDatedAndAttributed", func(t *testing.T) {
		db := MustOpenDB(t)
		clock := time.Date(2026, 5, 1, 8, 0, 0, 0, time.FixedZone("Paris", 2*3600))
		db.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
		mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
		r := mustCreateDraft(t, db, "10000000001", `{"v":1}`)
		steps := []struct {
			to      erpps.RequestStatus
			actor   erpps.Actor
			comment string
		}{
			{erpps.StatusTransmitted, professional, ""},
			{erpps.StatusUnderReview, agent, "Prise en charge"},
			{erpps.StatusComplementRequested, agent, "Joindre le diplôme"},
			{erpps.StatusTransmitted, professional, "Diplôme joint"},
			{erpps.StatusUnderReview, agent, ""},
			{erpps.StatusRefused, agent, "Pièce illisible"},
		}
		wantHistory := []erpps.RequestEvent{r.History[0]}
		from := erpps.StatusDraft
		for _, s := range steps {
			got, err := db.TransitionRequest(ctx, r.ID, s.to, s.actor, s.comment)
			if err != nil {
				t.Fatalf("to %s: %v", s.to, err)
			}
			at := clock.UTC()
			wantHistory = append(wantHistory, erpps.RequestEvent{From: from, To: s.to, At: at, Actor: s.actor, Principal: "10000000001", Comment: s.comment})
			if got.Status != s.to || got.UpdatedBy != s.actor || !got.UpdatedAt.Equal(at) || !reflect.DeepEqual(got.History, wantHistory) {
				t.Fatalf("to %s: got %+v\nhistory %+v\nwant    %+v", s.to, got, got.History, wantHistory)
			}
			if s.to == erpps.StatusTransmitted && (got.TransmittedAt == nil || !got.TransmittedAt.Equal(at)) {
				t.Fatalf("transmittedAt = %v, want %v", got.TransmittedAt, at)
			}
			from = s.to
		}
		final, err := db.FindRequestByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if final.Reason != "Pièce illisible" || !reflect.DeepEqual(final.History, wantHistory) {
			t.Fatalf("final %+v", final)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		_, err := db.TransitionRequest(ctx, "nope", erpps.StatusTransmitted, professional, "")
		wantCode(t, err, erpps.ENOTFOUND)
	})
}

// pathTo lists the statuses that take a new draft to each status.
func pathTo() map[erpps.RequestStatus][]erpps.RequestStatus {
	return map[erpps.RequestStatus][]erpps.RequestStatus{
		erpps.StatusDraft:               nil,
		erpps.StatusTransmitted:         {erpps.StatusTransmitted},
		erpps.StatusUnderReview:         {erpps.StatusTransmitted, erpps.StatusUnderReview},
		erpps.StatusAccepted:            {erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusAccepted},
		erpps.StatusRefused:             {erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusRefused},
		erpps.StatusComplementRequested: {erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested},
		erpps.StatusWithdrawn:           {erpps.StatusTransmitted, erpps.StatusWithdrawn},
		erpps.StatusClosedNoAction:      {erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested, erpps.StatusClosedNoAction},
	}
}

// TestTransitionTable tries every status from every status by every role:
// the store must follow erpps.CheckTransition, and a refused move must leave
// the request, its history and the replica's mutations as they were.
func TestTransitionTable(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	paths := pathTo()
	roles := []erpps.Role{erpps.RoleProfessional, erpps.RoleSecretary, erpps.RoleARSAgent, erpps.RoleSystem}

	// A few expectations written out, so that the table does not only
	// compare the store with the rule it calls.
	spelled := map[[3]string]string{
		{"draft", "transmitted", "professional"}:                     "",
		{"draft", "transmitted", "secretary"}:                        "",
		{"draft", "transmitted", "ars_agent"}:                        erpps.EFORBIDDEN,
		{"draft", "accepted", "ars_agent"}:                           erpps.ECONFLICT,
		{"transmitted", "under_review", "professional"}:              erpps.EFORBIDDEN,
		{"accepted", "withdrawn", "professional"}:                    erpps.ECONFLICT,
		{"complement_requested", "closed_no_action", "system"}:       "",
		{"complement_requested", "closed_no_action", "professional"}: erpps.EFORBIDDEN,
		{"withdrawn", "transmitted", "professional"}:                 erpps.ECONFLICT,
		{"under_review", "draft", "ars_agent"}:                       erpps.ECONFLICT,
	}

	var cases, refused int
	for _, from := range erpps.AllRequestStatuses {
		for _, to := range append(erpps.AllRequestStatuses, struct {
			Value  erpps.RequestStatus
			TSName string
		}{"lost", "Lost"}) {
			for _, role := range roles {
				actor := erpps.Actor{Role: role, ID: "X", Name: "Acteur"}
				name := string(from.Value) + "_to_" + string(to.Value) + "_by_" + string(role)
				t.Run(name, func(t *testing.T) {
					r := mustCreateDraft(t, db, "10000000001", `{}`)
					mustWalk(t, db, r.ID, paths[from.Value]...)
					before, err := db.FindRequestByID(ctx, r.ID)
					if err != nil {
						t.Fatal(err)
					}
					mutationsBefore, _ := db.ListPendingMutations(ctx, 0)

					want := erpps.ErrorCode(erpps.CheckTransition(from.Value, to.Value, actor))
					if code, ok := spelled[[3]string{string(from.Value), string(to.Value), string(role)}]; ok && code != want {
						t.Fatalf("the domain says %q, the test expects %q", want, code)
					}
					got, err := db.TransitionRequest(ctx, r.ID, to.Value, actor, "essai")
					wantCode(t, err, want)
					cases++
					if want == "" {
						if got.Status != to.Value || len(got.History) != len(before.History)+1 {
							t.Fatalf("allowed move not applied: %+v", got)
						}
						return
					}
					refused++
					after, err := db.FindRequestByID(ctx, r.ID)
					if err != nil {
						t.Fatal(err)
					}
					mutationsAfter, _ := db.ListPendingMutations(ctx, 0)
					// The first listing froze the queued mutations (FrozenNow);
					// what is compared is the mutations themselves.
					for i := range mutationsBefore {
						mutationsBefore[i].FrozenNow = false
					}
					if !reflect.DeepEqual(after, before) || !reflect.DeepEqual(mutationsAfter, mutationsBefore) {
						t.Fatalf("a refused move changed the request:\nbefore %+v\nafter  %+v", before, after)
					}
				})
			}
		}
	}
	if cases != 8*9*4 || refused < 8*9*4-20 {
		t.Fatalf("%d cases, %d refused", cases, refused)
	}
}
