package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
)

// TestBindingsInSync checks that every bound method of App is in the
// generated Wails bindings (`make bindings`) and in the UI's client, and that
// the client calls no method that does not exist.
func TestBindingsInSync(t *testing.T) {
	methods, err := methodsOf(New(context.Background(), Deps{}))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join("..", "frontend", "src", "api", rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	generated := read(filepath.Join("wailsjs", "go", "app", "App.d.ts"))
	client := read("client.ts")
	for _, name := range names {
		if !regexp.MustCompile(`export function ` + name + `\(`).MatchString(generated) {
			t.Errorf("%s is not in the generated bindings: run `make bindings`", name)
		}
		if !regexp.MustCompile(`call(<[^(]*>)?\("` + name + `"`).MatchString(client) {
			t.Errorf("%s is not called by frontend/src/api/client.ts", name)
		}
	}
	for _, m := range regexp.MustCompile(`call(?:<[^(]*>)?\("([A-Za-z]+)"`).FindAllStringSubmatch(client, -1) {
		if _, ok := methods[m[1]]; !ok {
			t.Errorf("client.ts calls %s, which App does not have", m[1])
		}
	}
}
