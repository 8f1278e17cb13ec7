package server

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
)

// ModeMeta tells the front end that it is served by erpps-server (the back
// office), not by the desktop or its browser mode.
const ModeMeta = `<meta name="erpps-mode" content="server" />`

// spa serves the built front end: its files, and index.html (with ModeMeta)
// for every other path so that deep links work.
type spa struct {
	files http.Handler
	fsys  fs.FS
	index []byte
}

func newSPA(fsys fs.FS) (*spa, error) {
	index, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		return nil, fmt.Errorf("server: the front end has no index.html (run « make frontend »): %w", err)
	}
	i := bytes.Index(index, []byte("<head>"))
	if i < 0 {
		return nil, errors.New("server: the front end's index.html has no <head>")
	}
	i += len("<head>")
	withMeta := make([]byte, 0, len(index)+len(ModeMeta)+1)
	withMeta = append(append(append(withMeta, index[:i]...), "\n    "+ModeMeta...), index[i:]...)
	return &spa{files: http.FileServerFS(fsys), fsys: fsys, index: withMeta}, nil
}

func (s *spa) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Méthode non permise.", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name != "" && name != "index.html" {
		if st, err := fs.Stat(s.fsys, name); err == nil && !st.IsDir() {
			s.files.ServeHTTP(w, r)
			return
		}
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	_, _ = w.Write(s.index)
}
