package syncserver

import (
	"testing"

	"erpps/backend/erpps"
)

// BenchmarkPushSave: one desktop's autosave pushed and applied, one
// mutation per push, on a SQLite file.
//
//	go test ./backend/syncserver -run XXX -bench PushSave -benchtime 2s
func BenchmarkPushSave(b *testing.B) {
	e := newEnv(b, stores[0].open(b))
	c := e.client(e.a)
	id := e.newID()
	r := only(b, c.push(c.next(erpps.MutationSaveDraft, id, 0)))
	base := r.Version
	b.ResetTimer()
	for range b.N {
		r := only(b, c.push(c.next(erpps.MutationSaveDraft, id, base)))
		if r.Outcome != erpps.OutcomeApplied {
			b.Fatalf("%+v", r)
		}
		base = r.Version
	}
}
