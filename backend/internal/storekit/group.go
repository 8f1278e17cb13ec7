package storekit

import "sync"

// Grouper batches the items that queue while a batch is being run: the
// first caller to join leads and runs the queued items, at most most at a
// time, with run; when more queued meanwhile, another goroutine leads their
// batch (a leader's own caller is not kept waiting for the batches after
// its own). Both stores commit the desktops' receipted writes in groups
// with it.
type Grouper[T any] struct {
	mu      sync.Mutex
	queue   []T
	leading bool
}

// Join queues item; when no batch is being run, the caller leads: it runs
// the queued batch with run before returning. Join does not wait for item's
// batch otherwise: the item says when it is done.
func (g *Grouper[T]) Join(item T, most int, run func(batch []T)) {
	g.mu.Lock()
	g.queue = append(g.queue, item)
	lead := !g.leading
	g.leading = true
	g.mu.Unlock()
	if lead {
		g.lead(most, run)
	}
}

func (g *Grouper[T]) lead(most int, run func(batch []T)) {
	g.mu.Lock()
	n := min(len(g.queue), max(most, 1))
	batch := g.queue[:n:n]
	g.queue = g.queue[n:]
	g.mu.Unlock()
	run(batch)
	g.mu.Lock()
	if len(g.queue) == 0 {
		g.leading = false
		g.mu.Unlock()
		return
	}
	g.mu.Unlock()
	go g.lead(most, run)
}
