package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// fakeServer serves the four sync routes in memory with the server's rules:
// exactly once per client seq, a gap stops the batch, paged pulls of the
// newest state per request, a horizon below which a pull says Resync, and a
// long-poll on the change sequence.
type fakeServer struct {
	token string

	mu        sync.Mutex
	lastSeq   map[string]int64
	results   map[string]map[int64]erpps.MutationResult
	applied   []erpps.Mutation // in the order applied
	versions  map[string]int64
	requests  map[string]*erpps.Request
	changeSeq int64
	changeOf  map[string]int64 // request id → its newest change seq
	horizon   int64
	maxApply  int // > 0: a push applies at most this many, then says Expected
	pushes    []erpps.PushRequest
	changed   chan struct{} // closed and replaced at every change
	wait      time.Duration
	noWait    bool // an older server: no long-poll route
	flaky     bool // every other long-poll fails (503)
	waits     int  // long-polls received
	events    *eventLog
}

func newFakeServer(events *eventLog) *fakeServer {
	return &fakeServer{token: "good", lastSeq: map[string]int64{}, results: map[string]map[int64]erpps.MutationResult{},
		versions: map[string]int64{}, requests: map[string]*erpps.Request{}, changeOf: map[string]int64{},
		changed: make(chan struct{}), wait: 2 * time.Second, events: events}
}

// edit changes request id on the server, as another desktop or an agent.
func (s *fakeServer) edit(id, payload string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.write(id, payload)
}

// write stores a new version of a request and its change (s.mu held).
func (s *fakeServer) write(id, payload string) *erpps.Request {
	s.versions[id]++
	s.changeSeq++
	r := &erpps.Request{ID: id, RPPS: "10000000001", Kind: erpps.KindNewActivity, Status: erpps.StatusDraft,
		Payload: json.RawMessage(payload), Revision: s.versions[id]}
	s.requests[id] = r
	s.changeOf[id] = s.changeSeq
	close(s.changed)
	s.changed = make(chan struct{})
	return r
}

func (s *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+s.token {
		reply(w, http.StatusUnauthorized, map[string]any{"code": erpps.EUNAUTHORIZED, "message": "Session expirée.", "fields": []any{}})
		return
	}
	switch r.Method + " " + r.URL.Path {
	case "POST " + pathPush:
		s.push(w, r)
	case "GET " + pathPull:
		s.pull(w, r)
	case "GET " + pathSnapshot:
		s.snapshot(w)
	case "GET " + pathWait:
		s.mu.Lock()
		s.waits++
		fail := s.flaky && s.waits%2 == 1
		s.mu.Unlock()
		if fail {
			reply(w, http.StatusServiceUnavailable, map[string]any{"code": erpps.EUNAVAILABLE, "message": "Indisponible.", "fields": []any{}})
			return
		}
		if s.noWait {
			reply(w, http.StatusNotFound, map[string]any{"code": erpps.ENOTFOUND, "message": "Adresse inconnue.", "fields": []any{}})
			return
		}
		s.waitFor(w, r)
	default:
		reply(w, http.StatusNotFound, map[string]any{"code": erpps.ENOTFOUND, "message": "Adresse inconnue.", "fields": []any{}})
	}
}

