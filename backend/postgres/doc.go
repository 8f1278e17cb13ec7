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
// Errors are *erpps.Error: a unique violation is ECONFLICT, a lost or
// refused connection (the server restarting) EUNAVAILABLE, anything else
// unexpected EINTERNAL. Times are timestamptz, kept to the microsecond: the
// store truncates the times it is given and the times it takes.
package postgres
