// Package storekit holds the store-technology helpers the SQLite and the
// PostgreSQL stores share: how a name is folded for searching and sorting
// (fold.go, practitioner_keys.go), how a random identifier is drawn (id.go),
// how a new request is completed before it is inserted (newrequest.go), how
// a page of the change log becomes a pull's changes (changes.go) and how the
// embedded migrations are read (migrations.go). It holds no SQL (the
// dialects differ) and no domain rule (those live in backend/erpps).
package storekit
