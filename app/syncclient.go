package app

import (
	"erpps/backend/erpps"
	"erpps/backend/syncclient"
)

// newSyncClient makes the desktop's sync client (backend/syncclient) over
// the store in Replica mode.
func newSyncClient(store erpps.Replica) func(SyncClientConfig) (SyncClient, error) {
	return func(c SyncClientConfig) (SyncClient, error) {
		return syncclient.New(syncclient.Config{
			Store:   store,
			BaseURL: c.BaseURL,
			HTTP:    c.HTTP,
			Token:   c.Token,
			OnStatus: func(s syncclient.Status) {
				c.OnStatus(SyncState{State: SyncStatus(s.State), Pending: s.Pending, SetAside: s.SetAside, LastSyncAt: s.LastSyncAt, Error: s.Error})
			},
			OnChanged: c.OnChanged,
		})
	}
}
