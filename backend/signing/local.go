package signing

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"

	"erpps/backend/erpps"
)

// KeyFileName is the local key's file in the data folder.
const KeyFileName = "signing-key.pem"

// legacySeedKey is where versions before the key file kept the local key's
// seed, in the store's settings.
const legacySeedKey = "signing.local.seed"

// Messages about the key file.
const (
	msgKeyFileOpen     = "La clé de signature de ce poste (%s) est lisible par d'autres utilisateurs : retirez-leur ce droit (chmod 600 %s), puis relancez eRPPS."
	msgKeyFileDamaged  = "La clé de signature de ce poste (%s) est illisible : restaurez-la depuis une sauvegarde, ou supprimez-la (les attestations qu'elle a signées ne pourront plus être vérifiées)."
	msgKeyFileMismatch = "La clé de signature de ce poste (%s) n'est pas celle que gardait la base de données : supprimez le fichier pour reprendre celle de la base, ou contactez le support."
	msgKeyFileWrite    = "La clé de signature de ce poste n'a pas pu être enregistrée dans le dossier de données (%s) : vérifiez que ce dossier est accessible en écriture et que le disque n'est pas plein."
)

// LoadOrCreateKeyFile returns the signer that stands in for the issuing
// authority until the server signs the register's data. Its key is kept
// outside the store, in path (PKCS #8 PEM, mode 0600, created exclusively at
// first use); a key file that others may read is refused.
//
// A store written by an earlier version keeps the seed in its settings: it is
// moved to the file, then deleted from the store, so the attestations it
// signed keep verifying.
func LoadOrCreateKeyFile(ctx context.Context, path string, settings erpps.SettingsStore) (*LocalSigner, error) {
	legacy, err := settings.GetSetting(ctx, legacySeedKey)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		legacy = nil
	} else if err != nil {
		return nil, fmt.Errorf("signing: unable to read the store's key: %w", err)
	}
	seed, err := readKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		seed = legacy
		if seed == nil {
			if seed, err = GenerateSeed(); err != nil {
				return nil, err
			}
		}
		err = writeKeyFile(path, seed)
		if errors.Is(err, fs.ErrExist) { // created meanwhile by another process
			seed, err = readKeyFile(path)
		}
	}
	if err != nil {
		return nil, err
	}
	if legacy != nil {
		if !bytes.Equal(legacy, seed) {
			return nil, keyFileError(msgKeyFileMismatch, path, errors.New("signing: the key file and the store hold different keys"))
		}
		if err := settings.DeleteSetting(ctx, legacySeedKey); err != nil {
			return nil, fmt.Errorf("signing: unable to delete the key from the store: %w", err)
		}
	}
	return NewLocalSigner(seed)
}

// readKeyFile returns the seed kept in path; an error wrapping
// fs.ErrNotExist when there is none.
func readKeyFile(path string) ([]byte, error) {
	text, err := localKeyFile.read(path, 4096)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(text)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, keyFileError(msgKeyFileDamaged, path, errors.New("signing: no PRIVATE KEY block"))
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, keyFileError(msgKeyFileDamaged, path, err)
	}
	private, ok := key.(ed25519.PrivateKey)
	if !ok {
		return nil, keyFileError(msgKeyFileDamaged, path, fmt.Errorf("signing: %T is not an Ed25519 key", key))
	}
	return private.Seed(), nil
}

// writeKeyFile creates path, mode 0600, holding seed's private key; it never
// replaces an existing file. The key is written whole to a temporary file
// first, then linked in place, so that a crash leaves no half key.
func writeKeyFile(path string, seed []byte) error {
	if len(seed) != ed25519.SeedSize {
		_, err := NewLocalSigner(seed)
		return err
	}
	der, err := x509.MarshalPKCS8PrivateKey(ed25519.NewKeyFromSeed(seed))
	if err != nil {
		return fmt.Errorf("signing: unable to encode the key: %w", err)
	}
	text := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	return localKeyFile.write(path, text, false) // never replaces a key
}

// localKeyFile is the desktop's key file.
var localKeyFile = keyFile{name: "key file", openMsg: msgKeyFileOpen, unreadableMsg: msgKeyFileDamaged, writeMsg: msgKeyFileWrite}

func keyFileError(format, path string, err error) error {
	return localKeyFile.fail(format, path, err)
}
