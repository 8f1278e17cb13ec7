package app

import (
	"context"
	"net/http"
	"time"

	"github.com/sirupsen/logrus"

	"erpps/backend/erpps"
	"erpps/backend/signing"
)

// keysFetchTimeout bounds the start-up fetch of the authority's keys.
const keysFetchTimeout = 15 * time.Second

// authorityVerifier trusts the local stand-in key (whose attestations are
// labelled offline previews) and the authority's public keys kept in the
// store; with a server configured, it fetches the server's keys in the
// background and keeps them. The returned function stops the fetch (before
// the store closes); done is closed once the fetch ended.
func authorityVerifier(ctx context.Context, serverURL string, settings erpps.SettingsStore, local signing.Signer, log *logrus.Logger) (ring *signing.KeyRing, done <-chan struct{}, stop func() error, err error) {
	ring = signing.NewKeyRing(local.PublicKey())
	kept, err := signing.LoadTrustedKeys(ctx, settings)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, k := range kept {
		if err := ring.Add(k.PublicKey); err != nil {
			return nil, nil, nil, err
		}
	}
	finished := make(chan struct{})
	if serverURL == "" {
		close(finished)
		return ring, finished, func() error { return nil }, nil
	}
	fetchCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), keysFetchTimeout)
	go func() {
		defer close(finished)
		client := &http.Client{Timeout: keysFetchTimeout}
		if err := signing.RefreshTrustedKeys(fetchCtx, client, serverURL, settings, ring); err != nil {
			log.WithField("code", erpps.ErrorCode(err)).WithError(err).Warn("authority keys not refreshed")
			return
		}
		log.WithField("keys", len(ring.KeyIDs())).Info("authority keys refreshed")
	}()
	return ring, finished, func() error { cancel(); <-finished; return nil }, nil
}
