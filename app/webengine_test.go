package app

import (
	"errors"
	"testing"
)

func TestApplyWebEngineSettings(t *testing.T) {
	t.Run("SetsWhatTheEnvironmentLacks", func(t *testing.T) {
		env := map[string]string{}
		err := applyWebEngineSettings(lookupIn(env), func(k, v string) error { env[k] = v; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if env["JSC_useJIT"] != "false" || env["JSC_largeHeapSize"] != "4194304" || env["WEBKIT_DISABLE_DMABUF_RENDERER"] != "1" {
			t.Fatalf("environment after: %v", env)
		}
	})
	t.Run("KeepsTheUsersValue", func(t *testing.T) {
		env := map[string]string{"JSC_useJIT": "true"}
		err := applyWebEngineSettings(lookupIn(env), func(k, v string) error { env[k] = v; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if env["JSC_useJIT"] != "true" || env["JSC_largeHeapSize"] != "4194304" {
			t.Fatalf("environment after: %v", env)
		}
	})
	t.Run("ErrSetFailed", func(t *testing.T) {
		failed := errors.New("no room")
		err := applyWebEngineSettings(lookupIn(map[string]string{}), func(string, string) error { return failed })
		if !errors.Is(err, failed) {
			t.Fatalf("got %v, want %v", err, failed)
		}
	})
}

func lookupIn(env map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := env[k]; return v, ok }
}
