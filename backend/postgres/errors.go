package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"

	"erpps/backend/erpps"
)

// SQLSTATE codes the store tells apart.
const (
	uniqueViolation      = "23505"
	foreignKeyViolation  = "23503"
	serializationFailure = "40001"
	deadlockDetected     = "40P01"
)

// unavailable is the error of a database that cannot be reached now.
func unavailable(err error) *erpps.Error {
	return &erpps.Error{Code: erpps.EUNAVAILABLE,
		Message: "La base de données est momentanément indisponible. Réessayez dans quelques instants.", Err: err}
}

// storeError turns an error of the store into an *erpps.Error: one already
// is passes unchanged; a lost or refused connection is EUNAVAILABLE; a
// unique violation not handled by the caller, a deadlock or a serialization
// failure (the transaction was rolled back) is ECONFLICT; anything else is
// EINTERNAL. what says what was being done ("save the draft").
func storeError(what string, err error) error {
	if err == nil {
		return nil
	}
	var e *erpps.Error
	if errors.As(err, &e) {
		return err
	}
	wrapped := fmt.Errorf("store: unable to %s: %w", what, err)
	if connectionLost(err) {
		return unavailable(wrapped)
	}
	switch pgCode(err) {
	case uniqueViolation:
		return &erpps.Error{Code: erpps.ECONFLICT, Message: "Cet élément existe déjà.", Err: wrapped}
	case serializationFailure, deadlockDetected:
		// Another transaction wrote the same rows at the same time; nothing
		// of this one was written.
		return &erpps.Error{Code: erpps.ECONFLICT,
			Message: "Quelqu'un d'autre a modifié les mêmes éléments au même moment : réessayez.", Err: wrapped}
	}
	return erpps.Internal(wrapped)
}

// pgCode returns the SQLSTATE of err, "" when it does not come from the server.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// isUnique tells whether err is a unique violation of constraint (any
// constraint when constraint is "").
func isUnique(err error, constraint string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == uniqueViolation && (constraint == "" || pe.ConstraintName == constraint)
}

// isForeignKey tells whether err is a foreign key violation.
func isForeignKey(err error) bool { return pgCode(err) == foreignKeyViolation }

// connectionLost tells whether err says the server cannot be reached or went
// away: refused, reset or closed connections, the server shutting down or
// starting, a connection exception.
func connectionLost(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case len(pe.Code) == 5 && pe.Code[:2] == "08": // connection exception
			return true
		case pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03": // admin/crash shutdown, cannot connect now
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	var oe *net.OpError
	switch {
	case errors.As(err, &ce), errors.As(err, &oe), errors.As(err, &ne) && !ne.Timeout():
		return true
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	// pgx wraps I/O failures of a closed connection in its own errors; a
	// canceled or expired context is not a lost connection.
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
		return false
	}
	return pgconn.SafeToRetry(err)
}
