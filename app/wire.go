package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"erpps/backend/attestation"
	"erpps/backend/datadir"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/logging"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/signing"
	"erpps/backend/sqlite"
)

// Config is how the application is started.
type Config struct {
	DataDir string // "" for the default (ERPPS_DATA, then the user config dir)
	Mode    Mode
	Demo    bool // seed demo records into an empty store
	// SelfTest makes the UI check the desktop bindings and report.
	SelfTest bool
	Version  string
	Stderr   io.Writer
}

// Open assembles the application from its data folder: log, store, reference
// data, services. The returned function closes what was opened (and, for the
// kiosk, erases its data).
func Open(ctx context.Context, cfg Config) (*App, func() error, error) {
	var cleanups []func() error
	closeAll := func() error {
		var first error
		for i := len(cleanups) - 1; i >= 0; i-- {
			if err := cleanups[i](); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	fail := func(err error) (*App, func() error, error) {
		_ = closeAll()
		return nil, nil, err
	}

	dir, err := dataDirFor(cfg)
	if err != nil {
		return fail(err)
	}
	if cfg.Mode == ModeKiosk {
		// The kiosk keeps nothing of its walk-in users: its folder goes at exit.
		cleanups = append(cleanups, func() error { return os.RemoveAll(dir) })
	}
	if err := datadir.Ensure(dir); err != nil {
		return fail(err)
	}
	log, closeLog, err := logging.New(logging.Options{FilePath: datadir.LogPath(dir), Stderr: cfg.Stderr, Level: logrus.InfoLevel})
	if err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, closeLog)

	catalog, err := refdata.Load()
	if err != nil {
		return fail(err)
	}
	db := sqlite.NewDB(datadir.StorePath(dir))
	if err := db.Open(ctx); err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, db.Close)
	seeded := false
	if cfg.Demo {
		n, err := demo.SeedIfEmpty(ctx, db)
		if err != nil {
			return fail(err)
		}
		seeded = n > 0
		if seeded {
			log.WithField("records", n).Info("demo records created")
		}
	}
	log.WithField("mode", cfg.Mode).WithField("version", cfg.Version).Info("application started")
	cleanups = append(cleanups, func() error { log.Info("application stopped"); return nil })

	signer, err := signing.LoadOrCreateLocalSigner(ctx, db)
	if err != nil {
		return fail(err)
	}
	renderer, err := attestation.NewRenderer()
	if err != nil {
		return fail(err)
	}
	a := New(ctx, Deps{
		Practitioners: db,
		// SessionCompat: until the core branch lands (see its file).
		Requests: requests.SessionCompat{Service: &requests.Service{
			Practitioners: db, Requests: db, Structures: db, Catalog: catalog, Now: time.Now,
		}},
		Attestations: &attestation.Issuer{
			Practitioners: db, Registry: db, Catalog: catalog, Signer: signer,
			Verifier: signing.NewKeyRing(signer.PublicKey()), Renderer: renderer, Now: time.Now,
		},
		Catalog: catalog,
		Dialogs: dialogsFor(cfg.Mode),
		Log:     log,
		Info:    Info{Version: cfg.Version, Mode: cfg.Mode, DataDir: dir, Demo: cfg.Demo, SelfTest: cfg.SelfTest},
	})
	// Closed once: by the desktop's OnShutdown, and by the caller.
	a.closeStore = sync.OnceValue(closeAll)
	return a, a.closeStore, nil
}

func dataDirFor(cfg Config) (string, error) {
	if cfg.Mode == ModeKiosk && cfg.DataDir == "" {
		dir, err := os.MkdirTemp("", "erpps-kiosk-")
		if err != nil {
			return "", fmt.Errorf("app: unable to create the kiosk's folder: %w", err)
		}
		return dir, nil
	}
	return datadir.Resolve(cfg.DataDir, os.Getenv, os.UserConfigDir)
}

func dialogsFor(mode Mode) Dialogs {
	if mode == ModeWeb {
		return noDialogs{}
	}
	return WailsDialogs{}
}

// UserMessage is the French message of err for the terminal, with the cause
// when it is not the user's to fix.
func UserMessage(err error) string {
	e := erpps.AsError(err)
	if e.Code == erpps.EINTERNAL {
		return e.Message + " (" + err.Error() + ")"
	}
	return e.Message
}