func (s *fakeServer) push(w http.ResponseWriter, r *http.Request) {
	var in erpps.PushRequest
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		reply(w, http.StatusBadRequest, map[string]any{"code": erpps.EINVALID, "message": "JSON invalide.", "fields": []any{}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pushes = append(s.pushes, in)
	if s.events != nil {
		seqs := make([]string, len(in.Mutations))
		for i, m := range in.Mutations {
			seqs[i] = strconv.FormatInt(m.Seq, 10)
		}
		s.events.add("push " + strings.Join(seqs, ","))
	}
	out := erpps.PushResponse{Results: []erpps.MutationResult{}}
	if s.results[in.ClientID] == nil {
		s.results[in.ClientID] = map[int64]erpps.MutationResult{}
	}
	applied := 0
	for _, m := range in.Mutations {
		last := s.lastSeq[in.ClientID]
		if m.Seq <= last {
			out.Results = append(out.Results, s.results[in.ClientID][m.Seq])
			continue
		}
		if m.Seq > last+1 || (s.maxApply > 0 && applied == s.maxApply) {
			out.Expected = last + 1
			break
		}
		res := erpps.MutationResult{ClientID: in.ClientID, Seq: m.Seq, MutationID: m.ID}
		switch {
		case strings.Contains(string(m.Payload), `"reject"`):
			res.Outcome, res.Code, res.Message = erpps.OutcomeRejected, erpps.EINVALID, "Demande refusée."
		case m.BaseVersion != s.versions[m.RequestID]:
			res.Outcome, res.Version, res.Request = erpps.OutcomeConflict, s.versions[m.RequestID], s.requests[m.RequestID]
		default:
			res.Outcome = erpps.OutcomeApplied
			res.Request = s.write(m.RequestID, string(m.Payload))
			res.Version = s.versions[m.RequestID]
			s.applied = append(s.applied, m)
		}
		res.ChangeSeq = s.changeSeq
		s.results[in.ClientID][m.Seq] = res
		s.lastSeq[in.ClientID] = m.Seq
		out.Results = append(out.Results, res)
		applied++
	}
	reply(w, http.StatusOK, out)
}

func (s *fakeServer) pull(w http.ResponseWriter, r *http.Request) {
	cursor, _ := strconv.ParseInt(r.URL.Query().Get("cursor"), 10, 64)
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events.add(fmt.Sprintf("pull %d", cursor))
	out := erpps.PullResponse{Changes: []erpps.Change{}, Cursor: cursor}
	if cursor < s.horizon {
		out.Resync = true
		reply(w, http.StatusOK, out)
		return
	}
	for seq := cursor + 1; seq <= s.changeSeq; seq++ {
		for id, at := range s.changeOf {
			if at != seq {
				continue
			}
			if len(out.Changes) == limit {
				out.More = true
				reply(w, http.StatusOK, out)
				return
			}
			req := *s.requests[id]
			out.Changes = append(out.Changes, erpps.Change{Seq: seq, Kind: erpps.ChangeRequest, ID: id, Request: &req})
			out.Cursor = seq
		}
	}
	reply(w, http.StatusOK, out)
}

func (s *fakeServer) snapshot(w http.ResponseWriter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := erpps.Snapshot{Cursor: s.changeSeq, Practitioners: []*erpps.Practitioner{}, Requests: []*erpps.Request{}}
	for _, r := range s.requests {
		req := *r
		out.Requests = append(out.Requests, &req)
	}
	reply(w, http.StatusOK, out)
}

func (s *fakeServer) waitFor(w http.ResponseWriter, r *http.Request) {
	cursor, _ := strconv.ParseInt(r.URL.Query().Get("cursor"), 10, 64)
	timeout := time.NewTimer(s.wait)
	defer timeout.Stop()
	for {
		s.mu.Lock()
		seq, changed := s.changeSeq, s.changed
		s.mu.Unlock()
		if seq > cursor {
			reply(w, http.StatusOK, map[string]int64{"changeSeq": seq})
			return
		}
		select {
		case <-changed:
		case <-timeout.C:
			reply(w, http.StatusOK, map[string]int64{"changeSeq": seq})
			return
		case <-r.Context().Done():
			return
		}
	}
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// pushDirect delivers the store's pending mutations to the server without
// the client (a delivery whose reply was lost) and returns how many applied.
func (s *fakeServer) pushDirect(t testing.TB, store *fakeReplica) int {
	t.Helper()
	pending, _ := store.ListPendingMutations(context.Background(), 0)
	req := erpps.PushRequest{ClientID: store.clientID}
	for _, p := range pending {
		req.Mutations = append(req.Mutations, p.Mutation)
	}
	raw, _ := json.Marshal(req)
	rec := httptest.NewRecorder()
	hr := httptest.NewRequest("POST", pathPush, bytes.NewReader(raw))
	hr.Header.Set("Authorization", "Bearer "+s.token)
	s.ServeHTTP(rec, hr)
	var out erpps.PushResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range out.Results {
		if r.Outcome == erpps.OutcomeApplied {
			n++
		}
	}
	return n
}

// foreign moves the change sequence with a change this client may not see
// (another practitioner's record).
func (s *fakeServer) foreign() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changeSeq++
	close(s.changed)
	s.changed = make(chan struct{})
}

// count returns how many events start with prefix.
func (l *eventLog) count(prefix string) int {
	n := 0
	for _, e := range l.list() {
		if strings.HasPrefix(e, prefix) {
			n++
		}
	}
	return n
}
