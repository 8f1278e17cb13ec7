package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	"erpps/backend/secretstore"
	"erpps/backend/signing"
	"erpps/backend/sqlite"
)

// Config is how the application is started.
type Config struct {
	DataDir string // "" for the default (ERPPS_DATA, then the user config dir); must be "" for the kiosk
	Mode    Mode
	Demo    bool // seed demo records into an empty store
	// SelfTest makes the UI check the desktop bindings and report.
	SelfTest bool
	Version  string
	Stderr   io.Writer
	// TempDir is where the kiosk makes its folder (os.TempDir() when "").
	TempDir string
	// ServerURL is the eRPPS server's address ("" when none is configured):
	// the authority's public keys are fetched from it at start and kept,
	// so that attestations verify offline.
	ServerURL string
	// ServerCA is a PEM file of the certificate authority the server's
	// certificate chains to, besides the system's (--server-ca).
	ServerCA string
	// PSCIssuer is the OpenID provider of the practitioners' login ("" for
	// the eRPPS server's own; Pro Santé Connect's issuer otherwise).
	PSCIssuer string
}

// ErrKioskDataDir refuses a kiosk given a data folder: the kiosk erases its
// folder at exit, so it only ever uses one it created itself.
var ErrKioskDataDir = erpps.Errorf(erpps.EINVALID,
	"La borne (--kiosk) n'utilise que son propre dossier temporaire, effacé à sa fermeture : "+
		"elle refuse un dossier de données (--data ou %s). Lancez-la sans --data ni %s, "+
		"ou lancez erpps sans --kiosk pour utiliser ce dossier.", datadir.EnvVar, datadir.EnvVar)

// Open assembles the application from its data folder: log, store, reference
// data, services. The returned function closes what was opened (and, for the
// kiosk, erases the folder it created). A start-up that fails is logged to
// erpps.log when the log could be opened.
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
	var log *logrus.Logger
	fail := func(err error) (*App, func() error, error) {
		if log != nil {
			e := erpps.AsError(err)
			log.WithField("code", e.Code).WithError(err).Error("start-up refused")
		}
		_ = closeAll()
		return nil, nil, err
	}

	dir, err := openDataDir(cfg, &cleanups)
	if err != nil {
		return fail(err)
	}
	log, closeLog, err := logging.New(logging.Options{FilePath: datadir.LogPath(dir), Stderr: cfg.Stderr, Level: logrus.InfoLevel})
	if err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, closeLog)
	if cfg.Mode != ModeKiosk {
		lock, err := datadir.Acquire(dir)
		if err != nil {
			return fail(err)
		}
		cleanups = append(cleanups, lock.Release)
	}

	catalog, err := refdata.Load()
	if err != nil {
		return fail(err)
	}
	db := sqlite.NewDB(datadir.StorePath(dir))
	// Every local change of a request is recorded as a mutation for the
	// eRPPS server, sent once this computer is signed in to one (the kiosk
	// keeps nothing).
	db.Replica = cfg.Mode != ModeKiosk
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

	signer, err := signing.LoadOrCreateKeyFile(ctx, filepath.Join(dir, signing.KeyFileName), db)
	if err != nil {
		return fail(err)
	}
	renderer, err := attestation.NewRenderer()
	if err != nil {
		return fail(err)
	}
	serverURL := cfg.ServerURL
	if serverURL == "" && cfg.Mode != ModeKiosk {
		if kept, err := loadServer(ctx, db); err == nil {
			serverURL = kept.URL
		}
	}
	verifier, _, stopRefresh, err := authorityVerifier(ctx, serverURL, db, signer, log)
	if err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, stopRefresh)
	a := New(ctx, Deps{
		Practitioners: db,
		Requests: &requests.Service{
			Practitioners: db, Requests: db, Structures: db, Catalog: catalog, Now: time.Now,
			Delivery: deliveryFor(cfg, db),
		},
		Attestations: &attestation.Issuer{
			Practitioners: db, Registry: db, Catalog: catalog, Signer: signer,
			Verifier: verifier, Renderer: renderer, Now: time.Now, RemoteAuthority: true,
		},
		Catalog: catalog,
		Dialogs: dialogsFor(cfg.Mode),
		Log:     log,
		Info: Info{Version: cfg.Version, Mode: cfg.Mode, DataDir: dir, Demo: cfg.Demo, SelfTest: cfg.SelfTest,
			ProSanteConnect: cfg.Mode != ModeKiosk},
		Sync:    syncDepsFor(cfg, db),
		OIDC:    oidcDepsFor(cfg),
		Mailbox: mailboxDepsFor(cfg, dir, db, log, &cleanups),
	})
	// The client stops before the store closes (cleanups run last first).
	cleanups = append(cleanups, a.sync.stop)
	if err := a.sync.start(ctx); err != nil {
		log.WithField("code", erpps.ErrorCode(err)).WithError(err).Warn("synchronisation not started")
	}
	cleanups = append(cleanups, a.mailbox.stop)
	if err := a.mailbox.start(ctx); err != nil {
		log.WithField("code", erpps.ErrorCode(err)).Warn("mailbox pickup not started")
	}
	// Closed once: by the desktop's OnShutdown, and by the caller.
	a.closeStore = sync.OnceValue(closeAll)
	return a, a.closeStore, nil
}

