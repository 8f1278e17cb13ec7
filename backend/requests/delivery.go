package requests

import (
	"context"

	"erpps/backend/erpps"
)

// Delivery says, on a desktop that synchronises with the eRPPS server, which
// transmitted requests the server does not have yet.
type Delivery interface {
	// AwaitingServer tells whether a server is configured (false: none, a
	// transmitted request is said to wait for one, as ever) and, if so,
	// which of ids have a transmission not yet acknowledged by the server.
	AwaitingServer(ctx context.Context, ids []string) (configured bool, awaiting map[string]bool, err error)
}

// labelDelivered names « Transmise » the transmitted requests among reqs
// that the server has, on a desktop synchronised with one (Delivery); the
// others keep « Transmise — en attente d'envoi au serveur ». A moved
// cabinet's cessation travels with the transmission of its new activity.
// set is called with the index of each request to rename.
func (s *Service) labelDelivered(ctx context.Context, reqs []*erpps.Request, set func(i int, label string)) error {
	if s.Delivery == nil {
		return nil
	}
	var ids []string
	for _, r := range reqs {
		if r.Status == erpps.StatusTransmitted {
			ids = append(ids, r.ID)
			if r.LinkedRequestID != "" {
				ids = append(ids, r.LinkedRequestID)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	configured, awaiting, err := s.Delivery.AwaitingServer(ctx, ids)
	if err != nil || !configured {
		return err
	}
	for i, r := range reqs {
		if r.Status != erpps.StatusTransmitted || awaiting[r.ID] || (r.LinkedRequestID != "" && awaiting[r.LinkedRequestID]) {
			continue
		}
		set(i, erpps.StatusTransmitted.ServerLabel())
	}
	return nil
}
