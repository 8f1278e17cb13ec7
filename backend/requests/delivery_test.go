package requests

import (
	"context"
	"testing"

	"erpps/backend/erpps"
)

type fakeDelivery struct {
	configured bool
	awaiting   map[string]bool
}

func (f fakeDelivery) AwaitingServer(context.Context, []string) (bool, map[string]bool, error) {
	return f.configured, f.awaiting, nil
}

// TestLabelDelivered: « Transmise » once the server has a transmitted
// request (a moved cabinet's cessation travels with its new activity's
// transmission); waiting while the transmission is pending or with no
// server; other statuses untouched.
func TestLabelDelivered(t *testing.T) {
	const waiting, delivered = "Transmise — en attente d'envoi au serveur", "Transmise"
	reqs := []*erpps.Request{
		{ID: "sent", Status: erpps.StatusTransmitted},
		{ID: "pending", Status: erpps.StatusTransmitted},
		{ID: "cessation", Status: erpps.StatusTransmitted, LinkedRequestID: "pending"},
		{ID: "draft", Status: erpps.StatusDraft},
	}
	for _, tc := range []struct {
		name     string
		delivery Delivery
		want     []string
	}{
		{"no delivery (server, kiosk)", nil, []string{waiting, waiting, waiting, "En cours (non transmise)"}},
		{"no server configured", fakeDelivery{}, []string{waiting, waiting, waiting, "En cours (non transmise)"}},
		{"server configured", fakeDelivery{configured: true, awaiting: map[string]bool{"pending": true}},
			[]string{delivered, waiting, waiting, "En cours (non transmise)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &Service{Delivery: tc.delivery}
			got := make([]string, len(reqs))
			for i, r := range reqs {
				got[i] = r.Status.Label()
			}
			if err := s.labelDelivered(context.Background(), reqs, func(i int, l string) { got[i] = l }); err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("%s: %q, want %q", reqs[i].ID, got[i], tc.want[i])
				}
			}
		})
	}
}