// openDataDir returns the data folder, created private and checked
// writable. The kiosk's is a new folder of its own, after erasing those that
// killed kiosks left; its erasure at exit is added to cleanups.
func openDataDir(cfg Config, cleanups *[]func() error) (string, error) {
	if cfg.Mode != ModeKiosk {
		dir, err := datadir.Resolve(cfg.DataDir, os.Getenv, os.UserConfigDir)
		if err != nil {
			return "", err
		}
		if err := datadir.Ensure(dir); err != nil {
			return "", err
		}
		return dir, datadir.CheckWritable(dir)
	}
	if cfg.DataDir != "" {
		return "", ErrKioskDataDir
	}
	tmp := cfg.TempDir
	if tmp == "" {
		tmp = os.TempDir()
	}
	// Leftovers of killed kiosks: a failure to erase one does not stop this
	// kiosk, which has its own folder.
	swept, sweepErr := datadir.SweepKiosks(tmp)
	k, err := datadir.CreateKiosk(tmp)
	if err != nil {
		return "", err
	}
	*cleanups = append(*cleanups, k.Close)
	if swept > 0 || sweepErr != nil {
		fmt.Fprintf(stderrOf(cfg), "erpps: borne : %d dossier(s) laissé(s) par une borne interrompue effacé(s)%s\n", swept, errSuffix(sweepErr))
	}
	return k.Dir, datadir.CheckWritable(k.Dir)
}

func stderrOf(cfg Config) io.Writer {
	if cfg.Stderr == nil {
		return io.Discard
	}
	return cfg.Stderr
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return " (certains n'ont pas pu l'être : " + err.Error() + ")"
}

// syncDepsFor connects the desktop and browser mode to the eRPPS server; the
// kiosk keeps nothing and is never connected.
func syncDepsFor(cfg Config, db *sqlite.DB) *SyncDeps {
	if cfg.Mode == ModeKiosk {
		return nil
	}
	return &SyncDeps{Settings: db, Replica: db, Requests: db, URL: cfg.ServerURL, CAFile: cfg.ServerCA, NewClient: newSyncClient(db)}
}

// oidcDepsFor is the practitioners' login with Pro Santé Connect; the kiosk
// keeps no token and has none.
func oidcDepsFor(cfg Config) *OIDCDeps {
	if cfg.Mode == ModeKiosk {
		return nil
	}
	d := &OIDCDeps{Issuer: cfg.PSCIssuer, New: newOIDCClient}
	if cfg.Mode == ModeDesktop {
		d.OpenURL = wailsOpenURL
	}
	return d
}

// secretsKeyFile is the key of the secrets sealed in the store when the
// system has no keychain: beside the store, never inside it.
const secretsKeyFile = "secrets.key"

// mailboxDepsFor connects the desktop and browser mode to the cabinet's
// mailbox; the kiosk keeps nothing.
func mailboxDepsFor(cfg Config, dir string, db *sqlite.DB, log *logrus.Logger, cleanups *[]func() error) *MailboxDeps {
	if cfg.Mode == ModeKiosk {
		return nil
	}
	// The keychain is looked for on the session bus when the mailbox first
	// needs it (its page, a password to keep, a kept account to follow),
	// not at every start.
	secrets := &secretstore.Lazy{
		KeyPath: filepath.Join(dir, secretsKeyFile), Settings: db,
		Opened: func(s secretstore.Secrets, why string) {
			if why != "" {
				log.WithField("where", s.Where()).Info("secrets sealed in the store: no system keychain")
			}
		},
	}
	*cleanups = append(*cleanups, secrets.Close)
	return &MailboxDeps{
		Store: db, Records: db, Secrets: secrets, Now: time.Now,
		ServerURL: func(ctx context.Context) string {
			if kept, err := loadServer(ctx, db); err == nil && kept.URL != "" {
				return kept.URL
			}
			return cfg.ServerURL
		},
	}
}

// deliveryFor tells the requests service which transmissions the server has;
// the kiosk keeps no mutation and is never connected.
func deliveryFor(cfg Config, db *sqlite.DB) requests.Delivery {
	if cfg.Mode == ModeKiosk {
		return nil
	}
	return serverDelivery{Settings: db, Pending: db}
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
