// Package datadir finds the folder where eRPPS Desktop keeps its data: the
// local store, the log file and the signing key.
package datadir

import (
	"fmt"
	"os"
	"path/filepath"
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

// Ensure creates the folder, readable by its owner only, when it is missing.
func Ensure(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("datadir: unable to create %s: %w", dir, err)
	}
	return nil
}

// StorePath is the SQLite file inside the data folder.
func StorePath(dir string) string { return filepath.Join(dir, "erpps.db") }

// LogPath is the log file inside the data folder.
func LogPath(dir string) string { return filepath.Join(dir, "erpps.log") }
