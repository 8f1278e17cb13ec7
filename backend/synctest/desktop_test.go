package synctest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
	"erpps/backend/syncclient"
)

// desktop is a simulated desktop: its store (a real SQLite file in Replica
// mode), the portal's service over it, and its sync client.
type desktop struct {
	name   string
	tag    int // numbers the desktop's edits
	db     *sqlite.DB
	svc    *requests.Service
	rec    *recorder
	client *syncclient.Client
	actor  erpps.Actor
	rpps   string
	now    func() time.Time
}

// desktopConfig says how to build a desktop.
type desktopConfig struct {
	name    string
	dir     string
	cat     *refdata.Catalog
	baseURL string
	token   string
	actor   erpps.Actor
	rpps    string
	clock   time.Duration // how far the desktop's clock is off
	seed    uint64
	// pullLimit sizes the pages of a pull (5 when 0: many pages).
	pullLimit int
	// template, when set, is an empty desktop store (closed) to start from:
	// its migrations are not run again, and the copy draws its own client id.
	template string
}

// newReplicaTemplate creates an empty desktop store in dir, closed.
func newReplicaTemplate(ctx context.Context, dir string) (string, error) {
	path := filepath.Join(dir, "replica-template.db")
	db := sqlite.NewDB(path)
	db.Replica = true
	if err := db.Open(ctx); err != nil {
		return "", err
	}
	return path, db.Close()
}

// copyReplica copies the template store to path with a client id of its
// own (the migration drew the template's once).
func copyReplica(ctx context.Context, template, path string) error {
	if err := copyFile(template, path); err != nil {
		return err
	}
	id, err := storekit.NewID()
	if err != nil {
		return err
	}
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, `UPDATE replica_state SET client_id = ? WHERE id = 1`, id)
	return err
}

func openDesktop(ctx context.Context, c desktopConfig) (*desktop, error) {
	now := func() time.Time { return time.Now().Add(c.clock) }
	path := filepath.Join(c.dir, c.name+".db")
	if c.template != "" {
		if err := copyReplica(ctx, c.template, path); err != nil {
			return nil, err
		}
	}
	db := sqlite.NewDB(path)
	db.Replica = true
	db.Now = now
	if err := db.Open(ctx); err != nil {
		return nil, err
	}
	rec := &recorder{Replica: db, mutations: map[int64]string{}, acks: map[int64][]erpps.MutationResult{}}
	token := c.token
	if c.pullLimit == 0 {
		c.pullLimit = 5
	}
	client, err := syncclient.New(syncclient.Config{
		Store:   rec,
		BaseURL: c.baseURL,
		HTTP:    &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}},
		Token:   func(context.Context) (string, error) { return token, nil },
		Now:     now,
		Rand:    rand.New(rand.NewPCG(c.seed, 99)),
		// The harness drives SyncOnce itself: short bounds keep a stuck
		// request from eating the run.
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		Debounce: 5 * time.Millisecond, PushBatch: 7, PullLimit: c.pullLimit,
		RequestTimeout: 3 * time.Second, WaitTimeout: 3 * time.Second,
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &desktop{
		name: c.name, db: db, rec: rec, client: client, actor: c.actor, rpps: c.rpps, now: now,
		svc: &requests.Service{Practitioners: db, Requests: db, Structures: db, Catalog: c.cat, Now: now},
	}, nil
}

func (d *desktop) Close() error { return d.db.Close() }

// syncOnce pushes and pulls once, bounded.
func (d *desktop) syncOnce(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return d.client.SyncOnce(ctx)
}

// recorder is the desktop's Replica as the sync client sees it, recording
// every mutation it lists (the last mutation id of each seq) and every
// result it acknowledges: what the harness counts against the server.
type recorder struct {
	erpps.Replica
	mu        sync.Mutex
	mutations map[int64]string // seq → mutation id, as last listed
	kinds     map[int64]erpps.MutationKind
	requests  map[int64]string
	acks      map[int64][]erpps.MutationResult
	maxSeq    int64
}

func (r *recorder) ListPendingMutations(ctx context.Context, limit int) ([]erpps.PendingMutation, error) {
	ms, err := r.Replica.ListPendingMutations(ctx, limit)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.kinds == nil {
		r.kinds, r.requests = map[int64]erpps.MutationKind{}, map[int64]string{}
	}
	for _, m := range ms {
		r.mutations[m.Seq] = m.ID
		r.kinds[m.Seq] = m.Kind
		r.requests[m.Seq] = m.RequestID
		r.maxSeq = max(r.maxSeq, m.Seq)
	}
	return ms, err
}

