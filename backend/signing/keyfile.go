package signing

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"erpps/backend/erpps"
	"erpps/backend/secretfile"
)

// keyFile is a kind of key file (the desktop's local key, the server's
// authority keys): what its errors are called and the French messages that
// tell the user what to do.
type keyFile struct {
	name string // in the wrapped errors: "key file", "authority key file"
	// Each holds one %s, the file's path (the folder's for writeMsg), but
	// openMsg, which holds it twice.
	openMsg, unreadableMsg, writeMsg string
}

// fail is the error about the file at path, with message format.
func (k keyFile) fail(format, path string, err error) error {
	msg := fmt.Sprintf(format, path)
	if format == k.openMsg {
		msg = fmt.Sprintf(format, path, path)
	}
	return &erpps.Error{Code: erpps.EINTERNAL, Message: msg, Err: fmt.Errorf("signing: %s: %w", k.name, err)}
}

// read returns at most limit bytes of the key file at path, which only its
// owner may read; an error wrapping fs.ErrNotExist when there is none.
func (k keyFile) read(path string, limit int64) ([]byte, error) {
	text, err := secretfile.Read(path, limit)
	switch {
	case err == nil, errors.Is(err, fs.ErrNotExist):
		return text, err
	case errors.Is(err, secretfile.ErrReadableByOthers):
		return nil, k.fail(k.openMsg, path, err)
	default:
		return nil, k.fail(k.unreadableMsg, path, err)
	}
}

// write writes text to path, mode 0600, whole or not at all; when !replace
// it fails with an error wrapping fs.ErrExist when path exists (a key is
// never replaced by accident).
func (k keyFile) write(path string, text []byte, replace bool) error {
	var err error
	if replace {
		err = secretfile.Replace(path, text)
	} else {
		err = secretfile.Create(path, text)
	}
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	return k.fail(k.writeMsg, filepath.Dir(path), err)
}
