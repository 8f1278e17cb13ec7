package attestation

import (
	"runtime"
	"testing"
)

// TestBatchMemoryIsFlat renders 1,000 attestations with one Renderer and
// checks that the live heap, measured after a GC, does not grow with the
// number of documents.
func TestBatchMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 1,000 documents")
	}
	const (
		documents = 1000
		bound     = 512 << 10 // growth allowed for the whole batch
	)
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	s := testSigner(t, 1)
	d := sampleData(25)
	heap := func() (live, total uint64) {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc, m.TotalAlloc
	}
	render := func() int {
		pdf, err := r.Render(d, s)
		if err != nil {
			t.Fatal(err)
		}
		return len(pdf)
	}
	for range 20 { // warm up lazily built tables
		render()
	}
	before, totalBefore := heap()
	var peak uint64
	bytes := 0
	for i := 1; i <= documents; i++ {
		bytes += render()
		if i%100 == 0 {
			live, _ := heap()
			peak = max(peak, live)
		}
	}
	after, totalAfter := heap()
	runtime.KeepAlive(r) // its reusable buffers count in "after" as in "before"
	t.Logf("%d documents (%d MB of PDF): live heap %d KB before, %d KB after, %d KB at most (checked every 100); %d KB allocated per document",
		documents, bytes>>20, before>>10, after>>10, peak>>10, (totalAfter-totalBefore)/documents>>10)
	if after > before+bound || peak > before+bound {
		t.Errorf("live heap grew from %d KB to %d KB (peak %d KB), bound %d KB", before>>10, after>>10, peak>>10, bound>>10)
	}
}
