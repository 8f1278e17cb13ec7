package storekit

import (
	"regexp"
	"testing"
)

func TestNewID(t *testing.T) {
	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 100 {
		id, err := NewID()
		if err != nil {
			t.Fatal(err)
		}
		if !uuid4.MatchString(id) || seen[id] {
			t.Fatalf("NewID() = %q: not a fresh UUID v4", id)
		}
		seen[id] = true
	}
}
