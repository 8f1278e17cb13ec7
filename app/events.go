package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"erpps/backend/erpps"
)

// The events the UI listens to (api.onEvent).
const (
	// EventSyncState carries a SyncState: where the local changes stand
	// with the eRPPS server.
	EventSyncState = "sync:state"
	// EventRequestChanged carries a RequestChanged after every write of a
	// request, so that another window or tab showing it refreshes.
	EventRequestChanged = "request:changed"
	// EventSessionEnded carries a SessionEnded.
	EventSessionEnded = "session:ended"
	// EventSyncPulled carries a SyncPulled after the server's changes were
	// applied locally (a decision, a record changed, a request edited on
	// another desktop), after their "request:changed": the pages showing a
	// record or lists read them again.
	EventSyncPulled = "sync:pulled"
)

// SyncPulled is the payload of "sync:pulled".
type SyncPulled struct {
	RequestIDs []string `json:"requestIds"`
}

// RequestChanged is the payload of "request:changed".
type RequestChanged struct {
	ID       string              `json:"id"`
	Revision int64               `json:"revision"`
	Status   erpps.RequestStatus `json:"status"`
	Deleted  bool                `json:"deleted,omitempty"`
}

// SyncStatus is where the local changes stand with the eRPPS server.
type SyncStatus string

// The states of the synchronisation with the eRPPS server.
const (
	// SyncLocal: no server is configured; changes stay on this computer.
	SyncLocal SyncStatus = "local"
	// SyncOffline: a server is configured but cannot be reached.
	SyncOffline SyncStatus = "offline"
	// SyncOnline: everything is sent; the server tells of its changes.
	SyncOnline SyncStatus = "online"
	// SyncSyncing: changes are being sent or received.
	SyncSyncing SyncStatus = "syncing"
	// SyncUnauthorized: the server refused this computer's session (expired
	// or revoked): sign in again on the « Serveur eRPPS » page.
	SyncUnauthorized SyncStatus = "unauthorized"
)

// SyncState is the payload of "sync:state".
type SyncState struct {
	State SyncStatus `json:"state"`
	// Pending counts the local changes waiting to be sent.
	Pending int `json:"pending,omitempty"`
	// SetAside counts the changes the server refused or found in conflict,
	// shown on their requests.
	SetAside int `json:"setAside,omitempty"`
	// LastSyncAt is the last successful synchronisation.
	LastSyncAt *time.Time `json:"lastSyncAt,omitempty"`
	// Error says why the last attempt failed (in French).
	Error string `json:"error,omitempty"`
}

// syncState is where the synchronisation stands.
func (a *App) syncState() SyncState { return a.sync.current() }

// SyncState returns where the synchronisation stands, as "sync:state" says
// it: a listener gets it when it subscribes (the browser's event stream
// starts with it; the desktop window's listeners ask for it with this
// method), then every change.
func (a *App) SyncState() (*SyncState, error) {
	s := a.syncState()
	return &s, nil
}

// Emitter sends an event to every window and tab of the UI. Emit never
// blocks on a slow listener.
type Emitter interface {
	Emit(name string, payload any)
}

// emitterCloser is an Emitter that holds listeners to let go at shutdown.
type emitterCloser interface {
	Emitter
	Close()
}

// wailsEmitter sends events to the desktop window (runtime.EventsEmit) once
// the runtime has started, and drops them before and after.
type wailsEmitter struct {
	mu  sync.Mutex
	ctx context.Context
}

func (w *wailsEmitter) start(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ctx = ctx
}

func (w *wailsEmitter) Emit(name string, payload any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ctx != nil {
		runtime.EventsEmit(w.ctx, name, payload)
	}
}

func (w *wailsEmitter) Close() { w.start(nil) }

// EventStream serves events to browsers as server-sent events
// (GET /api/events, text/event-stream): one list of subscribers, a heartbeat
// comment, closed on shutdown and when a client goes away.
type EventStream struct {
	// Heartbeat is how often an idle stream sends a comment, so that
	// proxies and the browser keep it open.
	Heartbeat time.Duration

	mu     sync.Mutex
	subs   map[chan []byte]struct{}
	closed bool
	done   chan struct{}
}

// subscriberBuffer is how many events a subscriber may lag behind before it
// is dropped (its browser reconnects and refreshes).
const subscriberBuffer = 64

// NewEventStream returns an open stream with no subscriber.
func NewEventStream() *EventStream {
	return &EventStream{Heartbeat: 15 * time.Second, subs: map[chan []byte]struct{}{}, done: make(chan struct{})}
}

// sseMessage encodes one event.
func sseMessage(name string, payload any) ([]byte, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return nil, fmt.Errorf("app: unable to encode the event %s: %w", name, err)
	}
	return fmt.Appendf(nil, "event: %s\ndata: %s\n\n", name, data), nil
}

// Emit sends the event to every subscriber; one that lags too far behind is
// dropped rather than waited for.
func (s *EventStream) Emit(name string, payload any) {
	msg, err := sseMessage(name, payload)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- msg:
		default:
			delete(s.subs, ch)
			close(ch)
		}
	}
}

// Close ends every stream and refuses new subscribers.
func (s *EventStream) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	close(s.done)
	for ch := range s.subs {
		delete(s.subs, ch)
		close(ch)
	}
}

func (s *EventStream) subscribe() (chan []byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false
	}
	ch := make(chan []byte, subscriberBuffer)
	s.subs[ch] = struct{}{}
	return ch, true
}

func (s *EventStream) unsubscribe(ch chan []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.subs[ch]; ok {
		delete(s.subs, ch)
		close(ch)
	}
}

// subscribers counts the open streams.
func (s *EventStream) subscribers() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.subs)
}

// eventWriteTimeout bounds one write to a client that stopped reading.
const eventWriteTimeout = 30 * time.Second

// serve streams events to one client, the initial ones first, until the
// client goes away or the stream closes.
func (s *EventStream) serve(w http.ResponseWriter, r *http.Request, initial ...[]byte) {
	ch, ok := s.subscribe()
	if !ok {
		http.Error(w, "Le service s'arrête.", http.StatusServiceUnavailable)
		return
	}
	defer s.unsubscribe(ch)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	write := func(b []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(eventWriteTimeout)) // not every writer has deadlines
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !write([]byte("retry: 3000\n\n")) {
		return
	}
	for _, msg := range initial {
		if !write(msg) {
			return
		}
	}
	beat := time.NewTicker(s.Heartbeat)
	defer beat.Stop()
	for {
		select {
		case msg, ok := <-ch:
			if !ok || !write(msg) {
				return
			}
		case <-beat.C:
			if !write([]byte(": ping\n\n")) {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// serveEvents is GET /api/events in browser mode: the events of the
// application, the synchronisation's state first.
func (a *App) serveEvents(w http.ResponseWriter, r *http.Request) {
	stream, ok := a.events.(*EventStream)
	if !ok {
		writeError(w, a, erpps.NotFound("Les événements ne sont servis qu'en mode navigateur."))
		return
	}
	first, err := sseMessage(EventSyncState, a.syncState())
	if err != nil {
		writeError(w, a, erpps.Internal(err))
		return
	}
	stream.serve(w, r, first)
}
