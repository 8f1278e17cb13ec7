// Package app exposes the application's methods to the UI, once: every
// exported method of *App is bound to the Wails window and served over
// HTTP+JSON for browser mode by the same code path. It holds no business
// rules: each method checks nothing but its transport and calls a backend
// service.
package app

import (
	"context"

	"github.com/sirupsen/logrus"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/requests"
)

// Mode is how the application was started.
type Mode string

// The application's modes.
const (
	ModeDesktop Mode = "desktop"
	ModeWeb     Mode = "web"
	ModeKiosk   Mode = "kiosk"
)

// Info describes the running application to the UI.
type Info struct {
	Version string `json:"version"`
	Mode    Mode   `json:"mode"`
	DataDir string `json:"dataDir"`
	Demo    bool   `json:"demo"`
	// SelfTest asks the UI to check the desktop bindings and report
	// (erpps --selftest).
	SelfTest bool `json:"selfTest"`
}

// Deps are the services the UI's methods call.
type Deps struct {
	Practitioners erpps.PractitionerService
	Requests      *requests.Service
	Attestations  *attestation.Issuer
	Catalog       *refdata.Catalog
	Dialogs       Dialogs
	Log           *logrus.Logger
	Info          Info
}

// App is the UI's API. Its exported methods are the bindings; keep lifecycle
// and helpers unexported or as package functions.
type App struct {
	ctx context.Context
	// base is the context the application was opened with: canceled on
	// SIGINT/SIGTERM, which then closes the window cleanly.
	base context.Context
	deps Deps
	// selfTest is the UI's report in self-test mode.
	selfTest *SelfTestReport
}

// New returns the UI's API over deps. ctx is used until the desktop runtime
// hands over its own (see Startup).
func New(ctx context.Context, deps Deps) *App {
	if deps.Dialogs == nil {
		deps.Dialogs = noDialogs{}
	}
	return &App{ctx: ctx, base: ctx, deps: deps}
}

// Startup returns the Wails OnStartup callback: it keeps the runtime's context,
// which the native dialogs need, and quits the window when the application's
// own context ends (SIGTERM from a session manager or a test).
func Startup(a *App) func(context.Context) {
	return func(ctx context.Context) {
		a.ctx = ctx
		go func() {
			<-a.base.Done()
			runtime.Quit(ctx)
		}()
	}
}

// AppInfo describes the running application.
func (a *App) AppInfo() (Info, error) {
	return a.deps.Info, nil
}
