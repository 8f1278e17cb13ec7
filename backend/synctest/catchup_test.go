package synctest

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// catchUpChanges is how many changes the desktop of BenchmarkCatchUp finds
// on the server after its month offline.
const catchUpChanges = 10000

// BenchmarkCatchUp measures one desktop catching up 10,000 changes after a
// month offline: the server's practitioner gained 10,000 requests (written
// by the store, as another desktop's pushes would) since the desktop's last
// sync; the desktop pulls them all (pages of 500) into its SQLite file. It
// reports the time and the memory allocated, and the peak of the heap.
//
//	go test ./backend/synctest -run '^$' -bench CatchUp -benchtime 1x -v
func BenchmarkCatchUp(b *testing.B) {
	f := theFixture(b)
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		dir := b.TempDir()
		path := filepath.Join(dir, "server.db")
		if err := copyFile(f.template, path); err != nil {
			b.Fatal(err)
		}
		srv := startServer(b, f.cat, path)
		d, err := openDesktop(ctx, desktopConfig{name: "desktop", dir: dir, cat: f.cat, baseURL: srv.URL(), token: f.token,
			actor: f.owner.Actor(), rpps: f.practitioner.RPPS, seed: 1, pullLimit: 500})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.syncOnce(ctx); err != nil {
			b.Fatal(err)
		}
		store, _ := srv.current()
		actor := f.owner.Actor()
		for i := range catchUpChanges {
			r := &erpps.Request{ID: fmt.Sprintf("catchup-%05d", i), RPPS: f.practitioner.RPPS, Kind: erpps.KindCeaseActivity,
				TargetID: fmt.Sprintf("activity-%05d", i), Payload: []byte(`{"endDate":"2026-12-31","reason":"retraite"}`)}
			if err := store.CreateRequest(ctx, r, actor); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		peak := sampleHeap()
		b.StartTimer()
		t0 := time.Now()
		syncCtx, cancel := context.WithTimeout(ctx, 10*time.Minute)
		err = d.client.SyncOnce(syncCtx)
		cancel()
		elapsed := time.Since(t0)
		b.StopTimer()
		maxHeap := peak()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if err != nil {
			b.Fatal(err)
		}
		list, err := d.db.ListRequests(ctx, erpps.RequestFilter{RPPS: f.practitioner.RPPS, WithoutHistory: true})
		if err != nil {
			b.Fatal(err)
		}
		if len(list) < catchUpChanges {
			b.Fatalf("the desktop has %d requests after catching up, want %d", len(list), catchUpChanges)
		}
		alloc := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
		b.ReportMetric(elapsed.Seconds(), "catchup-s")
		b.ReportMetric(alloc, "alloc-MB")
		b.ReportMetric(float64(maxHeap)/(1<<20), "peak-heap-MB")
		b.Logf("one desktop caught up %d changes in %v: %.0f MB allocated, heap peak %.0f MB (server and desktop in one process)",
			catchUpChanges, elapsed.Round(time.Millisecond), alloc, float64(maxHeap)/(1<<20))
		d.Close()
		srv.stop()
	}
}

// sampleHeap samples the heap in use every 20 ms until the returned function
// is called, which returns the peak.
func sampleHeap() func() uint64 {
	var mu sync.Mutex
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
