package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"testing/fstest"
	"time"
)

// ModeMeta tells the front end it is served by erpps-server (the back
// office), not by the desktop: injected into index.html.
const ModeMeta = `<meta name="erpps-mode" content="server">`

// serverAssets is the built front end with ModeMeta in index.html's head.
func serverAssets(dist fs.FS) (fs.FS, error) {
	index, err := fs.ReadFile(dist, "index.html")
	if err != nil {
		return nil, fmt.Errorf("interface sans index.html (lancez « make frontend ») : %w", err)
	}
	at := bytes.Index(index, []byte("<head>"))
	if at < 0 {
		return nil, errors.New("index.html de l'interface sans <head>")
	}
	at += len("<head>")
	injected := make([]byte, 0, len(index)+len(ModeMeta)+1)
	injected = append(injected, index[:at]...)
	injected = append(injected, "\n    "+ModeMeta...)
	injected = append(injected, index[at:]...)
	return overlayFS{FS: dist, index: &fstest.MapFile{Data: injected, Mode: 0o444, ModTime: time.Now()}}, nil
}

// overlayFS is an FS whose index.html is replaced.
type overlayFS struct {
	fs.FS
	index *fstest.MapFile
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if name == "index.html" {
		return fstest.MapFS{"index.html": o.index}.Open(name)
	}
	return o.FS.Open(name)
}

// assetsHandler serves the front end: index.html never cached (it names the
// current build's files), the hashed build files cached for good.
func assetsHandler(assets fs.FS) http.Handler {
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "Méthode non permise.", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}

// routes sends the API's paths to api and the rest to assets.
func routes(api, assets http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/healthz", api)
	mux.Handle("/readyz", api)
	mux.Handle("/", assets)
	return mux
}
