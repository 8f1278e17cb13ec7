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
	// ProSanteConnect tells whether the practitioner's login with Pro
	// Santé Connect is offered (not at a kiosk).
	ProSanteConnect bool `json:"proSanteConnect"`
}

// Deps are the services the UI's methods call.
type Deps struct {
	Practitioners erpps.PractitionerService
	Requests      RequestActions
	Attestations  *attestation.Issuer
	Catalog       *refdata.Catalog
	Dialogs       Dialogs
	Log           *logrus.Logger
	Info          Info
	// Events reaches the UI's windows and tabs; nil for the mode's own
	// (server-sent events in browser mode, Wails events otherwise).
	Events Emitter
	// Sync connects this computer to the eRPPS server; nil where no server
	// can be configured.
	Sync *SyncDeps
	// OIDC is the Pro Santé Connect login; nil where there is none (the
	// kiosk).
	OIDC *OIDCDeps
	// Mailbox connects the cabinet's mailbox; nil where none can be.
	Mailbox *MailboxDeps
}

// App is the UI's API. Its exported methods are the bindings; keep lifecycle
// and helpers unexported or as package functions.
//
// An HTTP call runs its method on a shallow copy of App whose ctx is the
// request's (see method.call): state shared between calls lives behind the
// pointers (sessions, events), never in App's own fields.
type App struct {
	ctx context.Context
	// base is the context the application was opened with: canceled on
	// SIGINT/SIGTERM, which then closes the window cleanly.
	base     context.Context
	deps     Deps
	sessions *sessions
	events   Emitter
	sync     *syncManager
	psc      *pscLogins
	mailbox  *mailboxManager
	// closeStore closes what Open opened (once); nil for an App made by New.
	closeStore func() error
	// selfTest is the UI's report in self-test mode (desktop only).
	selfTest *SelfTestReport
}

// New returns the UI's API over deps. ctx is used until the desktop runtime
// hands over its own (see Startup); when it ends, the session ends and the
// event listeners are let go.
func New(ctx context.Context, deps Deps) *App {
	if deps.Dialogs == nil {
		deps.Dialogs = noDialogs{}
	}
	events := deps.Events
	if events == nil {
		if deps.Info.Mode == ModeWeb {
			events = NewEventStream()
		} else {
			events = &wailsEmitter{}
		}
	}
	a := &App{ctx: ctx, base: ctx, deps: deps, sessions: newSessions(), events: events, psc: &pscLogins{}}
	a.sync = newSyncManager(deps.Sync, events, deps.Log, deps.OIDC, a.psc)
	a.mailbox = newMailboxManager(deps.Mailbox, events, deps.Log)
	context.AfterFunc(ctx, a.stop)
	return a
}

// Startup returns the Wails OnStartup callback: it keeps the runtime's context,
// which the native dialogs and events need, and quits the window when the
// application's own context ends (SIGTERM from a session manager or a test).
func Startup(a *App) func(context.Context) {
	return func(ctx context.Context) {
		a.ctx = ctx
		if w, ok := a.events.(*wailsEmitter); ok {
			w.start(ctx)
		}
		go func() {
			<-a.base.Done()
			runtime.Quit(ctx)
		}()
	}
}

// Shutdown returns the Wails OnShutdown callback: the session ends, the
// event listeners are let go and the store is closed.
func Shutdown(a *App) func(context.Context) {
	return func(context.Context) {
		a.stop()
		if a.closeStore != nil {
			if err := a.closeStore(); err != nil && a.deps.Log != nil {
				a.deps.Log.WithError(err).Error("closing the store")
			}
		}
	}
}

// stop ends the session and lets the event listeners go. The desktop window
// is closing: it is told nothing more.
func (a *App) stop() {
	if w, ok := a.events.(*wailsEmitter); ok {
		w.Close()
	}
	a.endSession(EndShutdown)
	a.psc.cancel()
	_ = a.sync.stop()
	_ = a.mailbox.stop()
	if c, ok := a.events.(emitterCloser); ok {
		c.Close()
	}
}

// AppInfo describes the running application.
func (a *App) AppInfo() (Info, error) {
	return a.deps.Info, nil
}
