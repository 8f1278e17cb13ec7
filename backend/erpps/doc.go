// Package erpps holds the domain of eRPPS Desktop: the practitioner's record as
// the RPPS holds it (identity, professions, activities), the requests that change
// it and their life, the error codes every layer shares, and the service
// interfaces that the store, the sync client and the server implement.
//
// It imports nothing of the project: every other package depends on it, never
// the reverse.
package erpps
