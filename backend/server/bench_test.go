package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
)

// The API's cost beside a bare net/http handler doing the same single query
// on the same SQLite file, in the same run, over loopback HTTP with
// keep-alive connections. Each iteration calls the bare handler then the
// API, timed apart; the benchmark reports both latencies' p50 and p99 and
// the API's throughput as a share of the bare handler's (target ≥ 60 %).
//
//	go test ./backend/server -run '^$' -bench 'API' -benchtime 400x

// latencies collects durations and reports their percentiles.
type latencies []time.Duration

func (l latencies) pct(p float64) time.Duration {
	s := slices.Clone(l)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

func (l latencies) mean() time.Duration {
	var sum time.Duration
	for _, d := range l {
		sum += d
	}
	return sum / time.Duration(len(l))
}

func report(b *testing.B, api, bare latencies) {
	if len(api) == 0 || len(bare) == 0 {
		return
	}
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	b.ReportMetric(us(api.pct(0.50)), "api-p50-µs")
	b.ReportMetric(us(api.pct(0.99)), "api-p99-µs")
	b.ReportMetric(us(bare.pct(0.50)), "bare-p50-µs")
	b.ReportMetric(us(bare.pct(0.99)), "bare-p99-µs")
	b.ReportMetric(100*float64(bare.mean())/float64(api.mean()), "api/bare-%")
	// The same at the median, which the other workers of a shared machine
	// disturb less than the mean.
	b.ReportMetric(100*float64(bare.pct(0.50))/float64(api.pct(0.50)), "p50-api/bare-%")
}

// bareHandler is net/http with the store and nothing else: one query per
// request, JSON in and out.
func bareHandler(e *env, agent erpps.Actor) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /bare/practitioners/{rpps}", func(w http.ResponseWriter, r *http.Request) {
		p, err := e.store.FindPractitionerByRPPS(r.Context(), r.PathValue("rpps"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(p)
	})
	mux.HandleFunc("POST /bare/decisions/{id}", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			RPPS         string `json:"rpps"`
			BaseRevision int64  `json:"baseRevision"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req, err := e.store.CommitDecision(r.Context(), erpps.DecisionPlan{Action: erpps.DecisionTake, Actor: agent, Principal: in.RPPS,
			Step: erpps.RequestStep{RequestID: r.PathValue("id"), BaseRevision: in.BaseRevision, From: erpps.StatusTransmitted, To: erpps.StatusUnderReview},
			At:   time.Now()})
		if err != nil {
			http.Error(w, err.Error(), http.StatusConflict)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(req)
	})
	return mux
}

// benchClient sends requests over loopback with keep-alive.
type benchClient struct {
	b      *testing.B
	client *http.Client
}

// do sends one request and returns how long the reply took; a failure is
// reported with Errorf (do runs on several goroutines).
func (c benchClient) do(method, url, token string, body any, want int) time.Duration {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			c.b.Error(err)
			return 0
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		c.b.Error(err)
		return 0
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	res, err := c.client.Do(req)
	if err != nil {
		c.b.Error(err)
		return 0
	}
	out, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	d := time.Since(start)
	if res.StatusCode != want {
		c.b.Errorf("%s %s: %d %s", method, url, res.StatusCode, out)
	}
	return d
}

func benchSetup(b *testing.B, open func(testing.TB) erpps.ServerStore) (*env, benchClient, string, string) {
	e := newEnvOn(b, open(b))
	api := httptest.NewServer(e.srv.handler)
	b.Cleanup(api.Close)
	bare := httptest.NewServer(bareHandler(e, erpps.Actor{Role: erpps.RoleARSAgent, ID: "agent:a", Name: "Camille Agent (ARS A)"}))
	b.Cleanup(bare.Close)
	c := benchClient{b: b, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}}
	return e, c, api.URL, bare.URL
}

// BenchmarkAPIReadRecord: a practitioner reads their record.
func BenchmarkAPIReadRecord(b *testing.B) { eachStoreB(b, benchReadRecord) }

func benchReadRecord(b *testing.B, open func(testing.TB) erpps.ServerStore) {
	e, c, apiURL, bareURL := benchSetup(b, open)
	token := e.signIn(e.a.RPPS)
	bareOp := func(int) time.Duration {
		return c.do("GET", bareURL+"/bare/practitioners/"+e.a.RPPS, "", nil, http.StatusOK)
	}
	apiOp := func(int) time.Duration {
		return c.do("GET", apiURL+"/api/v1/practitioners/"+e.a.RPPS, token, nil, http.StatusOK)
	}
	compare(b, bareOp, apiOp)
}

// BenchmarkAPIDecide: the agent of the region takes a transmitted request.
func BenchmarkAPIDecide(b *testing.B) { eachStoreB(b, benchDecide) }

func benchDecide(b *testing.B, open func(testing.TB) erpps.ServerStore) {
	e, c, apiURL, bareURL := benchSetup(b, open)
	token := e.signIn(loginAgentA)
	apiIDs, bareIDs := e.received(b.N, "api"), e.received(b.N, "bare")
	bareOp := func(i int) time.Duration {
		return c.do("POST", bareURL+"/bare/decisions/"+bareIDs[i].ID, "",
			map[string]any{"rpps": bareIDs[i].RPPS, "baseRevision": bareIDs[i].Revision}, http.StatusOK)
	}
	apiOp := func(i int) time.Duration {
		return c.do("POST", apiURL+"/api/v1/requests/"+apiIDs[i].ID+"/decisions", token,
			map[string]any{"action": "take", "baseRevision": apiIDs[i].Revision}, http.StatusOK)
	}
	compare(b, bareOp, apiOp)
}

// eachStoreB runs bench on every store (sub-benchmarks sqlite, postgres).
func eachStoreB(b *testing.B, bench func(b *testing.B, open func(testing.TB) erpps.ServerStore)) {
	for _, s := range stores {
		b.Run(s.name, func(b *testing.B) { bench(b, s.open) })
	}
}

// benchWorkers is how many clients call at once in the concurrent phase.
const benchWorkers = 4

// compare runs op i of the bare handler and of the API: the first half of
// b.N alternately by one client (latencies: p50, p99, and the ratio of
// their means), the second half by benchWorkers clients at once, in
// quarters bare, API, bare, API (the ratio of their throughputs).
func compare(b *testing.B, bareOp, apiOp func(i int) time.Duration) {
	half := b.N / 2
	api, bare := make(latencies, 0, half), make(latencies, 0, half)
	b.ResetTimer()
	for i := range half {
		bare = append(bare, bareOp(i))
		api = append(api, apiOp(i))
	}
	// Quarters, bare then API twice, so that neither runs only on a cold
	// or only on a warm database.
	q := (b.N - half) / 4
	var bareWall, apiWall time.Duration
	for k := range 2 {
		from := half + 2*k*q
		bareWall += concurrently(from, from+q, bareOp)
		apiWall += concurrently(from+q, from+2*q, apiOp)
	}
	b.StopTimer()
	report(b, api, bare)
	if apiWall > 0 {
		b.ReportMetric(100*float64(bareWall)/float64(apiWall), "conc-api/bare-%")
	}
}

// concurrently runs ops from..to-1 with benchWorkers clients; it returns
// the wall time.
func concurrently(from, to int, op func(i int) time.Duration) time.Duration {
	if to <= from {
		return 0
	}
	next := make(chan int)
	done := make(chan struct{})
	start := time.Now()
	for range benchWorkers {
		go func() {
			for i := range next {
				op(i)
			}
			done <- struct{}{}
		}()
	}
	for i := from; i < to; i++ {
		next <- i
	}
	close(next)
	for range benchWorkers {
		<-done
	}
	return time.Since(start)
}

// received stores n transmitted contact requests to A's region, as a
// desktop would have sent them, each of another practitioner (as in life,
// where a practitioner has one or two requests open at a time).
func (e *env) received(n int, prefix string) []*erpps.Request {
	ctx := context.Background()
	list, err := demo.Generate(n, uint64(len(prefix))*7919+uint64(n))
	if err != nil {
		e.t.Fatal(err)
	}
	for _, p := range list {
		if err := e.store.SavePractitioner(ctx, p); err != nil {
			e.t.Fatal(err)
		}
	}
	dept := e.a.Activities[0].Structure.Department
	out := make([]*erpps.Request, n)
	now := time.Now().UTC().Add(-time.Hour)
	for i := range n {
		rpps := list[i%len(list)].RPPS
		actor := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Démo"}
		r := &erpps.Request{ID: fmt.Sprintf("%s-%06d", prefix, i), RPPS: rpps, Kind: erpps.KindContact, Status: erpps.StatusTransmitted,
			Department: dept, Payload: json.RawMessage(`{"email":"demo@example.org","phone":"","address":{"postalCode":"21000","city":"DIJON"}}`),
			Revision: 3, CreatedAt: now, UpdatedAt: now, TransmittedAt: &now, UpdatedBy: actor,
			History: []erpps.RequestEvent{{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: now, Actor: actor, Principal: rpps}}}
		if err := e.store.ReceiveRequest(ctx, r); err != nil {
			e.t.Fatal(err)
		}
		out[i] = r
	}
	return out
}
