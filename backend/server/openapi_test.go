package server

import (
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

// routeServer is a server whose routes can be listed and matched; its
// handlers are not called.
func routeServer(t *testing.T) *Server {
	t.Helper()
	s := &Server{}
	if err := s.buildMux(); err != nil {
		t.Fatal(err)
	}
	return s
}

var pathParam = regexp.MustCompile(`\{[^}]+\}`)

// TestRoutesDocumented fails when a route is served but not documented, or
// documented but not served: every route of the table is in the document,
// and every documented operation reaches, through the server's real mux,
// the handler of that very route (not the /api/ catch-all, not a 405).
func TestRoutesDocumented(t *testing.T) {
	s := routeServer(t)
	d := loadDoc(t)
	served := map[string]bool{}
	for _, rt := range s.routes() {
		key := rt.method + " " + rt.path
		if served[key] {
			t.Errorf("route %s served twice", key)
		}
		served[key] = true
		if _, ok := d.operation(rt.method, rt.path); !ok {
			t.Errorf("route %s is served but not documented in openapi.json", key)
		}
	}
	var documented []string
	for path, item := range d.paths {
		for method := range item {
			switch method {
			case "get", "put", "post", "delete", "patch", "head", "options", "trace":
			default:
				continue
			}
			m := strings.ToUpper(method)
			documented = append(documented, m+" "+path)
			url := pathParam.ReplaceAllString(path, "x1")
			req := httptest.NewRequest(m, url, nil)
			_, pattern := s.mux.Handler(req)
			if pattern != m+" "+path {
				t.Errorf("%s %s is documented but not served (the mux picks %q)", m, path, pattern)
			}
		}
	}
	slices.Sort(documented)
	if len(documented) != len(served) {
		t.Errorf("%d operations documented, %d routes served", len(documented), len(served))
	}
	if d.raw["openapi"] != "3.1.0" {
		t.Errorf("openapi = %v, want 3.1.0", d.raw["openapi"])
	}
}

// TestErrorSchemaRefusesOtherShapes makes sure the validation helper can
// fail: a body that is not the error shape is refused by the Error schema.
func TestErrorSchemaRefusesOtherShapes(t *testing.T) {
	d := loadDoc(t)
	s, err := d.schemaAt("/components/schemas/Error")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []any{
		map[string]any{"code": "invalid", "message": "x"},
		map[string]any{"code": "nope", "message": "x", "fields": []any{}},
		map[string]any{"code": "invalid", "message": "x", "fields": []any{}, "extra": 1.0},
	} {
		if s.Validate(bad) == nil {
			t.Errorf("the Error schema accepts %v", bad)
		}
	}
	good := map[string]any{"code": erpps.ECONFLICT, "message": "x", "fields": []any{}}
	if err := s.Validate(good); err != nil {
		t.Errorf("the Error schema refuses %v: %v", good, err)
	}
}

// TestOpenAPISchemasCompile: every schema of the document compiles (its
// references resolve), and every operation says what it does and answers
// errors with the Error shape.
func TestOpenAPISchemasCompile(t *testing.T) {
	d := loadDoc(t)
	for name := range d.raw["components"].(map[string]any)["schemas"].(map[string]any) {
		if _, err := d.schemaAt("/components/schemas/" + pointer(name)); err != nil {
			t.Errorf("schema %s: %v", name, err)
		}
	}
	for path, item := range d.paths {
		for method, v := range item {
			op, ok := v.(map[string]any)
			if !ok {
				continue
			}
			if s, _ := op["summary"].(string); s == "" {
				t.Errorf("%s %s has no summary", method, path)
			}
			def, ok := op["responses"].(map[string]any)["default"].(map[string]any)
			if !ok {
				t.Errorf("%s %s has no default (error) response", method, path)
				continue
			}
			ref, _ := def["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)["$ref"].(string)
			if ref != "#/components/schemas/Error" {
				t.Errorf("%s %s: default response %q, want the Error shape", method, path, ref)
			}
		}
	}
}
