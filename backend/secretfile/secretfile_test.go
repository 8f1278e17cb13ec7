package secretfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte, mode os.FileMode) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("OwnerOnly", func(t *testing.T) {
		got, err := Read(write("ok", []byte("secret"), 0o600), 16)
		if err != nil || string(got) != "secret" {
			t.Fatalf("%q, %v", got, err)
		}
	})
	t.Run("OtherOwnerModes", func(t *testing.T) {
		for _, mode := range []os.FileMode{0o400, 0o700} {
			if _, err := Read(write(fmt.Sprintf("owner%o", mode), []byte("secret"), mode), 16); err != nil {
				t.Errorf("mode %04o: %v", mode, err)
			}
		}
	})
	t.Run("ErrNotExist", func(t *testing.T) {
		if _, err := Read(filepath.Join(dir, "none"), 16); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%v", err)
		}
	})
	t.Run("ErrReadableByOthers", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("modes say nothing on Windows")
		}
		for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660, 0o602} {
			if _, err := Read(write(fmt.Sprintf("open%o", mode), []byte("secret"), mode), 16); !errors.Is(err, ErrReadableByOthers) {
				t.Errorf("mode %04o: %v", mode, err)
			}
		}
	})
	t.Run("ErrTooLarge", func(t *testing.T) {
		path := write("big", bytes.Repeat([]byte("x"), 17), 0o600)
		if _, err := Read(path, 16); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("%v", err)
		}
		if got, err := Read(path, 17); err != nil || len(got) != 17 {
			t.Fatalf("at the bound: %d bytes, %v", len(got), err)
		}
	})
}

func TestCreate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "made", "here")
	path := filepath.Join(dir, "key")
	if err := Create(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != Mode {
		t.Fatalf("mode %04o", info.Mode().Perm())
	}
	if err := Create(path, []byte("second")); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("over an existing file: %v", err)
	}
	if got, _ := Read(path, 16); string(got) != "first" {
		t.Fatalf("replaced: %q", got)
	}
	if err := Replace(path, []byte("third")); err != nil {
		t.Fatal(err)
	}
	if got, _ := Read(path, 16); string(got) != "third" {
		t.Fatalf("not replaced: %q", got)
	}
	// Nothing left beside it: no temporary file.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the folder holds %d entries", len(entries))
	}
}

// Processes starting at once each draw a secret; exactly one is written and
// every one of them ends with it, never with an empty or half file.
func TestReadOrCreateRace(t *testing.T) {
	for round := range 20 {
		path := filepath.Join(t.TempDir(), "key")
		const n = 8
		got := make([][]byte, n)
		createdCount := 0
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				data, created, err := ReadOrCreate(path, 1<<10, func() ([]byte, error) {
					return bytes.Repeat([]byte{byte('a' + i)}, 512), nil
				})
				if err != nil {
					t.Errorf("round %d, %d: %v", round, i, err)
					return
				}
				mu.Lock()
				got[i] = data
				if created {
					createdCount++
				}
				mu.Unlock()
			})
		}
		wg.Wait()
		if createdCount != 1 {
			t.Fatalf("round %d: %d creations", round, createdCount)
		}
		for i := range n {
			if len(got[i]) != 512 || !bytes.Equal(got[i], got[0]) {
				t.Fatalf("round %d: process %d has %q…, process 0 %q…", round, i, got[i][:min(8, len(got[i]))], got[0][:8])
			}
		}
	}
}

func TestReadOrCreateKeepsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	boom := errors.New("no randomness")
	if _, _, err := ReadOrCreate(path, 16, func() ([]byte, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("%v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a file was left: %v", err)
	}
}
