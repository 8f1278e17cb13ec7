// Package secretfile reads and writes the files that hold a secret (signing
// keys, the one-time codes' key, the sealed store's key, passwords given in
// a file): readable by their owner only, read within a bound, and written
// whole or not at all, so that neither a crash nor two processes starting at
// once ever leave or read half a key.
package secretfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Mode is the mode of the secret files written here: their owner reads and
// writes them, nobody else. Read accepts any mode that gives nothing to the
// group nor to others.
const Mode = 0o600

// ErrReadableByOthers is wrapped by Read's error for a file whose mode lets
// other accounts read or write it: it is refused.
var ErrReadableByOthers = errors.New("secretfile: the file is readable by other accounts")

// ErrTooLarge is wrapped by Read's error for a file longer than its bound.
var ErrTooLarge = errors.New("secretfile: the file is too large")

// Read returns the content of the secret file at path, at most limit bytes.
// Its error wraps fs.ErrNotExist when there is no file, ErrReadableByOthers
// when others may read it (except on Windows, where modes say nothing), and
// ErrTooLarge when it is longer than limit.
func Read(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("secretfile: unable to open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("secretfile: unable to read %s: %w", path, err)
	}
	if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm&0o077 != 0 {
		return nil, fmt.Errorf("%w (mode %04o: chmod 600)", ErrReadableByOthers, perm)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("secretfile: unable to read %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, limit)
	}
	return b, nil
}

// Create writes data to a new secret file at path, whole or not at all: to
// a temporary file of the same folder first, then linked in place. It never
// replaces a file: its error wraps fs.ErrExist when path exists. The folder
// is created (0700) when missing.
func Create(path string, data []byte) error {
	return write(path, data, false)
}

// Replace writes data over the secret file at path, whole or not at all (a
// temporary file renamed over it): a crash leaves the old content or the
// new, never half.
func Replace(path string, data []byte) error {
	return write(path, data, true)
}

// ReadOrCreate reads the secret file at path or, when there is none, creates
// it with what generate returns; created says which. When another process
// creates it meanwhile, its content is read and returned: every process
// ends with the same secret.
func ReadOrCreate(path string, limit int64, generate func() ([]byte, error)) (data []byte, created bool, err error) {
	data, err = Read(path, limit)
	if !errors.Is(err, fs.ErrNotExist) {
		return data, false, err
	}
	if data, err = generate(); err != nil {
		return nil, false, err
	}
	err = Create(path, data)
	if errors.Is(err, fs.ErrExist) {
		data, err = Read(path, limit)
		return data, false, err
	}
	if err != nil {
		return nil, false, err
	}
	return data, true, nil
}

func write(path string, data []byte, replace bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("secretfile: unable to create the folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("secretfile: unable to write in %s: %w", dir, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	err = tmp.Chmod(Mode)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("secretfile: unable to write in %s: %w", dir, err)
	}
	if replace {
		err = os.Rename(name, path)
	} else {
		err = os.Link(name, path) // fails when path exists: never replaces a secret
	}
	if err != nil {
		return fmt.Errorf("secretfile: unable to put %s in place: %w", path, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("secretfile: unable to sync %s: %w", dir, err)
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
