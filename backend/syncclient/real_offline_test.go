package syncclient

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"testing"

	"erpps/backend/erpps"
)

// refusingTransport dials the real server, or, while refuse is set, a closed
// port of loopback: the connection is refused, the request never leaves.
// Connections are not kept, so that each request dials.
func refusingTransport(t *testing.T) (*http.Transport, *atomic.Bool) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	_ = l.Close()
	refuse := &atomic.Bool{}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true
	dialer := &net.Dialer{}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if refuse.Load() {
			addr = closed
		}
		return dialer.DialContext(ctx, network, addr)
	}
	return tr, refuse
}

// offlineDesktop is a desktop of e whose connections may be refused, its
// record pulled while online.
func offlineDesktop(t *testing.T, e *realEnv) (*desktop, *atomic.Bool) {
	t.Helper()
	var refuse *atomic.Bool
	d := e.newDesktop(e.signIn(e.a.RPPS), func(c *Config) {
		var tr *http.Transport
		tr, refuse = refusingTransport(t)
		c.HTTP = &http.Client{Transport: tr}
	})
	if err := d.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d, refuse
}

func pendingCount(t *testing.T, d *desktop) int {
	t.Helper()
	s, err := d.db.SyncSummary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Pending
}

// TestRealOfflineAutosavesCoalesceAcrossRetries: with the server's port
// closed, every retry of the push fails before anything leaves; the
// autosaves between the retries keep coalescing into the draft's one
// mutation, which reaches the server with the last payload once it is back.
func TestRealOfflineAutosavesCoalesceAcrossRetries(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	d, refuse := offlineDesktop(t, e)
	refuse.Store(true)
	draft := d.draftContact(t, e.a.RPPS, "debut@example.org")
	last := ""
	for i := range 50 {
		last = fmt.Sprintf("frappe%d@example.org", i)
		d.save(t, draft.ID, last)
		err := d.client.SyncOnce(ctx)
		if err == nil || !undelivered(err) {
			t.Fatalf("retry %d with the port closed: %v", i, err)
		}
	}
	if n := pendingCount(t, d); n != 1 {
		t.Fatalf("%d mutations pending after 50 offline autosaves, want 1", n)
	}
	refuse.Store(false)
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	onServer, err := e.store.FindRequestByID(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonHas(onServer.Payload, "email", last) || pendingCount(t, d) != 0 {
		t.Fatalf("on the server: %s, pending %d", onServer.Payload, pendingCount(t, d))
	}
}

// TestRealSentMutationStaysFrozenAfterARefusedRetry: a push whose reply was
// lost (the server may have applied it) keeps its mutation frozen, even when
// a later retry cannot connect: the next autosave appends a new mutation,
// and both reach the server once it is back.
func TestRealSentMutationStaysFrozenAfterARefusedRetry(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	d, refuse := offlineDesktop(t, e)
	e.down.Store(true) // connections accepted, then cut: delivered or not, unknown
	draft := d.draftContact(t, e.a.RPPS, "envoyee@example.org")
	if err := d.client.SyncOnce(ctx); err == nil || undelivered(err) {
		t.Fatalf("push with the reply lost: %v", err)
	}
	refuse.Store(true)
	if err := d.client.SyncOnce(ctx); err == nil || !undelivered(err) {
		t.Fatalf("push with the port closed: %v", err)
	}
	d.save(t, draft.ID, "suivante@example.org")
	if err := d.client.SyncOnce(ctx); err == nil || !undelivered(err) {
		t.Fatalf("push with the port closed: %v", err)
	}
	d.save(t, draft.ID, "derniere@example.org")
	if n := pendingCount(t, d); n != 2 {
		t.Fatalf("%d mutations pending, want 2 (the one maybe applied, frozen, and the later saves)", n)
	}
	pending, err := d.db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonHas(pending[0].Payload, "email", "envoyee@example.org") || pending[0].FrozenNow ||
		!jsonHas(pending[1].Payload, "email", "derniere@example.org") {
		t.Fatalf("pending: %+v", pending)
	}
	if err := d.db.RequeueMutations(ctx, []int64{pending[1].Seq}); err != nil {
		t.Fatal(err)
	}
	refuse.Store(false)
	e.down.Store(false)
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	onServer, err := e.store.FindRequestByID(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonHas(onServer.Payload, "email", "derniere@example.org") || pendingCount(t, d) != 0 {
		t.Fatalf("on the server: %s, pending %d", onServer.Payload, pendingCount(t, d))
	}
	if onServer.Status != erpps.StatusDraft {
		t.Fatalf("status on the server: %s", onServer.Status)
	}
}
