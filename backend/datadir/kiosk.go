package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A kiosk (a shared machine in an ARS office) keeps nothing of its walk-in
// users: its data lives in a folder it creates under the temporary folder,
// named erpps-kiosk-*, carrying a marker file, held by its lock while it
// runs, and erased at exit. A kiosk killed before it could erase its folder
// (SIGKILL, power cut) leaves it behind; the next kiosk start erases it.
// Nothing else is ever erased: not a folder without the marker, not a
// folder a running kiosk holds, not a folder given with --data.
const (
	kioskPrefix = "erpps-kiosk-"
	kioskMarker = "ERPPS-KIOSK"
)

// Kiosk is the folder of a running kiosk.
type Kiosk struct {
	Dir     string
	tempDir string
	lock    *Lock
}

// CreateKiosk creates a new kiosk folder under tempDir (0700), holds it and
// marks it as a kiosk's.
func CreateKiosk(tempDir string) (*Kiosk, error) {
	dir, err := os.MkdirTemp(tempDir, kioskPrefix+"*")
	if err != nil {
		return nil, folderFault(tempDir, fmt.Errorf("datadir: unable to create the kiosk's folder: %w", err))
	}
	// Held before it is marked: a folder with the marker is either held or
	// abandoned, never on its way to being held.
	lock, err := Acquire(dir)
	if err != nil {
		_ = os.Remove(dir)
		return nil, err
	}
	k := &Kiosk{Dir: dir, tempDir: tempDir, lock: lock}
	note := []byte("Dossier temporaire d'une borne eRPPS : effacé à sa fermeture ou au lancement suivant d'une borne.\n")
	if err := os.WriteFile(filepath.Join(dir, kioskMarker), note, 0o600); err != nil {
		_ = k.Close()
		return nil, folderFault(dir, fmt.Errorf("datadir: unable to mark the kiosk's folder: %w", err))
	}
	return k, nil
}

// Close erases the kiosk's folder and lets it go.
func (k *Kiosk) Close() error {
	err := removeKiosk(k.tempDir, k.Dir)
	if rerr := k.lock.Release(); rerr != nil && err == nil {
		err = rerr
	}
	if err != nil {
		// Some systems refuse to erase a file still open: erase again once
		// the lock is let go.
		err = removeKiosk(k.tempDir, k.Dir)
	}
	return err
}

// SweepKiosks erases the kiosk folders under tempDir that no running kiosk
// holds, and says how many it erased.
func SweepKiosks(tempDir string) (int, error) {
	dirs, err := filepath.Glob(filepath.Join(tempDir, kioskPrefix+"*"))
	if err != nil {
		return 0, fmt.Errorf("datadir: unable to list the kiosk folders: %w", err)
	}
	removed := 0
	var errs []error
	for _, dir := range dirs {
		if !isKiosk(tempDir, dir) {
			continue
		}
		lock, err := tryLock(LockPath(dir))
		if errors.Is(err, errLocked) {
			continue // a running kiosk's
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		err = removeKiosk(tempDir, dir)
		_ = lock.Release()
		if err != nil {
			err = removeKiosk(tempDir, dir)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		removed++
	}
	return removed, errors.Join(errs...)
}

// isKiosk tells whether dir is a kiosk's folder: a real folder (not a link)
// directly under tempDir, named erpps-kiosk-*, holding the marker.
func isKiosk(tempDir, dir string) bool {
	if filepath.Dir(filepath.Clean(dir)) != filepath.Clean(tempDir) || !strings.HasPrefix(filepath.Base(dir), kioskPrefix) {
		return false
	}
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() {
		return false
	}
	marker, err := os.Lstat(filepath.Join(dir, kioskMarker))
	return err == nil && marker.Mode().IsRegular()
}

// removeKiosk erases dir if it is a kiosk's folder, and refuses otherwise.
func removeKiosk(tempDir, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if !isKiosk(tempDir, dir) {
		return fmt.Errorf("datadir: %s is not a kiosk folder: not erased", dir)
	}
	// The marker goes last: a folder half erased is still known as a
	// kiosk's and the next start finishes the job.
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("datadir: unable to erase the kiosk folder: %w", err)
	}
	for _, e := range entries {
		if e.Name() == kioskMarker {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("datadir: unable to erase the kiosk folder: %w", err)
		}
	}
	if err := os.Remove(filepath.Join(dir, kioskMarker)); err != nil {
		return fmt.Errorf("datadir: unable to erase the kiosk folder: %w", err)
	}
	if err := os.Remove(dir); err != nil {
		return fmt.Errorf("datadir: unable to erase the kiosk folder: %w", err)
	}
	return nil
}
