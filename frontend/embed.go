// Package frontend embeds the built user interface (frontend/dist, made by
// `npm run build`) for the desktop app, browser mode and erpps-server's back
// office: one build, three ways to serve it.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var embedded embed.FS

// Dist returns the built interface, index.html at its root.
func Dist() (fs.FS, error) { return fs.Sub(embedded, "dist") }
