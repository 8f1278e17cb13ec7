package signing

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"erpps/backend/erpps"
)

// TrustedKeysSetting is the desktop's setting keeping the authority's public
// keys fetched from the server, so that attestations verify offline. Public
// keys are no secret: they may live in the store.
const TrustedKeysSetting = "signing.authority.keys"

// KeysPath is where erpps-server publishes the authority's public keys.
const KeysPath = "/api/v1/keys"

// maxKeysReply bounds the server's reply.
const maxKeysReply = 1 << 20

// Messages about the authority's public keys.
const (
	msgKeysUnreachable = "Les clés de signature de l'autorité n'ont pas pu être obtenues du serveur eRPPS : les attestations signées par une clé récente ne pourront être vérifiées qu'une fois le serveur joint."
	msgKeysInvalid     = "Le serveur eRPPS a publié une clé de signature invalide : elle est ignorée."
)

// CheckPublicKey refuses a published key whose algorithm, size or key id is
// wrong (the key id must be KeyIDOf the key).
func CheckPublicKey(k PublicKeyInfo) error {
	if k.Algorithm != AlgorithmEd25519 || len(k.PublicKey) != ed25519.PublicKeySize || k.KeyID != KeyIDOf(k.PublicKey) {
		return &erpps.Error{Code: erpps.EINVALID, Message: msgKeysInvalid,
			Err: fmt.Errorf("signing: key %q: algorithm %q, %d bytes", k.KeyID, k.Algorithm, len(k.PublicKey))}
	}
	return nil
}

// LoadTrustedKeys returns the authority keys kept in settings (none when the
// desktop never reached a server).
func LoadTrustedKeys(ctx context.Context, settings erpps.SettingsStore) ([]PublicKeyInfo, error) {
	raw, err := settings.GetSetting(ctx, TrustedKeysSetting)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("signing: unable to read the authority's keys: %w", err)
	}
	var keys []PublicKeyInfo
	if err := json.Unmarshal(raw, &keys); err != nil {
		return nil, erpps.Internal(fmt.Errorf("signing: the authority's keys setting is unreadable: %w", err))
	}
	return slices.DeleteFunc(keys, func(k PublicKeyInfo) bool { return CheckPublicKey(k) != nil }), nil
}

// SaveTrustedKeys adds keys to those kept in settings and returns them all. A
// key once trusted stays: what it signed keeps verifying even when the server
// no longer lists it. Current says which key the server signs with today.
func SaveTrustedKeys(ctx context.Context, settings erpps.SettingsStore, keys []PublicKeyInfo) ([]PublicKeyInfo, error) {
	kept, err := LoadTrustedKeys(ctx, settings)
	if err != nil {
		return nil, err
	}
	current := ""
	for _, k := range keys {
		if err := CheckPublicKey(k); err != nil {
			return nil, err
		}
		if k.Current {
			current = k.KeyID
		}
	}
	for _, k := range keys {
		if !slices.ContainsFunc(kept, func(o PublicKeyInfo) bool { return o.KeyID == k.KeyID }) {
			kept = append(kept, k)
		}
	}
	if current != "" {
		for i := range kept {
			kept[i].Current = kept[i].KeyID == current
		}
	}
	raw, err := json.Marshal(kept)
	if err != nil {
		return nil, fmt.Errorf("signing: unable to encode the authority's keys: %w", err)
	}
	if err := settings.SetSetting(ctx, TrustedKeysSetting, raw); err != nil {
		return nil, fmt.Errorf("signing: unable to keep the authority's keys: %w", err)
	}
	return kept, nil
}

// FetchAuthorityKeys asks the server at serverURL for the authority's public
// keys (GET /api/v1/keys); every key is checked.
func FetchAuthorityKeys(ctx context.Context, client *http.Client, serverURL string) ([]PublicKeyInfo, error) {
	u, err := url.Parse(strings.TrimRight(serverURL, "/") + KeysPath)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, erpps.Errorf(erpps.EINVALID, "L'adresse du serveur eRPPS %q est invalide.", serverURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, &erpps.Error{Code: erpps.EUNAVAILABLE, Message: msgKeysUnreachable, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &erpps.Error{Code: erpps.EUNAVAILABLE, Message: msgKeysUnreachable, Err: fmt.Errorf("signing: GET %s: %s", KeysPath, resp.Status)}
	}
	var reply struct {
		Keys []PublicKeyInfo `json:"keys"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxKeysReply)).Decode(&reply); err != nil {
		return nil, &erpps.Error{Code: erpps.EUNAVAILABLE, Message: msgKeysUnreachable, Err: fmt.Errorf("signing: GET %s: %w", KeysPath, err)}
	}
	for _, k := range reply.Keys {
		if err := CheckPublicKey(k); err != nil {
			return nil, err
		}
	}
	return reply.Keys, nil
}

// RefreshTrustedKeys fetches the authority's keys from the server, keeps
// them in settings and trusts them in ring.
func RefreshTrustedKeys(ctx context.Context, client *http.Client, serverURL string, settings erpps.SettingsStore, ring *KeyRing) error {
	keys, err := FetchAuthorityKeys(ctx, client, serverURL)
	if err != nil {
		return err
	}
	kept, err := SaveTrustedKeys(ctx, settings, keys)
	if err != nil {
		return err
	}
	for _, k := range kept {
		if err := ring.Add(k.PublicKey); err != nil {
			return err
		}
	}
	return nil
}
