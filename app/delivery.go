package app

import (
	"context"

	"erpps/backend/erpps"
)

// PendingTransmits reads which requests have a transmission the server has
// not acknowledged yet (the store in Replica mode).
type PendingTransmits interface {
	PendingTransmits(ctx context.Context, ids []string) (map[string]bool, error)
}

// serverDelivery is the requests service's Delivery on the desktop: a
// server is configured once its address is kept (« Serveur eRPPS »), and a
// transmitted request waits for it while its transmission is pending.
type serverDelivery struct {
	Settings erpps.SettingsStore
	Pending  PendingTransmits
}

func (d serverDelivery) AwaitingServer(ctx context.Context, ids []string) (bool, map[string]bool, error) {
	s, err := loadServer(ctx, d.Settings)
	if err != nil {
		return false, nil, err
	}
	if s.URL == "" {
		return false, nil, nil
	}
	awaiting, err := d.Pending.PendingTransmits(ctx, ids)
	if err != nil {
		return false, nil, err
	}
	return true, awaiting, nil
}
