package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// docURL is where the compiler finds the OpenAPI document.
const docURL = "https://erpps.invalid/api/v1/openapi.json"

// apiDoc is the OpenAPI document parsed, with a schema compiler over it.
type apiDoc struct {
	raw      map[string]any
	paths    map[string]map[string]any
	compiler *jsonschema.Compiler
	mu       sync.Mutex
	cache    map[string]*jsonschema.Schema
}

var loadDocOnce = sync.OnceValues(func() (*apiDoc, error) {
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDocument))
	if err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.AssertContent()
	if err := c.AddResource(docURL, raw); err != nil {
		return nil, err
	}
	d := &apiDoc{raw: raw.(map[string]any), compiler: c, cache: map[string]*jsonschema.Schema{}, paths: map[string]map[string]any{}}
	for p, item := range d.raw["paths"].(map[string]any) {
		d.paths[p] = item.(map[string]any)
	}
	return d, nil
})

func loadDoc(t testing.TB) *apiDoc {
	t.Helper()
	d, err := loadDocOnce()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pointer escapes a JSON pointer token.
func pointer(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// schemaAt compiles the schema at JSON pointer ptr of the document.
func (d *apiDoc) schemaAt(ptr string) (*jsonschema.Schema, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s, ok := d.cache[ptr]; ok {
		return s, nil
	}
	s, err := d.compiler.Compile(docURL + "#" + (&url.URL{Fragment: ptr}).EscapedFragment())
	if err != nil {
		return nil, err
	}
	d.cache[ptr] = s
	return s, nil
}

// operation returns the document's operation for method and path template.
func (d *apiDoc) operation(method, path string) (map[string]any, bool) {
	item, ok := d.paths[path]
	if !ok {
		return nil, false
	}
	op, ok := item[strings.ToLower(method)].(map[string]any)
	return op, ok
}

// checkResponse fails t when body is not what the document says operation
// (method, path template) replies with status: the status must be
// documented (or fall to "default" for an error), and a JSON body must match
// its schema.
func checkResponse(t testing.TB, method, path string, status int, contentType string, body []byte) {
	t.Helper()
	d := loadDoc(t)
	op, ok := d.operation(method, path)
	if !ok {
		t.Fatalf("%s %s is not documented", method, path)
	}
	responses := op["responses"].(map[string]any)
	key := strconv.Itoa(status)
	resp, ok := responses[key].(map[string]any)
	if !ok {
		if status < 400 {
			t.Fatalf("%s %s replied %d, a status the document does not list", method, path, status)
		}
		key = "default"
		resp = responses[key].(map[string]any)
	}
	content, _ := resp["content"].(map[string]any)
	if len(content) == 0 {
		if len(body) != 0 {
			t.Fatalf("%s %s %d: the document says no body, got %q", method, path, status, body)
		}
		return
	}
	mt := strings.TrimSpace(strings.Split(contentType, ";")[0])
	if _, ok := content[mt]; !ok {
		t.Fatalf("%s %s %d: content type %q is not documented", method, path, status, contentType)
	}
	if mt != "application/json" {
		return
	}
	ptr := "/paths/" + pointer(path) + "/" + strings.ToLower(method) + "/responses/" + key + "/content/application~1json/schema"
	validate(t, d, ptr, fmt.Sprintf("%s %s %d reply", method, path, status), body)
}

// checkRequestBody fails t when body is not what the document says
// operation (method, path) reads.
func checkRequestBody(t testing.TB, method, path string, body []byte) {
	t.Helper()
	d := loadDoc(t)
	op, ok := d.operation(method, path)
	if !ok {
		t.Fatalf("%s %s is not documented", method, path)
	}
	if _, ok := op["requestBody"]; !ok {
		t.Fatalf("%s %s: the document says no body, the test sends %q", method, path, body)
	}
	ptr := "/paths/" + pointer(path) + "/" + strings.ToLower(method) + "/requestBody/content/application~1json/schema"
	validate(t, d, ptr, fmt.Sprintf("%s %s request body", method, path), body)
}

func validate(t testing.TB, d *apiDoc, ptr, what string, body []byte) {
	t.Helper()
	s, err := d.schemaAt(ptr)
	if err != nil {
		t.Fatalf("%s: schema %s: %v", what, ptr, err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s is not JSON: %v\n%s", what, err, body)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("%s does not match the document: %v\n%s", what, err, indent(body))
	}
}

func indent(b []byte) string {
	var out bytes.Buffer
	if json.Indent(&out, b, "", "  ") != nil {
		return string(b)
	}
	return out.String()
}
