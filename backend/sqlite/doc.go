// Package sqlite is the local store of eRPPS Desktop, and erpps-server's
// embedded default store (erpps.ServerStore, opened with Open): one SQLite
// file, through the pure-Go driver modernc.org/sqlite (no cgo).
//
// It implements erpps.PractitionerService, erpps.RequestService (each of the
// applicant's actions committed whole in one transaction, tied to the
// revision the service validated) and, for the desktop, erpps.Replica: in
// Replica mode (DB.Replica) every local change of a request appends a
// mutation for the server in its own transaction, and the server's answers
// and changes are applied here (replica*.go). It keeps the application's
// settings and
// the numbering of attestations. For the server it also keeps the accounts,
// sessions, decisions (each committed whole with the record it changes),
// mandates and approvals, and lists the ARS agents' queue from covering
// indexes and counts kept by triggers (queue_counts). It passes the contract
// of backend/storetest, as the PostgreSQL store does, including the server's
// side of the desktops' sync (erpps.SyncStore): erpps-server's store (Open)
// keeps a change log written by triggers (sync_changes, numbered in commit
// order: writes are serialised), and a write whose context carries an
// erpps.Receipt checks and advances the client's seq and stores the
// mutation's result in its own transaction (tx.go). A desktop's store keeps
// no change log.
//
// The file is opened in WAL mode. Writes go through a single connection whose
// transactions begin IMMEDIATE, so the application never meets SQLITE_BUSY
// between its own writers; reads use a small pool of query-only connections.
// Before anything is written, Open checks that the file is a SQLite database
// in good health and not written by a newer version of the application: a
// damaged or newer file is reported (ESTORECORRUPT, ESTORENEWER) and left
// untouched. The schema is versioned by embedded, append-only migrations
// (migrations/NNNN_name.sql) and PRAGMA user_version.
package sqlite
