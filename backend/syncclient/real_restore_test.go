package syncclient

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// copyFile copies the file src to dst.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// stopStore closes the server's store (its requests fail until startStore).
func (e *realEnv) stopStore() {
	e.t.Helper()
	if err := e.store.Close(); err != nil {
		e.t.Fatal(err)
	}
}

// startStore opens the server's store file again and serves it at the same
// address.
func (e *realEnv) startStore() {
	e.t.Helper()
	store, err := sqlite.Open(context.Background(), e.path)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { _ = store.Close() })
	e.serve(store)
}

// draftOther starts an exercise-name request on the desktop (another object
// than the contact's).
func (d *desktop) draftOther(t *testing.T, rpps string) *erpps.Request {
	t.Helper()
	ctx := context.Background()
	v, err := d.svc.Start(ctx, requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, d.actor)
	if err != nil {
		t.Fatalf("start on the desktop: %v", err)
	}
	saved, err := d.svc.SaveDraft(ctx, v.Request.ID, v.Request.Revision, json.RawMessage(`{"exerciseName":"PERDU","useBirthName":false}`), d.actor)
	if err != nil {
		t.Fatalf("save on the desktop: %v", err)
	}
	return saved.Request
}

// TestRealServerRestoredFromBackup: the server's store file is replaced by
// an older copy (a restore). A desktop with changes pending, whose acked
// seq is ahead of what the server remembers, numbers them again from the
// seq the server expects and sends them (before: the queue was stuck for
// ever); a desktop whose cursor is ahead of the server's change sequence
// resyncs from a snapshot (before: its pulls brought nothing) and then
// follows the server's changes again.
func TestRealServerRestoredFromBackup(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	token := e.signIn(e.account.Login)
	d1 := e.newDesktop(token, nil)
	d2 := e.newDesktop(token, nil)
	if err := d1.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	kept := d1.draftContact(t, e.a.RPPS, "avant.sauvegarde@example.org")
	for _, d := range []*desktop{d1, d2} {
		if err := d.client.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The backup: the store closed and its file copied, as an operator would.
	backup := filepath.Join(t.TempDir(), "server.db.bak")
	e.stopStore()
	copyFile(t, e.path, backup)
	e.startStore()

	// After the backup: d1 changes and creates, both desktops sync.
	d1.save(t, kept.ID, "apres.sauvegarde@example.org")
	lost := d1.draftOther(t, e.a.RPPS)
	for _, d := range []*desktop{d1, d2, d1} {
		if err := d.client.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d2.db.FindRequestByID(ctx, lost.ID); err != nil {
		t.Fatalf("the second desktop did not get the draft before the restore: %v", err)
	}

	// The server is restored from the backup.
	e.stopStore()
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(e.path + suffix); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	copyFile(t, backup, e.path)
	e.startStore()
	head, err := e.store.ChangeSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum2, _ := d2.db.SyncSummary(ctx)
	if sum2.Cursor <= head {
		t.Fatalf("the scenario needs the cursor (%d) ahead of the restored head (%d)", sum2.Cursor, head)
	}
	// d2, nothing pending, cursor ahead: resyncs.
	if err := d2.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := d2.db.FindRequestByID(ctx, lost.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the second desktop keeps a request the restored server does not have: %v", err)
	}
	if sum, _ := d2.db.SyncSummary(ctx); sum.Cursor != head {
		t.Fatalf("the second desktop's cursor %d, the server's head %d", sum.Cursor, head)
	}

	// d1 changes again: its pending change goes out, numbered afresh.
	d1.save(t, kept.ID, "apres.restauration@example.org")
	if err := d1.client.SyncOnce(ctx); err != nil {
		t.Fatalf("the desktop's sync after the restore: %v", err)
	}
	sum1, err := d1.db.SyncSummary(ctx)
	if err != nil || sum1.Pending != 0 {
		t.Fatalf("after the restore, pending: %+v %v", sum1, err)
	}
	onServer, err := e.store.FindRequestByID(ctx, kept.ID)
	if err != nil || !jsonHas(onServer.Payload, "email", "apres.restauration@example.org") {
		t.Fatalf("the change after the restore did not reach the server: %+v %v", onServer, err)
	}
	if _, err := e.store.FindMutationResult(ctx, sum1.ClientID, 2); err != nil {
		t.Fatalf("the change is not the server's seq 2: %v", err)
	}
	// The second desktop follows again.
	if err := d2.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if r, err := d2.db.FindRequestByID(ctx, kept.ID); err != nil || !jsonHas(r.Payload, "email", "apres.restauration@example.org") {
		t.Fatalf("the second desktop after the restore: %v", err)
	}
}
