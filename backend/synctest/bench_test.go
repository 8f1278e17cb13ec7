package synctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/postgres"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// The load of BenchmarkDesktops: benchDesktops desktops, each pushing
// benchOps mutations one by one (a save of its own draft, the first one
// creating it) and pulling after each, in each of benchPairs pairs of
// phases (the ceiling's and the sync's).
const (
	benchDesktops = 200
	benchOps      = 20
	benchPairs    = 3
)

// The open-loop load of BenchmarkDesktops, for latencies below saturation:
// each desktop pushes one mutation (and pulls) every openEvery, the
// desktops' ticks spread evenly over the period: benchDesktops/openEvery
// mutations offered per second (100/s), whatever the server's pace. A
// push's latency runs from its scheduled time (a push that waits for the
// previous one is late, and that counts).
const (
	openEvery = 2 * time.Second
	openOps   = 5
)

// BenchmarkDesktops measures 200 desktops pushing and pulling at once
// through the sync routes of erpps-server, and, in the same run on the same
// database, a bare net/http handler doing the same writes (the store's
// CreateRequest and SaveDraft, no sync, no checks, no authentication) and
// the same reads: the ceiling. It reports, for both, mutations per second
// and the p50 and p99 push latencies at saturation (closed loop: sync-*,
// bare-*, pooled over benchPairs pairs of phases run back to back, in turn
// bare first and sync first; ratio-% is the median of the pairs' ratios,
// ratio-min-% and ratio-max-% the extremes), then the p50 and p99 push
// latencies at a fixed offered load below saturation (open loop, 100
// mutations/s: open-sync-*, open-bare-*). At saturation every desktop
// waits for its previous answer: with 200 desktops, a push+pull takes
// 200 / (mutations per second) on average, for the ceiling as for the sync
// (Little's law); the latency of a server that keeps up is the open loop's.
//
//	go test ./backend/synctest -run '^$' -bench Desktops -benchtime 1x -v
func BenchmarkDesktops(b *testing.B) {
	for _, s := range []struct {
		name string
		open func(b *testing.B) serverStore
	}{
		{"sqlite", func(b *testing.B) serverStore {
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "server.db"))
			if err != nil {
				b.Fatal(err)
			}
			return st
		}},
		{"postgres", func(b *testing.B) serverStore {
			st, err := postgres.Open(context.Background(), pgtest.NewDatabase(b))
			if err != nil {
				b.Fatal(err)
			}
			return st
		}},
	} {
		b.Run(s.name, func(b *testing.B) {
			for range b.N {
				benchDesktopsOn(b, s.open(b))
			}
		})
	}
}

// loadResult is what a phase of load measured.
type loadResult struct {
	mutations int
	elapsed   time.Duration
	cpu       time.Duration   // of this process (the server's, the desktops' and, on SQLite, the database's)
	latencies []time.Duration // of the pushes
	errors    int
}

// add pools o into r (phases of the same kind).
func (r *loadResult) add(o loadResult) {
	r.mutations += o.mutations
	r.elapsed += o.elapsed
	r.cpu += o.cpu
	r.latencies = append(r.latencies, o.latencies...)
	r.errors += o.errors
}

func (r loadResult) perSecond() float64 { return float64(r.mutations) / r.elapsed.Seconds() }

// cpuPerMutation is the processor time this process spent per mutation
// (less sensitive than perSecond to other processes sharing the machine;
// on PostgreSQL the database server's own time is not in it).
func (r loadResult) cpuPerMutation() time.Duration {
	if r.mutations == 0 {
		return 0
	}
	return r.cpu / time.Duration(r.mutations)
}

