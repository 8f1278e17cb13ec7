package messages

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// WriteOutboxFile writes data to a new file of dir named after t, a random part
// and ext, mode 0600, never replacing one.
func WriteOutboxFile(dir string, t time.Time, ext string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("outbox: unable to create the folder: %w", err)
	}
	var r [4]byte
	if _, err := rand.Read(r[:]); err != nil {
		return fmt.Errorf("outbox: unable to name a file: %w", err)
	}
	name := filepath.Join(dir, t.UTC().Format("20060102T150405.000000000Z")+"-"+hex.EncodeToString(r[:])+ext)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("outbox: unable to create a message file: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("outbox: unable to write a message file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("outbox: unable to write a message file: %w", err)
	}
	return nil
}
