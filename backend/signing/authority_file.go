package signing

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"erpps/backend/erpps"
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

// LoadAuthorityFile reads the authority key kept in path; an error wrapping
// fs.ErrNotExist when there is none. A file that others may read is refused.
func LoadAuthorityFile(path string) (*Authority, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, authorityFileError(msgAuthorityFileRead, path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, authorityFileError(msgAuthorityFileRead, path, err)
	}
	if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm&^keyFileMode != 0 {
		return nil, authorityFileError(msgAuthorityFileOpen, path, fmt.Errorf("signing: key file mode %04o, want %04o", perm, keyFileMode))
	}
	text, err := io.ReadAll(io.LimitReader(f, maxAuthorityFile))
	if err != nil {
		return nil, authorityFileError(msgAuthorityFileRead, path, err)
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
	if err := writeAuthorityFile(path, text, false); err != nil {
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
	if err := writeAuthorityFile(path, text, true); err != nil {
		return nil, err
	}
	return a, nil
}

// writeAuthorityFile writes text to path, mode 0600, through a temporary file
// of the same folder: linked in place when !replace (fails with fs.ErrExist
// when path exists), renamed over it otherwise.
func writeAuthorityFile(path string, text []byte, replace bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return authorityFileError(msgAuthorityFileWrite, dir, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	err = tmp.Chmod(keyFileMode)
	if err == nil {
		_, err = tmp.Write(text)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && replace {
		err = os.Rename(name, path)
	} else if err == nil {
		err = os.Link(name, path)
		if errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		return authorityFileError(msgAuthorityFileWrite, dir, err)
	}
	return nil
}

// syncDir makes a rename or link in dir durable (a no-op where folders
// cannot be synced).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

func authorityFileError(format, path string, err error) error {
	msg := fmt.Sprintf(format, path)
	if format == msgAuthorityFileOpen {
		msg = fmt.Sprintf(format, path, path)
	}
	return &erpps.Error{Code: erpps.EINTERNAL, Message: msg, Err: fmt.Errorf("signing: authority key file: %w", err)}
}
