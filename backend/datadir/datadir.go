// Package datadir finds the folder where eRPPS Desktop keeps its data: the
// local store, the log file and the signing key. It creates it private,
// checks that it can be written, and holds it so that one erpps at a time
// uses it.
package datadir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"erpps/backend/erpps"
	"erpps/backend/fsfault"
)

// EnvVar overrides the default data folder when the --data flag is not given.
const EnvVar = "ERPPS_DATA"

// Resolve returns the data folder: flagValue when set, else $ERPPS_DATA, else
// the "erpps" folder in the OS user config dir (~/.config/erpps on Linux,
// %AppData%\erpps on Windows). getenv and userConfigDir are injected for tests.
func Resolve(flagValue string, getenv func(string) string, userConfigDir func() (string, error)) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if v := getenv(EnvVar); v != "" {
		return filepath.Abs(v)
	}
	base, err := userConfigDir()
	if err != nil {
		return "", fmt.Errorf("datadir: unable to find the user config dir (use --data or %s): %w", EnvVar, err)
	}
	return filepath.Join(base, "erpps"), nil
}

// Ensure creates the folder when it is missing, readable by its owner only
// (0700 whatever the umask). An existing folder is left as it is.
func Ensure(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return folderFault(dir, fmt.Errorf("datadir: unable to create %s: %w", dir, err))
	}
	// The umask may have taken the owner's bits; a file system without
	// modes (FAT) refuses, which does not stop erpps from working.
	_ = os.Chmod(dir, 0o700)
	return nil
}

// CheckWritable writes and removes a small file in dir: a folder on a
// read-only disk, a folder the user may not write, or a full disk is told
// now, with what to do, rather than at the first save.
func CheckWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".erpps-write-check-*")
	if err != nil {
		return folderFault(dir, fmt.Errorf("datadir: unable to write in %s: %w", dir, err))
	}
	name := f.Name()
	defer os.Remove(name)
	_, err = f.Write(make([]byte, 64<<10))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return folderFault(dir, fmt.Errorf("datadir: unable to write in %s: %w", dir, err))
	}
	return nil
}

// StorePath is the SQLite file inside the data folder.
func StorePath(dir string) string { return filepath.Join(dir, "erpps.db") }

// LogPath is the log file inside the data folder.
func LogPath(dir string) string { return filepath.Join(dir, "erpps.log") }

// LockPath is the file an erpps holds while it uses the data folder.
func LockPath(dir string) string { return filepath.Join(dir, "erpps.lock") }

// folderFault turns a failure to create or write in the data folder into
// the error to show: read-only, full, or unreachable, each with what to do.
func folderFault(dir string, err error) *erpps.Error {
	switch {
	case fsfault.IsDiskFull(err):
		return &erpps.Error{Code: erpps.EDISKFULL, Err: err, Message: fmt.Sprintf(
			"Le disque qui contient le dossier de données %s est plein. "+
				"Libérez de la place (supprimez des fichiers inutiles, videz la corbeille), puis relancez eRPPS Desktop.", dir)}
	case fsfault.IsReadOnly(err):
		return &erpps.Error{Code: erpps.EREADONLY, Err: err, Message: fmt.Sprintf(
			"Le dossier de données %s est en lecture seule : eRPPS Desktop ne peut pas y écrire. "+
				"Donnez-vous le droit d'écrire dans ce dossier (ou retirez la protection en écriture du disque), "+
				"ou choisissez un autre dossier avec --data, puis relancez eRPPS Desktop.", dir)}
	case errors.Is(err, fs.ErrNotExist):
		return &erpps.Error{Code: erpps.ESTOREOPEN, Err: err, Message: fmt.Sprintf(
			"Le dossier de données %s est introuvable (disque débranché ?). "+
				"Rebranchez le disque ou choisissez un autre dossier avec --data, puis relancez eRPPS Desktop.", dir)}
	}
	return &erpps.Error{Code: erpps.ESTOREOPEN, Err: err, Message: fmt.Sprintf(
		"Impossible d'utiliser le dossier de données %s. "+
			"Vérifiez qu'il existe et qu'il vous est accessible, ou choisissez-en un autre avec --data, puis relancez eRPPS Desktop.", dir)}
}
