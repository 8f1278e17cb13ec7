package server

import (
	_ "embed"
	"net/http"
)

// openAPIDocument is the OpenAPI 3.1 description of the API; a test checks
// that it describes every route served and no other.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPI returns the OpenAPI 3.1 document of the API.
func OpenAPI() []byte { return append([]byte(nil), openAPIDocument...) }

// openAPI serves GET /api/v1/openapi.json.
func (s *Server) openAPI(w http.ResponseWriter, _ *http.Request, _ *caller) error {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	_, _ = w.Write(openAPIDocument)
	return nil
}
