package app

import (
	"encoding/base64"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/mailbox"
)

// activationCodeLifetime is an e-mailed activation code's (the server's
// rule: 30 minutes).
const activationCodeLifetime = 30 * time.Minute

// errNoMailbox refuses the mailbox's methods where none can be connected.
var errNoMailbox = erpps.Errorf(erpps.EUNAVAILABLE, "La boîte aux lettres du cabinet ne peut pas être reliée dans ce mode.")

// msgMailboxSecretaryOnly refuses the cabinet's mailbox to a practitioner
// signed in.
const msgMailboxSecretaryOnly = "La boîte aux lettres du cabinet est réservée au secrétariat : vous êtes connecté en tant que professionnel. " +
	"Déconnectez-vous pour laisser la place au secrétariat."

// mayUseMailbox tells whether the cabinet's mailbox may be used now: by a
// secretary signed in, or on a desktop with nobody signed in (the
// cabinet's local use); never by a practitioner signed in (Pro Santé
// Connect or their account's password), who sees only their own record.
func (a *App) mayUseMailbox() error {
	if actor, ok := a.sync.actor(); ok && actor.Role != erpps.RoleSecretary {
		return erpps.Errorf(erpps.EFORBIDDEN, msgMailboxSecretaryOnly)
	}
	return nil
}

// MailFindingView is an e-mail filed, as the secretary's page shows it.
type MailFindingView struct {
	erpps.MailFinding
	// PractitionerName is « Prénom NOM » of the practitioner it is for.
	PractitionerName string `json:"practitionerName"`
	// ExpiresAt is when an activation code stops working; Expired tells
	// whether it has.
	ExpiresAt *time.Time `json:"expiresAt,omitempty"`
	Expired   bool       `json:"expired"`
}

// CompanionLink is « Transmettre au téléphone »: the phone companion's
// address with the identifier and code, and its QR code (PNG, base64).
type CompanionLink struct {
	URL       string `json:"url"`
	QRCodePNG string `json:"qrCodePng"`
}

// MailboxStatus returns the « Boîte aux lettres du cabinet » page's state.
func (a *App) MailboxStatus() (*MailboxState, error) {
	if err := a.mayUseMailbox(); err != nil {
		return nil, err
	}
	return a.mailbox.state(a.ctx)
}

// ConnectMailbox connects the cabinet's mailbox (IMAP over TLS): the
// account is checked first, then kept (the password in the keychain or
// sealed, never in plain text in the store) and followed from now on.
func (a *App) ConnectMailbox(in MailboxSignIn) (*MailboxState, error) {
	if err := a.mayUseMailbox(); err != nil {
		return nil, err
	}
	m := a.mailbox
	if !m.available() {
		return nil, errNoMailbox
	}
	in.Host, in.Username, in.Folder = strings.TrimSpace(in.Host), strings.TrimSpace(in.Username), strings.TrimSpace(in.Folder)
	if in.Port == 0 {
		in.Port = 993
	}
	var fields []erpps.FieldError
	if in.Host == "" {
		fields = append(fields, erpps.FieldError{Field: "host", Code: "required", Message: "Saisissez le serveur IMAP (par exemple imap.example.org)."})
	} else if strings.ContainsAny(in.Host, " \t/:") {
		fields = append(fields, erpps.FieldError{Field: "host", Code: "invalid", Message: "Saisissez le nom du serveur seul, sans « imaps:// » ni port (par exemple imap.example.org)."})
	}
	if in.Port < 1 || in.Port > 65535 {
		fields = append(fields, erpps.FieldError{Field: "port", Code: "invalid", Message: "Le port est un nombre de 1 à 65535 (993 pour IMAP sur TLS)."})
	}
	if in.Username == "" {
		fields = append(fields, erpps.FieldError{Field: "username", Code: "required", Message: "Saisissez l'identifiant de la boîte aux lettres."})
	}
	if in.Password == "" {
		fields = append(fields, erpps.FieldError{Field: "password", Code: "required", Message: "Saisissez le mot de passe de la boîte aux lettres."})
	}
	if len(fields) > 0 {
		return nil, erpps.Invalid("Complétez les informations de connexion de la boîte aux lettres.", fields...)
	}
	kept := &erpps.MailboxAccount{Host: in.Host, Port: in.Port, Username: in.Username, Folder: in.Folder, UpdatedAt: a.mailboxNow()}
	acc := m.account(kept, in.Password)
	if err := mailbox.Check(a.ctx, acc); err != nil {
		return nil, err
	}
	if err := m.deps.Secrets.Set(a.ctx, secretMailbox, []byte(in.Password)); err != nil {
		return nil, err
	}
	if err := m.deps.Store.SaveMailboxAccount(a.ctx, kept); err != nil {
		return nil, err
	}
	m.run(a.base, acc)
	return m.state(a.ctx)
}