func (r loadResult) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func benchDesktopsOn(b *testing.B, store serverStore) {
	ctx := context.Background()
	defer store.Close()
	cat, err := refdata.Load()
	if err != nil {
		b.Fatal(err)
	}
	all, err := demo.Generate(4*benchDesktops, demo.Seed)
	if err != nil {
		b.Fatal(err)
	}
	// Desktops of practitioners whose requests go to an ARS (the others'
	// are refused by the portal's rules).
	var ps []*erpps.Practitioner
	today := time.Now().Format("2006-01-02")
	for _, p := range all {
		if len(ps) < benchDesktops && requests.RegistrationOf(cat, p, today).ServedByARS {
			ps = append(ps, p)
		}
	}
	if len(ps) < benchDesktops {
		b.Fatalf("only %d practitioners served by an ARS in the demo data", len(ps))
	}
	sessions := &auth.Sessions{Store: store, TTL: time.Hour}
	accounts := make([]*erpps.Account, len(ps))
	tokens := make([]string, len(ps))
	now := time.Now().UTC()
	for i, p := range ps {
		if err := store.SavePractitioner(ctx, p); err != nil {
			b.Fatal(err)
		}
		accounts[i] = &erpps.Account{ID: "rpps:" + p.RPPS, Login: p.RPPS, Role: erpps.RoleProfessional, Name: p.FirstName, RPPS: p.RPPS, CreatedAt: now}
		if err := store.CreateAccount(ctx, accounts[i], "x"); err != nil {
			b.Fatal(err)
		}
		if tokens[i], _, err = sessions.Open(ctx, accounts[i]); err != nil {
			b.Fatal(err)
		}
	}
	svc, err := newServices(cat, store)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", svc.handler)
	bare := &bareHandler{store: store, actors: map[string]erpps.Actor{}}
	for i, a := range accounts {
		bare.actors[tokens[i]] = a.Actor()
	}
	mux.Handle("/bare/", bare)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 2 * benchDesktops, MaxIdleConnsPerHost: 2 * benchDesktops}}

	b.ResetTimer()
	// At saturation (closed loop), benchPairs pairs of phases run back to
	// back, the ceiling and the sync, each pair in the other order than the
	// one before (bare, sync; sync, bare; …), so that a slower moment of a
	// shared machine weighs on both sides of a pair: the ratio is the
	// median of the pairs' ratios. Then at a fixed offered load (open
	// loop). The drafts of a phase are deleted after it.
	bareURLs := [2]string{srv.URL + "/bare/push", srv.URL + "/bare/pull"}
	syncURLs := [2]string{srv.URL + "/api/v1/sync/push", srv.URL + "/api/v1/sync/pull"}
	var ceiling, synced loadResult
	ratios := make([]float64, 0, benchPairs)
	for pair := range benchPairs {
		var bare, syn loadResult
		runBare := func() {
			bare = runLoad(b, client, bareURLs, ps, tokens, fmt.Sprintf("bare%d", pair), benchOps, 0)
			deleteDrafts(b, store, ps)
		}
		runSync := func() {
			syn = runLoad(b, client, syncURLs, ps, tokens, fmt.Sprintf("sync%d", pair), benchOps, 0)
			deleteDrafts(b, store, ps)
		}
		if pair%2 == 0 {
			runBare()
			runSync()
		} else {
			runSync()
			runBare()
		}
		ratios = append(ratios, syn.perSecond()/bare.perSecond())
		b.Logf("pair %d: sync %.0f mutations/s, bare %.0f mutations/s: %.0f%% (processor time per mutation: sync %v, bare %v)",
			pair, syn.perSecond(), bare.perSecond(), 100*syn.perSecond()/bare.perSecond(), syn.cpuPerMutation(), bare.cpuPerMutation())
		ceiling.add(bare)
		synced.add(syn)
	}
	bareOpen := runLoad(b, client, bareURLs, ps, tokens, "bare-open", openOps, openEvery)
	deleteDrafts(b, store, ps)
	syncOpen := runLoad(b, client, syncURLs, ps, tokens, "sync-open", openOps, openEvery)
	b.StopTimer()
	if n := synced.errors + ceiling.errors + bareOpen.errors + syncOpen.errors; n > 0 {
		b.Fatalf("%d errors (sync %d, bare %d, open-loop sync %d, open-loop bare %d)", n, synced.errors, ceiling.errors, syncOpen.errors, bareOpen.errors)
	}
	slices.Sort(ratios)
	ratio := ratios[len(ratios)/2]
	if len(ratios)%2 == 0 {
		ratio = (ratios[len(ratios)/2-1] + ratios[len(ratios)/2]) / 2
	}
	b.ReportMetric(synced.perSecond(), "sync-mut/s")
	b.ReportMetric(float64(synced.percentile(0.50).Microseconds())/1000, "sync-p50-ms")
	b.ReportMetric(float64(synced.percentile(0.99).Microseconds())/1000, "sync-p99-ms")
	b.ReportMetric(ceiling.perSecond(), "bare-mut/s")
	b.ReportMetric(float64(ceiling.percentile(0.50).Microseconds())/1000, "bare-p50-ms")
	b.ReportMetric(float64(ceiling.percentile(0.99).Microseconds())/1000, "bare-p99-ms")
	b.ReportMetric(100*ratio, "ratio-%")
	b.ReportMetric(100*ratios[0], "ratio-min-%")
	b.ReportMetric(100*ratios[len(ratios)-1], "ratio-max-%")
	b.ReportMetric(float64(synced.cpuPerMutation().Microseconds()), "sync-cpu-µs/mut")
	b.ReportMetric(float64(ceiling.cpuPerMutation().Microseconds()), "bare-cpu-µs/mut")
	b.ReportMetric(float64(syncOpen.percentile(0.50).Microseconds())/1000, "open-sync-p50-ms")
	b.ReportMetric(float64(syncOpen.percentile(0.99).Microseconds())/1000, "open-sync-p99-ms")
	b.ReportMetric(float64(bareOpen.percentile(0.50).Microseconds())/1000, "open-bare-p50-ms")
	b.ReportMetric(float64(bareOpen.percentile(0.99).Microseconds())/1000, "open-bare-p99-ms")
	b.Logf("saturation (closed loop, %d desktops × %d pushes+pulls, %d pairs of phases): sync %.0f mutations/s (p50 %v, p99 %v), bare %.0f mutations/s (p50 %v, p99 %v): %.0f%% of the ceiling (median of the pairs; %.0f%%–%.0f%%)",
		benchDesktops, benchOps, benchPairs, synced.perSecond(), synced.percentile(0.5), synced.percentile(0.99),
		ceiling.perSecond(), ceiling.percentile(0.5), ceiling.percentile(0.99), 100*ratio, 100*ratios[0], 100*ratios[len(ratios)-1])
	b.Logf("fixed load (open loop, %d desktops × 1 push+pull every %v = %.0f mutations/s offered, %d each): sync push p50 %v, p99 %v (%.0f mutations/s done); bare push p50 %v, p99 %v (%.0f mutations/s done)",
		benchDesktops, openEvery, benchDesktops/openEvery.Seconds(), openOps,
		syncOpen.percentile(0.5), syncOpen.percentile(0.99), syncOpen.perSecond(),
		bareOpen.percentile(0.5), bareOpen.percentile(0.99), bareOpen.perSecond())
}