func (r *recorder) AckMutation(ctx context.Context, res erpps.MutationResult) error {
	err := r.Replica.AckMutation(ctx, res)
	if err == nil {
		r.mu.Lock()
		r.acks[res.Seq] = append(r.acks[res.Seq], res)
		r.mu.Unlock()
	}
	return err
}

// snapshot returns what the recorder saw.
func (r *recorder) snapshot() (maxSeq int64, ids map[int64]string, kinds map[int64]erpps.MutationKind, reqs map[int64]string, acks map[int64][]erpps.MutationResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids, kinds, reqs, acks = map[int64]string{}, map[int64]erpps.MutationKind{}, map[int64]string{}, map[int64][]erpps.MutationResult{}
	for k, v := range r.mutations {
		ids[k] = v
	}
	for k, v := range r.kinds {
		kinds[k] = v
	}
	for k, v := range r.requests {
		reqs[k] = v
	}
	for k, v := range r.acks {
		acks[k] = append([]erpps.MutationResult(nil), v...)
	}
	return r.maxSeq, ids, kinds, reqs, acks
}

// An action of the owner on their desktop. Local errors of the rules
// (a conflict, a validation error) are part of the game; an internal
// error is not.
func (d *desktop) act(ctx context.Context, rng *rand.Rand, step int) error {
	items, err := d.db.ListRequests(ctx, erpps.RequestFilter{RPPS: d.rpps})
	if err != nil {
		return err
	}
	var drafts, transmitted []*erpps.Request
	for _, r := range items {
		switch {
		case r.Editable():
			drafts = append(drafts, r)
		case r.Status == erpps.StatusTransmitted:
			transmitted = append(transmitted, r)
		}
	}
	x := rng.IntN(100)
	switch {
	case x < 15 || len(drafts) == 0 && x < 60:
		kind := erpps.KindContact
		if rng.IntN(3) == 0 {
			kind = erpps.KindExerciseName
		}
		_, err = d.svc.Start(ctx, requests.StartInput{RPPS: d.rpps, Kind: kind}, d.actor)
	case x < 60 && len(drafts) > 0:
		r := drafts[rng.IntN(len(drafts))]
		// A burst of autosaves, as typing does.
		for i := range 1 + rng.IntN(4) {
			var cur *erpps.Request
			if cur, err = d.db.FindRequestByID(ctx, r.ID); err != nil {
				break
			}
			_, err = d.svc.SaveDraft(ctx, r.ID, cur.Revision, edit(cur, d.tag*100000+step*10+i), d.actor)
			if err != nil {
				break
			}
		}
	case x < 75 && len(drafts) > 0:
		_, err = d.svc.Transmit(ctx, drafts[rng.IntN(len(drafts))].ID, d.actor)
	case x < 85 && len(transmitted) > 0:
		_, err = d.svc.Withdraw(ctx, transmitted[rng.IntN(len(transmitted))].ID, d.actor, "Retirée depuis "+d.name)
	case x < 92 && len(drafts) > 0:
		err = d.svc.Delete(ctx, drafts[rng.IntN(len(drafts))].ID, d.actor)
	default:
		return nil
	}
	if err != nil && erpps.ErrorCode(err) == erpps.EINTERNAL {
		return fmt.Errorf("%s: %w", d.name, err)
	}
	return nil
}

// edit returns r's payload changed by a keystroke-like edit named by n
// (valid for a transmission: a new e-mail address, a new exercise name).
func edit(r *erpps.Request, n int) json.RawMessage {
	var m map[string]any
	if err := json.Unmarshal(r.Payload, &m); err != nil || m == nil {
		m = map[string]any{}
	}
	switch r.Kind {
	case erpps.KindExerciseName:
		m["exerciseName"] = "NOM " + letters(n)
		m["useBirthName"] = false
	default:
		m["email"] = "contact." + letters(n) + "@exemple.fr"
	}
	b, _ := json.Marshal(m)
	return b
}

// letters spells n with letters (names refuse digits).
func letters(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n /= 26
		if n == 0 {
			return s
		}
	}
}
