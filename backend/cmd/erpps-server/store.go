package main

import (
	"context"
	"erpps/backend/oidcprovider"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"erpps/backend/postgres"
	"erpps/backend/signing"
	"erpps/backend/sqlite"
	"erpps/backend/syncserver"
)

// store is what the server keeps its data in, with the desktops' sync.
type store = syncserver.Store

// openStore opens (and migrates) the store the configuration names: the
// SQLite file in the data folder, or PostgreSQL.
func openStore(ctx context.Context, c *config) (store, error) {
	if c.Database != "" {
		db, err := postgres.Open(ctx, c.Database)
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	if err := os.MkdirAll(c.Data, 0o700); err != nil {
		return nil, fmt.Errorf("impossible de créer le dossier des données %s : %w", c.Data, err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(c.Data, sqliteFileName))
	if err != nil {
		return nil, err
	}
	return db, nil
}

// loadAuthority returns the authority's signing key: the PEM text of the
// environment, else the key file. With the embedded SQLite store, a missing
// file is created (a single process, `make server` without setup); with
// PostgreSQL, several processes must share one key: it must exist (`keys
// rotate` creates it).
func loadAuthority(c *config) (*signing.Authority, error) {
	if c.SigningKeyPEM != "" {
		return signing.ParseAuthority([]byte(c.SigningKeyPEM))
	}
	if c.Database != "" {
		a, err := signing.LoadAuthorityFile(c.SigningKeyFile)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("la clé de signature de l'autorité %s n'existe pas : créez-la avec « erpps-server keys rotate --signing-key-file %s », ou donnez-la dans %s", c.SigningKeyFile, c.SigningKeyFile, envSigningKey)
		}
		return a, err
	}
	if err := os.MkdirAll(filepath.Dir(c.SigningKeyFile), 0o700); err != nil {
		return nil, fmt.Errorf("impossible de créer le dossier de la clé de signature : %w", err)
	}
	a, _, err := signing.LoadOrCreateAuthorityFile(c.SigningKeyFile)
	return a, err
}

// loadOIDCKey reads the OpenID provider's signing key: from the environment,
// else its file (created with SQLite; with PostgreSQL every process must
// share one, so it must exist).
func loadOIDCKey(c *config) (*oidcprovider.Key, error) {
	if c.OIDCKeyPEM != "" {
		return oidcprovider.ParseKey([]byte(c.OIDCKeyPEM))
	}
	path := c.OIDCKeyFile
	if path == "" {
		path = filepath.Join(filepath.Dir(c.SigningKeyFile), oidcprovider.KeyFileName)
	}
	if c.Database != "" {
		k, err := oidcprovider.LoadKeyFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("la clé de signature OpenID Connect %s n'existe pas : créez-la avec « erpps-server keys rotate --signing-key-file %s », ou donnez-la dans %s", path, c.SigningKeyFile, envOIDCKey)
		}
		return k, err
	}
	return oidcprovider.LoadOrCreateKeyFile(path)
}
