package signing

import (
	"errors"
	"io/fs"
)

// AuthorityFileName is the authority key's file in erpps-server's data folder.
const AuthorityFileName = "authority-key.pem"

// maxAuthorityFile bounds the size of an authority key file (a key and
// hundreds of retired public keys).
const maxAuthorityFile = 1 << 20

// Messages about the authority key file.
const (
	msgAuthorityFileOpen  = "La clé de signature de l'autorité (%s) est lisible par d'autres utilisateurs : retirez-leur ce droit (chmod 600 %s)."
	msgAuthorityFileRead  = "La clé de signature de l'autorité (%s) n'a pas pu être lue : vérifiez le fichier et ses droits."
	msgAuthorityFileWrite = "La clé de signature de l'autorité n'a pas pu être enregistrée dans %s : vérifiez que ce dossier est accessible en écriture et que le disque n'est pas plein."
)

// authorityFile is the authority's key file.
var authorityFile = keyFile{name: "authority key file", openMsg: msgAuthorityFileOpen, unreadableMsg: msgAuthorityFileRead, writeMsg: msgAuthorityFileWrite}

// LoadAuthorityFile reads the authority key kept in path; an error wrapping
// fs.ErrNotExist when there is none. A file that others may read is refused.
func LoadAuthorityFile(path string) (*Authority, error) {
	text, err := authorityFile.read(path, maxAuthorityFile)
	if err != nil {
		return nil, err
	}
	return ParseAuthority(text)
}

// LoadOrCreateAuthorityFile reads the authority key kept in path, or creates
// it (a new key, mode 0600) when there is none.
func LoadOrCreateAuthorityFile(path string) (a *Authority, created bool, err error) {
	a, err = LoadAuthorityFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return a, false, err
	}
	if a, err = NewAuthority(); err != nil {
		return nil, false, err
	}
	text, err := a.MarshalPEM()
	if err != nil {
		return nil, false, err
	}
	if err := authorityFile.write(path, text, false); err != nil {
		if errors.Is(err, fs.ErrExist) { // created meanwhile by another process
			a, err = LoadAuthorityFile(path)
			return a, false, err
		}
		return nil, false, err
	}
	return a, true, nil
}

// RotateAuthorityFile replaces the key kept in path by a new one, keeping the
// public keys of the old ones; a missing file gets its first key. The file is
// replaced whole (written aside, then renamed): a crash leaves either the old
// or the new keys, never half.
func RotateAuthorityFile(path string) (*Authority, error) {
	old, err := LoadAuthorityFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		a, _, err := LoadOrCreateAuthorityFile(path)
		return a, err
	}
	if err != nil {
		return nil, err
	}
	a, err := old.Rotated()
	if err != nil {
		return nil, err
	}
	text, err := a.MarshalPEM()
	if err != nil {
		return nil, err
	}
	if err := authorityFile.write(path, text, true); err != nil {
		return nil, err
	}
	return a, nil
}
