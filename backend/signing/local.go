package signing

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
)

// localSeedKey is where the local stand-in key's seed is kept in the store.
const localSeedKey = "signing.local.seed"

// LoadOrCreateLocalSigner returns the signer that stands in for the issuing
// authority until the server signs the register's data: its seed is kept in
// the local store, created at first use.
func LoadOrCreateLocalSigner(ctx context.Context, settings erpps.SettingsStore) (*LocalSigner, error) {
	seed, err := settings.GetSetting(ctx, localSeedKey)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		if seed, err = GenerateSeed(); err != nil {
			return nil, err
		}
		if err := settings.SetSetting(ctx, localSeedKey, seed); err != nil {
			return nil, fmt.Errorf("signing: unable to keep the local key: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("signing: unable to read the local key: %w", err)
	}
	return NewLocalSigner(seed)
}
