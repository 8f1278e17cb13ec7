// Command erpps-server is the eRPPS server: the register, its HTTP JSON API
// under /api/v1 and the ARS back office in the browser, on an embedded SQLite
// file by default (--data) or on PostgreSQL (--database). Pure Go
// (CGO_ENABLED=0), for headless Linux.
//
//	erpps-server serve [--addr 127.0.0.1:8443] [--data DIR | --database postgres://...]
//	erpps-server migrate    [--data DIR | --database ...]
//	erpps-server seed-demo  [--data DIR | --database ...]
//	erpps-server keys list|rotate [--signing-key-file FILE]
//	erpps-server version
//
// Every flag --some-name is also the environment variable
// ERPPS_SERVER_SOME_NAME; the authority's signing key may be given whole in
// ERPPS_SERVER_SIGNING_KEY (PEM text).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"erpps/backend/erpps"
)

// version is set at build time (-ldflags "-X main.version=...").
var version = "dev"

const usage = `Utilisation : erpps-server <commande> [options]

Commandes :
  serve       démarre le serveur (API /api/v1 et espace ARS sur /)
  migrate     crée ou met à jour la base de données, puis s'arrête
  seed-demo   ajoute les données de démonstration à une base vide et affiche comment se connecter
  keys list   affiche les clés de signature de l'autorité
  keys rotate remplace la clé de signature en gardant les anciennes clés publiques
  version     affiche la version

« erpps-server <commande> -h » décrit les options ; chaque option --un-nom
est aussi la variable d'environnement ERPPS_SERVER_UN_NOM.
`

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// run runs the subcommand of args and returns the exit code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		err = serveCommand(ctx, rest, getenv, stdout, stderr)
	case "migrate":
		err = migrateCommand(ctx, rest, getenv, stdout, stderr)
	case "seed-demo":
		err = seedCommand(ctx, rest, getenv, stdout, stderr)
	case "keys":
		err = keysCommand(rest, getenv, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "erpps-server %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "erpps-server : commande inconnue %q\n\n%s", cmd, usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "erpps-server : %s\n", message(err))
		return 1
	}
	return 0
}

// message is what the operator reads of err: the French message of an
// erpps error with its cause, the error itself otherwise.
func message(err error) string {
	var e *erpps.Error
	if errors.As(err, &e) && e.Message != "" {
		if e.Err != nil {
			return e.Message + " (" + e.Err.Error() + ")"
		}
		return e.Message
	}
	return err.Error()
}