// DisconnectMailbox stops following the mailbox and forgets its account and
// password; the e-mails already filed stay.
func (a *App) DisconnectMailbox() (*MailboxState, error) {
	if err := a.mayUseMailbox(); err != nil {
		return nil, err
	}
	m := a.mailbox
	if !m.available() {
		return nil, errNoMailbox
	}
	_ = m.stop()
	if err := m.deps.Secrets.Delete(a.ctx, secretMailbox); err != nil && erpps.ErrorCode(err) != erpps.ENOTFOUND {
		return nil, err
	}
	if err := m.deps.Store.DeleteMailboxAccount(a.ctx); err != nil {
		return nil, err
	}
	m.emit()
	return m.state(a.ctx)
}

// ListMailFindings lists the e-mails filed, newest first: the activation
// codes against their practitioner, the decisions against their request.
// Activation codes past their validity are dropped first.
func (a *App) ListMailFindings(filter erpps.MailFindingFilter) ([]MailFindingView, error) {
	if err := a.mayUseMailbox(); err != nil {
		return nil, err
	}
	m := a.mailbox
	if !m.available() {
		return []MailFindingView{}, nil
	}
	now := a.mailboxNow()
	if err := a.purgeExpiredCodes(now); err != nil {
		return nil, err
	}
	list, err := m.deps.Store.ListMailFindings(a.ctx, filter)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	out := make([]MailFindingView, 0, len(list))
	for _, f := range list {
		v := MailFindingView{MailFinding: f}
		name, ok := names[f.RPPS]
		if !ok {
			if p, err := m.deps.Records.FindPractitionerByRPPS(a.ctx, f.RPPS); err == nil {
				name = strings.TrimSpace(p.FirstName + " " + strings.ToUpper(p.ExerciseName))
			}
			names[f.RPPS] = name
		}
		v.PractitionerName = name
		if f.Kind == erpps.MailActivationCode {
			exp := f.ReceivedAt.Add(activationCodeLifetime)
			v.ExpiresAt, v.Expired = &exp, !now.Before(exp)
		}
		out = append(out, v)
	}
	return out, nil
}

// CompanionLinkFor is « Transmettre au téléphone » for an activation code
// filed (and still valid): the companion's address on the eRPPS server and
// its QR code.
func (a *App) CompanionLinkFor(findingID string) (*CompanionLink, error) {
	if err := a.mayUseMailbox(); err != nil {
		return nil, err
	}
	m := a.mailbox
	if !m.available() {
		return nil, errNoMailbox
	}
	if err := a.purgeExpiredCodes(a.mailboxNow()); err != nil {
		return nil, err
	}
	list, err := m.deps.Store.ListMailFindings(a.ctx, erpps.MailFindingFilter{})
	if err != nil {
		return nil, err
	}
	for _, f := range list {
		if f.ID != findingID || f.Kind != erpps.MailActivationCode {
			continue
		}
		server := ""
		if m.deps.ServerURL != nil {
			server = m.deps.ServerURL(a.ctx)
		}
		link, err := mailbox.CompanionURL(server, identifiers.IDNPSFromRPPS(f.RPPS), f.Code)
		if err != nil {
			return nil, err
		}
		png, err := mailbox.QRCodePNG(link)
		if err != nil {
			return nil, err
		}
		return &CompanionLink{URL: link, QRCodePNG: base64.StdEncoding.EncodeToString(png)}, nil
	}
	return nil, erpps.NotFound("Ce code d'activation n'est plus dans la boîte aux lettres du cabinet.")
}

// purgeExpiredCodes drops the activation codes filed past their validity:
// they serve no one (decisions are kept).
func (a *App) purgeExpiredCodes(now time.Time) error {
	_, err := a.mailbox.deps.Store.PurgeMailActivationCodes(a.ctx, now.Add(-activationCodeLifetime))
	return err
}

func (a *App) mailboxNow() time.Time {
	if a.mailbox != nil && a.mailbox.deps != nil && a.mailbox.deps.Now != nil {
		return a.mailbox.deps.Now()
	}
	return time.Now()
}
