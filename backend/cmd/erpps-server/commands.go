package main

import (
	"context"
	"encoding/json"
	"erpps/backend/oidcprovider"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"erpps/backend/auth"
	"erpps/backend/refdata"
	"erpps/backend/serverdemo"
	"erpps/backend/signing"
)

// migrateCommand creates or updates the store's schema (opening a store
// applies its migrations), then stops.
func migrateCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("migrate", getenv, stderr)
	fs.storeFlags(&c)
	if err := fs.parse(args, &c); err != nil {
		return err
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Base à jour (%s).\n", storeLabel(&c))
	return nil
}

// seedCommand adds the demo data and prints how to sign in.
func seedCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("seed-demo", getenv, stderr)
	fs.storeFlags(&c)
	asJSON := fs.Bool("json", false, "écrit le résultat en JSON (pour les scripts et les tests)")
	if err := fs.parse(args, &c); err != nil {
		return err
	}
	cat, err := refdata.Load()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := (&serverdemo.Seeder{Store: st, Catalog: cat, Hash: auth.HashPassword, Now: time.Now}).Seed(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		printSeed(stdout, res)
	}
	return st.Close()
}

func printSeed(w io.Writer, res *serverdemo.Result) {
	if res.Practitioners+res.Accounts+res.Requests == 0 {
		fmt.Fprintln(w, "Les données de démonstration étaient déjà là : rien d'ajouté.")
	} else {
		fmt.Fprintf(w, "Données de démonstration ajoutées : %d professionnels, %d comptes, %d demandes transmises.\n", res.Practitioners, res.Accounts, res.Requests)
	}
	fmt.Fprintln(w, "\nComptes de démonstration (mots de passe de démonstration, jamais pour de vraies données) :")
	fmt.Fprintln(w, "\nAgents ARS (identifiant / mot de passe), un par région :")
	for _, a := range res.Agents {
		queue := ""
		if n := res.Queues[a.Region]; n > 0 {
			queue = fmt.Sprintf(" — %d demande(s) ajoutée(s) à sa file", n)
		}
		fmt.Fprintf(w, "  %-24s %-16s %s%s\n", a.Login, a.Password, a.ARS, queue)
	}
	fmt.Fprintln(w, "\nProfessionnels (identifiant = numéro RPPS / mot de passe) :")
	for _, p := range res.Professionals {
		fmt.Fprintf(w, "  %-24s %-16s %s\n", p.Login, p.Password, p.Name)
	}
	if len(res.Secretaries) > 0 {
		fmt.Fprintln(w, "\nSecrétariat (identifiant / mot de passe), sous mandat du professionnel indiqué :")
		for _, s := range res.Secretaries {
			fmt.Fprintf(w, "  %-24s %-16s %s, mandat de %s\n", s.Login, s.Password, s.Name, s.RPPS)
		}
	}
	fmt.Fprintln(w, "\nDémarrez le serveur (erpps-server serve), ouvrez son adresse dans un navigateur et connectez-vous avec l'un de ces comptes.")
}

// keysCommand lists or rotates the authority's signing keys.
func keysCommand(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "rotate") {
		return fmt.Errorf("utilisation : erpps-server keys list|rotate [--signing-key-file FICHIER | --data DOSSIER]")
	}
	var c config
	flags := newFlagSet("keys "+args[0], getenv, stderr)
	flags.storeFlags(&c)
	if err := flags.parse(args[1:], &c); err != nil {
		return err
	}
	var a *signing.Authority
	var err error
	switch {
	case args[0] == "list" && c.SigningKeyPEM != "":
		a, err = signing.ParseAuthority([]byte(c.SigningKeyPEM))
	case args[0] == "list":
		a, err = signing.LoadAuthorityFile(c.SigningKeyFile)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("aucune clé de signature dans %s : créez-la avec « erpps-server keys rotate »", c.SigningKeyFile)
		}
	case c.SigningKeyPEM != "":
		// The key lives in the environment: the new text is printed for
		// the operator to put there; nothing is written.
		old, perr := signing.ParseAuthority([]byte(c.SigningKeyPEM))
		if perr != nil {
			return perr
		}
		if a, err = old.Rotated(); err != nil {
			return err
		}
		text, err := a.MarshalPEM()
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "Nouvelle clé %s : remplacez le contenu de %s par le texte ci-dessous, puis redémarrez les serveurs.\n", a.KeyID(), envSigningKey)
		_, err = stdout.Write(text)
		return err
	default:
		if err := os.MkdirAll(filepath.Dir(c.SigningKeyFile), 0o700); err != nil {
			return fmt.Errorf("impossible de créer le dossier de la clé de signature : %w", err)
		}
		a, err = signing.RotateAuthorityFile(c.SigningKeyFile)
		if err == nil && c.OIDCKeyPEM == "" {
			// The OpenID provider's key is created beside it the first time
			// (kept afterwards: rotating it would log every desktop out).
			_, err = oidcprovider.LoadOrCreateKeyFile(c.OIDCKeyFile)
		}
		if err == nil {
			fmt.Fprintf(stdout, "Nouvelle clé de signature %s dans %s ; redémarrez les serveurs pour qu'ils signent avec elle.\n", a.KeyID(), c.SigningKeyFile)
		}
	}
	if err != nil {
		return err
	}
	for _, k := range a.PublicKeys() {
		state := "ancienne, garde la vérification de ce qu'elle a signé"
		if k.Current {
			state = "actuelle, signe les attestations"
		}
		fmt.Fprintf(stdout, "%s  %s  (%s)\n", k.KeyID, strings.ToLower(k.Algorithm), state)
	}
	return nil
}
