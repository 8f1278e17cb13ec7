package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"erpps/backend/oidcprovider"
	"erpps/backend/signing"
)

// envPrefix names the environment variables configuring the server: each
// flag --some-name is also ERPPS_SERVER_SOME_NAME (the flag wins).
const envPrefix = "ERPPS_SERVER_"

// envSigningKey holds the authority key's PEM text itself (never a flag: a
// command line is visible to every user of the machine).
const envSigningKey = envPrefix + "SIGNING_KEY"

// envOIDCKey holds the OpenID provider's signing key PEM itself (never a flag).
const envOIDCKey = envPrefix + "OIDC_KEY"

// sqliteFileName is the store's file in the data folder.
const sqliteFileName = "erpps-server.db"

// config is the server's configuration, from flags and environment.
type config struct {
	Addr string // serve: listening address
	// TLSCert and TLSKey are the server's certificate chain and key (PEM
	// files): serve answers HTTPS when both are set.
	TLSCert  string
	TLSKey   string
	Data     string // the data folder (SQLite store, authority key), the default store
	Database string // postgres://... : PostgreSQL instead of SQLite
	// SigningKeyFile is the authority key's file; SigningKeyPEM its PEM text
	// from the environment (which wins).
	SigningKeyFile string
	SigningKeyPEM  string
	// PublicURL is the server's public base URL, the OpenID provider's
	// issuer (serve: derived from the listening address when empty).
	PublicURL string
	// OIDCKeyFile is the OpenID provider's signing key file; OIDCKeyPEM its
	// PEM text from the environment (which wins).
	OIDCKeyFile     string
	OIDCKeyPEM      string
	ShutdownTimeout time.Duration // serve: how long in-flight requests may take to finish on SIGTERM
	JobsEvery       time.Duration // serve: how often expired complements are closed
	SessionTTL      time.Duration
	SyncRetention   time.Duration  // serve: how long the change log is kept (a desktop away longer resyncs)
	MaxBodyBytes    int            // serve: largest request body (0: the API's default)
	MaxSignIns      int            // serve: password checks at once (0: one per core)
	Delivery        deliveryConfig // serve: e-mails, SMS, the one-time codes' key
	// FranceConnect is serve's client of FranceConnect (primo-registration).
	FranceConnect franceConnectConfig
	// now is the clock (time.Now; tests set another).
	now func() time.Time
	// login completes the provider's logins (the e-CPS service; tests set
	// another); nil refuses every login.
	login oidcprovider.LoginCompleter
}

// flagSet is a subcommand's flags, each with its ERPPS_SERVER_* variable.
type flagSet struct {
	*flag.FlagSet
	getenv func(string) string
	errs   []string
}

func newFlagSet(name string, getenv func(string) string, stderr io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return &flagSet{FlagSet: fs, getenv: getenv}
}

// envName is the environment variable of flag name.
func envName(name string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

func (f *flagSet) string(p *string, name, def, usage string) {
	if v := f.getenv(envName(name)); v != "" {
		def = v
	}
	f.StringVar(p, name, def, usage+" ("+envName(name)+")")
}

func (f *flagSet) duration(p *time.Duration, name string, def time.Duration, usage string) {
	if v := f.getenv(envName(name)); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			f.errs = append(f.errs, fmt.Sprintf("%s=%q n'est pas une durée valide (par exemple 30s, 5m, 1h)", envName(name), v))
		} else {
			def = d
		}
	}
	f.DurationVar(p, name, def, usage+" ("+envName(name)+")")
}

func (f *flagSet) int(p *int, name string, def int, usage string) {
	if v := f.getenv(envName(name)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			f.errs = append(f.errs, fmt.Sprintf("%s=%q n'est pas un nombre entier positif", envName(name), v))
		} else {
			def = n
		}
	}
	f.IntVar(p, name, def, usage+" ("+envName(name)+")")
}

// storeFlags adds the flags choosing the store and the authority key.
func (f *flagSet) storeFlags(c *config) {
	f.string(&c.Data, "data", "erpps-server-data", "dossier des données : base SQLite (par défaut) et clé de signature")
	f.string(&c.Database, "database", "", "adresse PostgreSQL (postgres://...) au lieu de SQLite")
	f.string(&c.OIDCKeyFile, "oidc-key-file", "", "fichier de la clé de signature OpenID Connect (par défaut "+oidcprovider.KeyFileName+" à côté de la clé de l'autorité ; ou la clé elle-même dans "+envOIDCKey+")")
	f.string(&c.SigningKeyFile, "signing-key-file", "", "fichier de la clé de signature de l'autorité (par défaut <data>/"+signing.AuthorityFileName+" ; ou la clé elle-même dans "+envSigningKey+")")
}

// parse reads args; a bad environment variable or flag, or an argument left
// over, is an error.
func (f *flagSet) parse(args []string, c *config) error {
	if err := f.Parse(args); err != nil {
		return err
	}
	if len(f.errs) > 0 {
		return fmt.Errorf("%s", strings.Join(f.errs, " ; "))
	}
	if f.NArg() > 0 {
		return fmt.Errorf("argument inattendu : %q", f.Arg(0))
	}
	c.SigningKeyPEM = f.getenv(envSigningKey)
	c.OIDCKeyPEM = f.getenv(envOIDCKey)
	if c.SigningKeyFile == "" {
		c.SigningKeyFile = filepath.Join(c.Data, signing.AuthorityFileName)
	}
	if c.OIDCKeyFile == "" {
		c.OIDCKeyFile = filepath.Join(filepath.Dir(c.SigningKeyFile), oidcprovider.KeyFileName)
	}
	if c.Database != "" && !strings.HasPrefix(c.Database, "postgres://") && !strings.HasPrefix(c.Database, "postgresql://") {
		return fmt.Errorf("--database attend une adresse postgres://... (SQLite est le choix par défaut, avec --data)")
	}
	return nil
}
