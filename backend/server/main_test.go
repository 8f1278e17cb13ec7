package server

import (
	"os"
	"testing"

	"erpps/backend/internal/pgtest"
)

// TestMain starts the throwaway PostgreSQL server of the tests on
// PostgreSQL (when it is installed and the tests run as root).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
