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

// keyFileMode: a key file is readable by its owner only.
const keyFileMode = 0o600

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
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, k.fail(k.unreadableMsg, path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, k.fail(k.unreadableMsg, path, err)
	}
	if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm&^keyFileMode != 0 {
		return nil, k.fail(k.openMsg, path, fmt.Errorf("signing: key file mode %04o, want %04o", perm, keyFileMode))
	}
	text, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, k.fail(k.unreadableMsg, path, err)
	}
	return text, nil
}

// write writes text to path, mode 0600, whole or not at all: through a
// temporary file of the same folder, linked in place when !replace (it then
// fails with fs.ErrExist when path exists: a key is never replaced by
// accident), renamed over it otherwise.
func (k keyFile) write(path string, text []byte, replace bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return k.fail(k.writeMsg, dir, err)
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
		return k.fail(k.writeMsg, dir, err)
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
