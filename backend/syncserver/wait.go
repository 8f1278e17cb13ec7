package syncserver

import (
	"context"
	"sync"
	"time"
)

// defaultPollEvery is how often the change sequence is read while desktops
// wait.
const defaultPollEvery = 200 * time.Millisecond

// Wait returns as soon as the change sequence passes cursor, with the new
// one, or at WaitTimeout (or when ctx ends) with the current one: a desktop
// long-polls it to learn that there is something to pull. While anyone
// waits, one reader per process reads the sequence every PollEvery (so that
// the writes of another server process, an agent's decision or a job are
// seen) and wakes the waiters; a push applied by this process wakes them at
// once.
func (s *Service) Wait(ctx context.Context, cursor int64) (int64, error) {
	timeout := s.WaitTimeout
	if timeout <= 0 {
		timeout = DefaultWaitTimeout
	}
	seq, err := s.Store.ChangeSeq(ctx)
	if err != nil || seq > cursor {
		return seq, err
	}
	s.watch.publish(seq)
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	s.watch.join(s.poll)
	defer s.watch.leave()
	for {
		woken, seq := s.watch.await()
		if seq > cursor {
			return seq, nil
		}
		select {
		case <-woken:
		case <-deadline.C:
			return s.watch.current(), nil
		case <-ctx.Done():
			return s.watch.current(), nil
		}
	}
}

// poll reads the change sequence every PollEvery while anyone waits.
func (s *Service) poll() {
	every := s.PollEvery
	if every <= 0 {
		every = defaultPollEvery
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		if !s.watch.stillWaited() {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), every*5)
		seq, err := s.Store.ChangeSeq(ctx)
		cancel()
		if err == nil {
			s.watch.publish(seq)
		}
	}
}

// watcher is the change sequence as the waiters of this process know it.
type watcher struct {
	mu      sync.Mutex
	seq     int64
	wake    chan struct{} // closed when seq moves
	waiters int
	polling bool
}

// join counts a waiter in, starting poll when nobody polls.
func (w *watcher) join(poll func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.waiters++
	if !w.polling {
		w.polling = true
		go poll()
	}
}

func (w *watcher) leave() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.waiters--
}

// stillWaited tells the poller whether to go on; it stops when nobody waits.
func (w *watcher) stillWaited() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiters == 0 {
		w.polling = false
		return false
	}
	return true
}

// await returns a channel closed when the sequence moves, and the sequence.
func (w *watcher) await() (<-chan struct{}, int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.wake == nil {
		w.wake = make(chan struct{})
	}
	return w.wake, w.seq
}

func (w *watcher) current() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seq
}

// publish records seq and wakes the waiters when it moved forward.
func (w *watcher) publish(seq int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if seq <= w.seq {
		return
	}
	w.seq = seq
	if w.wake != nil {
		close(w.wake)
		w.wake = nil
	}
}
