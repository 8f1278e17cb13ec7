// Package storekit holds the store-technology helpers the SQLite and the
// PostgreSQL stores share: how a name is folded for searching and sorting,
// and how a random identifier is drawn. It holds no SQL (the dialects
// differ) and no domain rule (those live in backend/erpps).
package storekit
