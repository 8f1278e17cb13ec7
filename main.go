// Command erpps is eRPPS Desktop: the eRPPS portal for health professionals,
// offline first. With no subcommand it opens the desktop window; "erpps web"
// serves the same UI and methods to a browser; "--kiosk" runs a shared ARS
// office machine that keeps nothing afterwards.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"erpps/app"
	"erpps/backend/datadir"
	"erpps/frontend"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	mode := app.ModeDesktop
	if len(args) > 0 {
		switch args[0] {
		case "web":
			mode, args = app.ModeWeb, args[1:]
		case "version", "--version":
			fmt.Fprintln(stderr, "erpps", version)
			return 0
		}
	}
	fset := flag.NewFlagSet("erpps", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dataDir := fset.String("data", "", "dossier des données (défaut : $ERPPS_DATA, sinon le dossier de configuration de l'utilisateur)")
	addr := fset.String("addr", "127.0.0.1:8080", "adresse d'écoute du mode navigateur (erpps web)")
	kiosk := fset.Bool("kiosk", false, "borne d'accueil ARS : plein écran, aucune donnée conservée")
	noDemo := fset.Bool("no-demo", false, "ne pas créer de dossiers de démonstration au premier lancement")
	server := fset.String("server", os.Getenv("ERPPS_SERVER_URL"), "adresse du serveur eRPPS, proposée sur la page « Serveur eRPPS » pour la synchronisation ; les clés publiques de l'autorité en sont gardées pour vérifier les attestations hors ligne (défaut : $ERPPS_SERVER_URL)")
	serverCA := fset.String("server-ca", os.Getenv("ERPPS_SERVER_CA"), "fichier PEM de l'autorité de certification du serveur eRPPS, en plus de celles du système (défaut : $ERPPS_SERVER_CA)")
	pscIssuer := fset.String("psc-issuer", os.Getenv("ERPPS_PSC_ISSUER"), "fournisseur OpenID Connect de la connexion des professionnels (défaut : $ERPPS_PSC_ISSUER, sinon le serveur eRPPS ; Pro Santé Connect : https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet)")
	selfTest := fset.Bool("selftest", false, "vérifier les liaisons de l'interface de bureau, puis quitter (code 0 si tout va bien)")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if *kiosk && (*dataDir != "" || os.Getenv(datadir.EnvVar) != "") {
		// The kiosk erases its folder at exit: never one it was given.
		fmt.Fprintln(stderr, "erpps:", app.ErrKioskDataDir.Message)
		return 2
	}
	if *kiosk && mode == app.ModeDesktop {
		mode = app.ModeKiosk
	}
	if mode == app.ModeWeb {
		if err := app.CheckLoopback(*addr); err != nil {
			fmt.Fprintln(stderr, "erpps web:", app.UserMessage(err))
			return 2
		}
	}
	assets, err := frontend.Dist()
	if err != nil {
		fmt.Fprintln(stderr, "erpps:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	a, closeApp, err := app.Open(ctx, app.Config{
		DataDir:   *dataDir,
		Mode:      mode,
		Demo:      !*noDemo,
		SelfTest:  *selfTest && mode != app.ModeWeb,
		Version:   version,
		Stderr:    stderr,
		ServerURL: *server,
		ServerCA:  *serverCA,
		PSCIssuer: *pscIssuer,
	})
	if err != nil {
		fmt.Fprintln(stderr, "erpps:", app.UserMessage(err))
		if mode != app.ModeWeb && !*selfTest {
			// Launched from the menu, nobody reads stderr: a window and
			// the native error dialog say it, until the user closes it.
			if derr := app.ShowStartupError(app.UserMessage(err)); derr != nil {
				fmt.Fprintln(stderr, "erpps:", derr)
			}
		}
		return 1
	}
	defer closeApp()

	if mode == app.ModeWeb {
		if err := serveWeb(ctx, a, assets, *addr, stderr); err != nil {
			fmt.Fprintln(stderr, "erpps web:", err)
			return 1
		}
		return 0
	}
	if err := app.RunDesktop(a, assets, mode == app.ModeKiosk); err != nil {
		fmt.Fprintln(stderr, "erpps:", err)
		return 1
	}
	if *selfTest && !app.SelfTestPassed(a) {
		fmt.Fprintln(stderr, "erpps: l'auto-test de l'interface a échoué (voir erpps.log)")
		return 1
	}
	return 0
}

// serveWeb serves browser mode until ctx is canceled.
func serveWeb(ctx context.Context, a *app.App, assets fs.FS, addr string, stderr io.Writer) error {
	auth, err := app.NewWebAuth()
	if err != nil {
		return err
	}
	handler, err := app.NewHTTPHandler(a, assets, auth)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("unable to listen on %s: %w", addr, err)
	}
	srv := app.NewWebServer(handler)
	// The address to open holds the run's secret: printed here only, never
	// logged.
	fmt.Fprintf(stderr, "erpps web: %s\n", auth.OpenURL(ln.Addr()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
		// Requests in flight get a moment to finish (every write is one
		// SQLite transaction: cutting one leaves the store consistent). A
		// browser's pre-opened connections that never sent a request keep
		// Shutdown waiting, so they are closed after that moment.
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); errors.Is(err, context.DeadlineExceeded) {
			return srv.Close()
		} else if err != nil {
			return err
		}
		return nil
	}
}
