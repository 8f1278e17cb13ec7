package main

import (
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/mail"
	"erpps/backend/messages"
	"erpps/backend/otp"
	"erpps/backend/secretfile"
	"erpps/backend/sms"
)

// The secrets of delivery come from the environment or a file, never from a
// flag (a command line is visible to every user of the machine).
const (
	envSMTPPassword     = "ERPPS_SMTP_PASSWORD"
	envSMSGatewaySecret = "ERPPS_SMS_GATEWAY_SECRET"
	envCodeKey          = envPrefix + "CODE_KEY" // 64 hex digits
	codeKeyFileName     = "code-key"
	defaultMailFrom     = "eRPPS <no-reply@erpps.invalid>"
)

// deliveryConfig is how the server sends e-mails and SMS, and the key of
// its one-time codes.
type deliveryConfig struct {
	SMTPAddr         string
	SMTPSecurity     string
	SMTPUser         string
	SMTPPasswordFile string
	SMTPPassword     string // from ERPPS_SMTP_PASSWORD (wins over the file)
	SMTPCAFile       string // PEM roots trusted for the SMTP server, beside the system's
	MailFrom         string
	SMSGatewayURL    string
	SMSGatewayUser   string
	SMSGatewaySecret string // from ERPPS_SMS_GATEWAY_SECRET
	SMSBodyTemplate  string
	SMSContentType   string
	OutboxDir        string // development: messages written as files instead of sent
	CodeKeyFile      string
	CodeKey          string // from ERPPS_SERVER_CODE_KEY (wins over the file)
}

// deliveryFlags adds serve's flags of the e-mails, SMS and codes.
func (f *flagSet) deliveryFlags(c *config) {
	d := &c.Delivery
	f.string(&d.SMTPAddr, "smtp-addr", "", "serveur SMTP des e-mails (hôte:port) ; sans lui ni --outbox-dir, aucun e-mail n'est envoyé")
	f.string(&d.SMTPSecurity, "smtp-security", mail.SecurityStartTLS, "sécurité de la connexion SMTP : none, starttls ou tls (TLS implicite, port 465)")
	f.string(&d.SMTPUser, "smtp-user", "", "identifiant SMTP (AUTH PLAIN) ; le mot de passe vient de "+envSMTPPassword+" ou de --smtp-password-file")
	f.string(&d.SMTPPasswordFile, "smtp-password-file", "", "fichier du mot de passe SMTP (sinon "+envSMTPPassword+")")
	f.string(&d.SMTPCAFile, "smtp-ca-file", "", "certificats (PEM) d'autorité reconnus pour le serveur SMTP, en plus de ceux du système")
	f.string(&d.MailFrom, "mail-from", "", "expéditeur des e-mails, par exemple « eRPPS <no-reply@ars.example> »")
	f.string(&d.SMSGatewayURL, "sms-gateway-url", "", "adresse (https) de la passerelle SMS ; sans elle ni --outbox-dir, aucun SMS n'est envoyé")
	f.string(&d.SMSGatewayUser, "sms-gateway-user", "", "identifiant de la passerelle SMS (authentification basique) ; le secret vient de "+envSMSGatewaySecret+" (sans identifiant : jeton « Bearer »)")
	f.string(&d.SMSBodyTemplate, "sms-body-template", sms.DefaultTemplate, "corps envoyé à la passerelle (modèle Go : {{json .To}}, {{json .Text}}, {{urlquery .Text}})")
	f.string(&d.SMSContentType, "sms-content-type", "application/json", "type du corps envoyé à la passerelle SMS")
	f.string(&d.OutboxDir, "outbox-dir", "", "développement : écrit les e-mails (<dossier>/mail/*.eml) et SMS (<dossier>/sms/*.txt) dans ce dossier au lieu de les envoyer")
	f.string(&d.CodeKeyFile, "code-key-file", "", "fichier de la clé des codes à usage unique (par défaut <data>/"+codeKeyFileName+", créé au premier démarrage ; ou la clé elle-même, 64 chiffres hexadécimaux, dans "+envCodeKey+")")
}

// parseDelivery completes the delivery configuration after the flags: the
// secrets from the environment or their files, the defaults, the checks.
func parseDelivery(c *config, getenv func(string) string) error {
	d := &c.Delivery
	d.SMTPPassword = getenv(envSMTPPassword)
	d.SMSGatewaySecret = getenv(envSMSGatewaySecret)
	d.CodeKey = getenv(envCodeKey)
	if d.CodeKeyFile == "" {
		d.CodeKeyFile = filepath.Join(c.Data, codeKeyFileName)
	}
	if d.SMTPPassword == "" && d.SMTPPasswordFile != "" {
		text, err := readSecretFile(d.SMTPPasswordFile)
		if err != nil {
			return fmt.Errorf("mot de passe SMTP illisible (%s) : %w", d.SMTPPasswordFile, err)
		}
		d.SMTPPassword = text
	}
	if d.SMTPUser != "" && d.SMTPPassword == "" {
		return fmt.Errorf("--smtp-user demande un mot de passe : dans %s ou --smtp-password-file", envSMTPPassword)
	}
	if d.SMTPAddr != "" && d.MailFrom == "" {
		return fmt.Errorf("--smtp-addr demande --mail-from (l'expéditeur des e-mails)")
	}
	if d.MailFrom == "" {
		d.MailFrom = defaultMailFrom
	}
	return nil
}