// deleteDrafts deletes the drafts of ps (a phase's), so that the next phase
// starts from the same state.
func deleteDrafts(b *testing.B, store serverStore, ps []*erpps.Practitioner) {
	b.Helper()
	ctx := context.Background()
	for _, p := range ps {
		list, err := store.ListRequests(ctx, erpps.RequestFilter{RPPS: p.RPPS, Statuses: []erpps.RequestStatus{erpps.StatusDraft}})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range list {
			if err := store.DeleteDraft(ctx, r.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// runLoad has every desktop push ops mutations one at a time, pulling
// after each push, all desktops at once: as fast as they are answered
// (every 0: closed loop, the latencies are those of saturation), or one
// every `every` (open loop: desktop i's k-th push is due at
// start + i·every/len(ps) + k·every, and its latency counts from then).
func runLoad(b *testing.B, client *http.Client, urls [2]string, ps []*erpps.Practitioner, tokens []string, label string, ops int, every time.Duration) loadResult {
	b.Helper()
	var mu sync.Mutex
	res := loadResult{}
	var wg sync.WaitGroup
	start := make(chan struct{})
	t0, cpu0 := time.Now(), processCPU(b)
	for i, p := range ps {
		wg.Go(func() {
			d := &loadDesktop{client: client, token: tokens[i], rpps: p.RPPS, actor: erpps.Actor{Role: erpps.RoleProfessional, ID: p.RPPS, Name: p.FirstName},
				clientID: fmt.Sprintf("%s-desktop-%d", label, i), requestID: fmt.Sprintf("%s-request-%d", label, i)}
			<-start
			var lat []time.Duration
			errs := 0
			due := t0.Add(time.Duration(i) * every / time.Duration(len(ps)))
			for op := range ops {
				sent := time.Now()
				if every > 0 {
					time.Sleep(time.Until(due))
					sent, due = due, due.Add(every)
				}
				err := d.push(urls[0], op)
				if err == nil {
					lat = append(lat, time.Since(sent))
					err = d.pull(urls[1])
				}
				if err != nil {
					errs++
					if errs == 1 {
						b.Logf("%s desktop %d: %v", label, i, err)
					}
				}
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			res.mutations += len(lat)
			res.errors += errs
			mu.Unlock()
		})
	}
	close(start)
	wg.Wait()
	res.elapsed, res.cpu = time.Since(t0), processCPU(b)-cpu0
	return res
}

// loadDesktop is a simulated desktop of the benchmark: no store, only the
// requests a desktop sends.
type loadDesktop struct {
	client    *http.Client
	token     string
	rpps      string
	actor     erpps.Actor
	clientID  string
	requestID string
	seq       int64
	version   int64
	cursor    int64
}

func (d *loadDesktop) push(url string, op int) error {
	d.seq++
	payload, _ := json.Marshal(erpps.ContactPayload{Email: "bench." + letters(op) + "@exemple.fr",
		Address: erpps.Address{Number: "1", StreetType: "rue", Street: "de la Paix", PostalCode: "75002", City: "PARIS"}})
	m := erpps.Mutation{ClientID: d.clientID, Seq: d.seq, ID: d.clientID + "-" + strconv.FormatInt(d.seq, 10),
		Kind: erpps.MutationSaveDraft, RequestID: d.requestID, BaseVersion: d.version, Actor: d.actor, Principal: d.rpps,
		RequestKind: erpps.KindContact, Payload: payload, CreatedAt: time.Now()}
	body, _ := json.Marshal(erpps.PushRequest{ClientID: d.clientID, Mutations: []erpps.Mutation{m}})
	var out erpps.PushResponse
	if err := d.call(http.MethodPost, url, body, &out); err != nil {
		return err
	}
	if len(out.Results) != 1 || out.Results[0].Outcome != erpps.OutcomeApplied {
		return fmt.Errorf("push %d: %+v", d.seq, out)
	}
	d.version = out.Results[0].Version
	return nil
}

func (d *loadDesktop) pull(url string) error {
	var out erpps.PullResponse
	if err := d.call(http.MethodGet, url+"?cursor="+strconv.FormatInt(d.cursor, 10)+"&limit=500", nil, &out); err != nil {
		return err
	}
	d.cursor = out.Cursor
	return nil
}

func (d *loadDesktop) call(method, url string, body []byte, out any) error {
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+d.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %d %s", method, url, resp.StatusCode, raw)
	}
	return json.Unmarshal(raw, out)
}

// bareHandler is the ceiling: the same pushes and pulls answered by the
// store alone, without the sync's bookkeeping, checks or sessions (a map
// of tokens).
type bareHandler struct {
	store  serverStore
	actors map[string]erpps.Actor
}

func (h *bareHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	actor, ok := h.actors[stripBearer(r.Header.Get("Authorization"))]
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	ctx := r.Context()
	switch r.URL.Path {
	case "/bare/push":
		var in erpps.PushRequest
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := erpps.PushResponse{}
		for _, m := range in.Mutations {
			var version int64
			if m.BaseVersion == 0 {
				req := &erpps.Request{ID: m.RequestID, RPPS: m.Principal, Kind: m.RequestKind, Payload: m.Payload}
				if err := h.store.CreateRequest(ctx, req, actor); err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				version = req.Revision
			} else {
				saved, err := h.store.SaveDraft(ctx, m.RequestID, m.BaseVersion, m.Payload, actor)
				if err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				version = saved.Revision
			}
			out.Results = append(out.Results, erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID, Outcome: erpps.OutcomeApplied, Version: version})
		}
		writeJSON(w, out)
	case "/bare/pull":
		list, err := h.store.ListRequests(ctx, erpps.RequestFilter{RPPS: actor.ID})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out := erpps.PullResponse{}
		for _, r := range list {
			out.Changes = append(out.Changes, erpps.Change{Kind: erpps.ChangeRequest, ID: r.ID, Request: r})
		}
		writeJSON(w, out)
	default:
		http.NotFound(w, r)
	}
}

func stripBearer(h string) string {
	const prefix = "Bearer "
	if len(h) > len(prefix) && h[:len(prefix)] == prefix {
		return h[len(prefix):]
	}
	return ""
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
