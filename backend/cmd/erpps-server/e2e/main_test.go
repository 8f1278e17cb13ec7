package e2e

import (
	"os"
	"testing"

	"erpps/backend/internal/pgtest"
)

// TestMain starts the throwaway PostgreSQL of this test binary (the
// PostgreSQL variant of the test skips without it, or fails in CI).
func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m))
}
