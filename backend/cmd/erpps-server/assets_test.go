package main

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestServerAssets(t *testing.T) {
	dist := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html>\n<html>\n  <head>\n    <title>x</title>\n  </head><body></body></html>")},
		"assets/app.js": {Data: []byte("console.log(1)")},
	}
	assets, err := serverAssets(dist)
	if err != nil {
		t.Fatal(err)
	}
	index, err := fs.ReadFile(assets, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "<head>\n    "+ModeMeta+"\n    <title>") {
		t.Errorf("index.html:\n%s", index)
	}
	if b, _ := fs.ReadFile(dist, "index.html"); strings.Contains(string(b), "erpps-mode") {
		t.Error("the embedded build was changed")
	}
	h := assetsHandler(assets)
	for _, tc := range []struct {
		method, path string
		status       int
		body, cache  string
	}{
		{"GET", "/", 200, ModeMeta, "no-cache"},
		{"GET", "/assets/app.js", 200, "console.log(1)", "immutable"},
		{"POST", "/", 405, "", ""},
		{"GET", "/missing", 404, "", ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.body) || !strings.Contains(rec.Header().Get("Cache-Control"), tc.cache) {
			t.Errorf("%s %s: %d %q %q", tc.method, tc.path, rec.Code, rec.Header().Get("Cache-Control"), rec.Body.String())
		}
		if rec.Code == http.StatusOK && rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", tc.path)
		}
	}
	if _, err := serverAssets(fstest.MapFS{"index.html": {Data: []byte("<html></html>")}}); err == nil {
		t.Error("an index.html without <head> was served")
	}
}
