package browsertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// BuildServer builds erpps-server (pure Go, the built front end embedded)
// from the repository at root into a new temporary folder named after
// prefix, and returns the binary's path.
func BuildServer(root, prefix string) (string, error) {
	if _, err := os.Stat(filepath.Join(root, "frontend", "dist", "index.html")); err != nil {
		return "", fmt.Errorf("the front end is not built: run `make frontend` (make test does)")
	}
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "erpps-server")
	cmd := exec.Command("go", "build", "-o", path, "./backend/cmd/erpps-server")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build erpps-server: %v\n%s", err, out)
	}
	return path, nil
}

// ServerListening begins the line erpps-server serve writes once it
// listens; its address follows.
const ServerListening = "erpps-server : à l'écoute sur "

// ServerEnv is the environment without ERPPS_SERVER_* variables: the flags
// alone say which store erpps-server uses.
func ServerEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ERPPS_SERVER_") {
			env = append(env, kv)
		}
	}
	return env
}

// builtServer is erpps-server as built by ServerBinary: once per test
// binary, shared by its tests.
var builtServer struct {
	sync.Once
	path string
	err  error
}

// ServerBinary builds erpps-server from the repository at root the first
// time a test of this test binary asks for it, and returns its path.
func ServerBinary(t testing.TB, root string) string {
	t.Helper()
	builtServer.Do(func() { builtServer.path, builtServer.err = BuildServer(root, "erpps-server-test-") })
	if builtServer.err != nil {
		t.Fatal(builtServer.err)
	}
	return builtServer.path
}
