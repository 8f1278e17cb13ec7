package postgres

import (
	"context"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"erpps/backend/erpps"
)

// TestStoreError checks how errors of the driver become erpps codes.
func TestStoreError(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"admin shutdown", &pgconn.PgError{Code: "57P01"}, erpps.EUNAVAILABLE},
		{"starting up", &pgconn.PgError{Code: "57P03"}, erpps.EUNAVAILABLE},
		{"connection failure", &pgconn.PgError{Code: "08006"}, erpps.EUNAVAILABLE},
		{"refused", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, erpps.EUNAVAILABLE},
		{"reset", fmt.Errorf("read: %w", syscall.ECONNRESET), erpps.EUNAVAILABLE},
		{"cut", fmt.Errorf("receive message: %w", io.ErrUnexpectedEOF), erpps.EUNAVAILABLE},
		{"closed", pgconn.ErrConnClosed, erpps.EUNAVAILABLE},
		{"unique", &pgconn.PgError{Code: "23505"}, erpps.ECONFLICT},
		{"deadlock", &pgconn.PgError{Code: "40P01"}, erpps.ECONFLICT},
		{"serialization", &pgconn.PgError{Code: "40001"}, erpps.ECONFLICT},
		{"syntax", &pgconn.PgError{Code: "42601"}, erpps.EINTERNAL},
		{"canceled", context.Canceled, erpps.EINTERNAL},
		{"domain", erpps.NotFound("Introuvable."), erpps.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := storeError("do it", tc.err)
			if got := erpps.ErrorCode(err); got != tc.want {
				t.Fatalf("%v: code %q, want %q", err, got, tc.want)
			}
			if erpps.ErrorMessage(err) == "" {
				t.Fatal("no message for the user")
			}
		})
	}
}

// TestReadyWhenClosed: a closed store is not ready.
func TestReadyWhenClosed(t *testing.T) {
	db := mustOpen(t)
	if err := db.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if code := erpps.ErrorCode(db.Ready(context.Background())); code != erpps.EUNAVAILABLE {
		t.Fatalf("ready when closed: %q", code)
	}
}