// readSecretFile reads a secret kept in a file only its owner may read, its
// last line end dropped.
func readSecretFile(path string) (string, error) {
	b, err := secretfile.Read(path, 1<<16)
	if errors.Is(err, secretfile.ErrReadableByOthers) {
		return "", fmt.Errorf("le fichier est lisible par d'autres comptes : chmod 600 %s", path)
	}
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// delivery is what the server sends with.
type delivery struct {
	sender messages.Router
	codes  *otp.Issuer
	// describe says, for the operator, where e-mails and SMS go.
	describe string
}

// newDelivery builds the senders and the code issuer on st.
func newDelivery(c *config, st erpps.OneTimeCodeStore, now func() time.Time, log *slog.Logger) (*delivery, error) {
	d := c.Delivery
	if d.MailFrom == "" {
		d.MailFrom = defaultMailFrom
	}
	if d.CodeKeyFile == "" {
		d.CodeKeyFile = filepath.Join(c.Data, codeKeyFileName)
	}
	var r messages.Router
	var where []string
	switch {
	case d.SMTPAddr != "":
		s := &mail.SMTP{Addr: d.SMTPAddr, Security: d.SMTPSecurity, Username: d.SMTPUser, Password: d.SMTPPassword,
			From: d.MailFrom, Now: now}
		if d.SMTPCAFile != "" {
			pool, err := x509.SystemCertPool()
			if err != nil {
				pool = x509.NewCertPool()
			}
			pem, err := os.ReadFile(d.SMTPCAFile)
			if err != nil || !pool.AppendCertsFromPEM(pem) {
				return nil, fmt.Errorf("certificats d'autorité SMTP illisibles (%s)", d.SMTPCAFile)
			}
			s.TLSConfig = &tls.Config{RootCAs: pool}
		}
		if err := s.Check(); err != nil {
			return nil, fmt.Errorf("configuration SMTP : %w", err)
		}
		r.Email = s
		where = append(where, "e-mails par SMTP "+d.SMTPAddr+" ("+d.SMTPSecurity+")")
	case d.OutboxDir != "":
		r.Email = &mail.Folder{Dir: filepath.Join(d.OutboxDir, "mail"), From: d.MailFrom, Now: now}
		where = append(where, "e-mails dans "+filepath.Join(d.OutboxDir, "mail"))
	}
	switch {
	case d.SMSGatewayURL != "":
		g := &sms.Gateway{URL: d.SMSGatewayURL, Username: d.SMSGatewayUser, Secret: d.SMSGatewaySecret,
			Template: d.SMSBodyTemplate, ContentType: d.SMSContentType}
		if err := g.Check(); err != nil {
			return nil, fmt.Errorf("configuration de la passerelle SMS : %w", err)
		}
		r.SMS = g
		where = append(where, "SMS par la passerelle")
	case d.OutboxDir != "":
		r.SMS = &sms.Folder{Dir: filepath.Join(d.OutboxDir, "sms"), Now: now}
		where = append(where, "SMS dans "+filepath.Join(d.OutboxDir, "sms"))
	}
	key, err := loadCodeKey(d)
	if err != nil {
		return nil, err
	}
	if len(where) == 0 {
		where = append(where, "aucun envoi d'e-mail ni de SMS configuré")
	}
	// Over the network, a delivery takes a while that a decoy would not:
	// the codes go out in the background so that an ask takes the same
	// time whether the identifier is known or not. The development folders
	// write at once (and tests read them right after the reply).
	background := d.SMTPAddr != "" || d.SMSGatewayURL != ""
	return &delivery{sender: r, describe: strings.Join(where, " ; "),
		codes: &otp.Issuer{Store: st, Key: key, Sender: r, Now: now, Log: log, Background: background}}, nil
}

// loadCodeKey returns the key of the one-time codes: from the environment,
// or from its file (mode 0600), created with a new random key the first
// time. Servers sharing one database must share the key.
func loadCodeKey(d deliveryConfig) ([]byte, error) {
	if d.CodeKey != "" {
		key, err := hex.DecodeString(strings.TrimSpace(d.CodeKey))
		if err != nil || len(key) < otp.MinKeyBytes {
			return nil, fmt.Errorf("%s doit contenir %d chiffres hexadécimaux au moins", envCodeKey, 2*otp.MinKeyBytes)
		}
		return key, nil
	}
	text, _, err := secretfile.ReadOrCreate(d.CodeKeyFile, 1<<10, newCodeKey)
	if errors.Is(err, secretfile.ErrReadableByOthers) {
		err = fmt.Errorf("le fichier est lisible par d'autres comptes : chmod 600 %s", d.CodeKeyFile)
	}
	if err != nil {
		return nil, fmt.Errorf("clé des codes à usage unique illisible (%s) : %w", d.CodeKeyFile, err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(text)))
	if err != nil || len(key) < otp.MinKeyBytes {
		return nil, fmt.Errorf("la clé des codes à usage unique (%s) doit contenir %d chiffres hexadécimaux au moins", d.CodeKeyFile, 2*otp.MinKeyBytes)
	}
	return key, nil
}

// newCodeKey is a new random key for the one-time codes, as its file holds
// it (hexadecimal, one line).
func newCodeKey() ([]byte, error) {
	key := make([]byte, otp.MinKeyBytes)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	return []byte(hex.EncodeToString(key) + "\n"), nil
}
