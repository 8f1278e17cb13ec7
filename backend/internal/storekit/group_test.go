package storekit

import (
	"sync"
	"testing"
)

// Every item joined is run exactly once, in batches of at most most.
func TestGrouperRunsEachItemOnce(t *testing.T) {
	var g Grouper[int]
	var mu sync.Mutex
	seen := map[int]int{}
	biggest := 0
	run := func(batch []int) {
		mu.Lock()
		defer mu.Unlock()
		biggest = max(biggest, len(batch))
		for _, i := range batch {
			seen[i]++
		}
	}
	var wg sync.WaitGroup
	for i := range 500 {
		wg.Go(func() { g.Join(i, 8, run) })
	}
	wg.Wait()
	// A leader may still run the last batch: wait until it is idle.
	for {
		g.mu.Lock()
		idle := !g.leading
		g.mu.Unlock()
		if idle {
			break
		}
	}
	if len(seen) != 500 || biggest > 8 {
		t.Fatalf("%d items run, biggest batch %d", len(seen), biggest)
	}
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("item %d run %d times", i, n)
		}
	}
}
