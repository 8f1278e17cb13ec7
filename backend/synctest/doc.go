// Package synctest is the fault harness and the benchmarks of the desktops'
// synchronisation with erpps-server (its code is in the _test files: the
// package has nothing to import).
//
// TestFaults runs randomised scenarios, one per seed of a fixed list (1, 2,
// ..., N; 100 in make test, eight at a time: about 35 s of CPU): two or three desktops (real SQLite files in Replica mode, their
// requests.Service and a backend/syncclient) of one practitioner edit,
// transmit, withdraw and delete drafts while an ARS agent decides the
// requests on the server, one desktop's clock a year ahead, through
// backend/internal/faultproxy (dropped, duplicated, reordered and cut
// requests and responses, latency spikes, the network down, the server
// restarted). Then the network heals and the harness counts: every mutation
// of every desktop has exactly one result on the server (seqs 1..last, the
// same mutation ids), none is left behind, every transmission and
// withdrawal is in the request's history exactly once, and every desktop's
// data equals the server's. A failure names its seed.
//
// The commands:
//
//	go test ./backend/synctest -run TestFaults                      # 100 seeds (make test)
//	go test ./backend/synctest -run TestFaults -seeds 1000 -timeout 60m -v   # the full run
//	go test ./backend/synctest -run TestTwoServersOnPostgres -pgseeds 100 -timeout 60m -v
//	go test ./backend/synctest -run TestTwoServerProcessesOnPostgres -pgseeds 100 -timeout 60m -v  # two erpps-server processes
//	go test ./backend/synctest -run TestFaults -seed 137 -v         # one seed, to reproduce a failure
//	go test ./backend/synctest -run TestKilledBetweenCommitAndAck -v
//	go test ./backend/synctest -run TestTwoServersOnPostgres -v
//	go test ./backend/synctest -run '^$' -bench . -benchtime 1x -v  # the benchmarks (figures in the log)
package synctest
