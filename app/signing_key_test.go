package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
	"erpps/backend/signing"
	"erpps/backend/sqlite"
)

// The signing key is not in the store: another local user who can read
// erpps.db cannot forge an attestation. It is in a file of the data folder,
// readable by its owner only.
func TestSigningKeyOutsideTheStore(t *testing.T) {
	dir := t.TempDir()
	a, closeFn, err := Open(context.Background(), Config{DataDir: dir, Mode: ModeWeb, Demo: true, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if !signing.IsLocal(a.deps.Attestations.Signer) {
		t.Error("the stand-in key does not say it is local")
	}
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.GetSetting(context.Background(), "signing.local.seed"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the store holds the signing key (%d bytes, %v)", len(v), err)
	}
	info, err := os.Stat(filepath.Join(dir, "signing-key.pem"))
	if err != nil {
		t.Fatalf("no key file: %v", err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", info.Mode().Perm())
	}
}

// A store from before the key file: its key moves to the file and leaves the
// store, and the attestations it signed still verify.
func TestSigningKeyMigratedFromAnOldStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	seed := bytes.Repeat([]byte{0x42}, 32)
	old, _ := signing.NewLocalSigner(seed)
	if err := db.SetSetting(ctx, "signing.local.seed", seed); err != nil {
		t.Fatal(err)
	}
	d := attestation.Data{DocumentNumber: "ATT-2026-000001", IssuedAt: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
		Issuer: "ARS Occitanie", ExerciseName: "ESSAI", FirstName: "Zoé", RPPS: "99100000001", Professions: []string{"Infirmier"}}
	payload, err := attestation.Payload(d, old)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(attestation.Canonical(d))
	if err := db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: d.DocumentNumber, RPPS: d.RPPS, IssuedAt: d.IssuedAt, PayloadHash: hex.EncodeToString(sum[:])}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	a, closeFn, err := Open(ctx, Config{DataDir: dir, Mode: ModeWeb, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer closeFn()
	if v, err := a.VerifyAttestation(payload); err != nil || !v.Valid {
		t.Fatalf("an attestation of the old store no longer verifies: %+v, %v", v, err)
	}
	if _, err := a.deps.Attestations.Registry.(erpps.SettingsStore).GetSetting(ctx, "signing.local.seed"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("the key is still in the store: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "signing-key.pem")); err != nil {
		t.Errorf("the key was not moved to its file: %v", err)
	}
}
