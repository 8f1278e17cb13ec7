// Package postgres is the server's store on PostgreSQL (15), the production
// choice for erpps-server: several server processes share one database, so
// everything that must be unique or ordered (attestation numbers, one draft
// per object, a decision on a request) is held by the database — unique
// indexes, row locks taken in the transaction, conditional updates — never
// by a lock in the process.
//
// It implements erpps.ServerStore (and erpps.Outbox) like the SQLite store
// and passes the same contract suite (backend/storetest). Its schema is a
// list of numbered, embedded, append-only migrations (migrations/*.sql),
// applied at Open under an advisory lock so that two processes starting
// together migrate once.
//
// The desktops' sync (erpps.SyncStore): every change of a request or of a
// record adds a line to sync_changes, written by triggers so that no write
// path escapes it, numbered from a one-row counter whose lock every write
// transaction takes first and holds until it ends: changes commit in the
// order of their numbers, so a pull that has seen n has seen everything
// before it. A write whose context carries an erpps.Receipt checks and
// advances the client's seq, and stores the mutation's result, in its own
// transaction; its lines name the client (erpps.sync_client, set for the
// transaction).
//
// Errors are *erpps.Error: a unique violation is ECONFLICT, a lost or
// refused connection (the server restarting) EUNAVAILABLE, anything else
// unexpected EINTERNAL. Times are timestamptz, kept to the microsecond: the
// store truncates the times it is given and the times it takes.
//
// The URL is pgx's: postgres://user:password@host:5432/erpps?sslmode=verify-full,
// with pgxpool's settings among its parameters (pool_max_conns=20...). The
// session's time zone is UTC.
//
// Tests start their own PostgreSQL (backend/internal/pgtest) as root:
//
//	go test ./backend/postgres                                  # contract, races, restart
//	go test ./backend/postgres -run '^$' -bench Queue -benchtime 300x   # 100,000 requests
package postgres
