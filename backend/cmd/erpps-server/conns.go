package main

import (
	"net"
	"net/http"
	"sync"
)

// activeConns counts the connections serving a request (http.StateActive),
// so that a shutdown says how many requests it lets finish.
type activeConns struct {
	mu     sync.Mutex
	active map[net.Conn]bool
}

// track is the http.Server's ConnState hook.
func (a *activeConns) track(c net.Conn, state http.ConnState) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.active == nil {
		a.active = map[net.Conn]bool{}
	}
	if state == http.StateActive {
		a.active[c] = true
	} else {
		delete(a.active, c)
	}
}

// count is how many connections serve a request now.
func (a *activeConns) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.active)
}
