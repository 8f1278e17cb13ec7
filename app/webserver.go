package app

import (
	"net/http"
	"strings"
	"time"
)

// Browser mode's time limits: a client gets this long to send a request's
// headers, then its body; an answer this long to be written; an idle
// keep-alive connection is closed after idleTimeout. The event stream
// (Accept: text/event-stream) is long-lived: it has no read or write limit.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
)

// NewWebServer is browser mode's server for h, with its time and size limits.
// It sets no server-wide WriteTimeout, which would cut the event stream:
// bounded sets the write limit of every other request.
func NewWebServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// bounded limits a request's body to maxBody and the writing of its answer
// to write, except for an event stream.
func bounded(next http.Handler, write time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isEventStream(r) {
			_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(write))
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

func isEventStream(r *http.Request) bool {
	return r.Method == http.MethodGet && strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}
