package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"erpps/backend/erpps"
)

// errNoServer refuses a sync method where no server can be configured.
var errNoServer = erpps.Errorf(erpps.EUNAVAILABLE, "Ce poste ne peut pas être relié à un serveur eRPPS dans ce mode.")

// ServerSettings returns the « Serveur eRPPS » page: the server's address
// and CA file (kept, else those of --server and --server-ca), the account
// this computer is signed in with, and where the synchronisation stands.
func (a *App) ServerSettings() (*ServerSettings, error) {
	m := a.sync
	if !m.available() {
		return &ServerSettings{State: SyncState{State: SyncLocal}}, nil
	}
	s, state, _ := m.settings()
	out := &ServerSettings{URL: s.URL, CAFile: s.CAFile, Available: true, Account: accountOf(s.Account), SignedInAt: s.SignedInAt, State: state}
	if s.Account != nil {
		out.Method = s.Method
		if out.Method == "" {
			out.Method = methodPassword
		}
	}
	if out.URL == "" {
		out.URL, out.CAFile = m.deps.URL, m.deps.CAFile
	}
	return out, nil
}

// ConnectServer signs this computer in to the eRPPS server with a login and
// a password: the device's token is kept in the store (never shown, never
// logged), the local changes start going to the server and the server
// account acts from now on (a secretary as themself on the practitioner's
// record).
func (a *App) ConnectServer(in ServerSignIn) (*ServerSettings, error) {
	m := a.sync
	if !m.available() {
		return nil, errNoServer
	}
	// Every field wrong is told at once: the address's problem with the others.
	var missing []erpps.FieldError
	base, err := checkServerURL(in.URL)
	var bad *erpps.Error
	if errors.As(err, &bad) {
		missing = append(missing, bad.Fields...)
	} else if err != nil {
		return nil, err
	}
	if in.Login == "" {
		missing = append(missing, erpps.FieldError{Field: "login", Code: "required", Message: "Saisissez votre identifiant."})
	}
	if in.Password == "" {
		missing = append(missing, erpps.FieldError{Field: "password", Code: "required", Message: "Saisissez votre mot de passe."})
	}
	if len(missing) > 0 {
		return nil, erpps.Invalid("Complétez les informations de connexion au serveur.", missing...)
	}
	hc, err := m.httpClient(in.CAFile)
	if err != nil {
		return nil, err
	}
	acct, token, err := signInToServer(a.ctx, hc, base, in.Login, in.Password)
	if err != nil {
		return nil, err
	}
	ctx := context.WithoutCancel(a.ctx) // signed in on the server: keep it
	// The outbox belongs to one account of one server: another one starts
	// a new client (id, cursor, numbering), the previous account's changes
	// set aside and shown, never sent under this one. The running client
	// stops first: it must not push the previous account's changes now.
	m.halt()
	if m.deps.Replica != nil {
		switched, err := m.deps.Replica.BindAccount(ctx, base+" "+acct.ID)
		if err != nil {
			return nil, err
		}
		if switched && a.deps.Log != nil {
			a.deps.Log.Info("another server account: a new sync client, the previous account's changes set aside")
		}
	}
	if err := m.deps.Settings.SetSetting(ctx, settingServerToken, []byte(token)); err != nil {
		return nil, err
	}
	if err := m.deps.Settings.DeleteSetting(ctx, settingServerRefresh); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	s := storedServer{URL: base, CAFile: in.CAFile, Account: acct, SignedInAt: &now, Method: methodPassword}
	if err := saveServer(ctx, m.deps.Settings, &s); err != nil {
		return nil, err
	}
	m.keep(s)
	if cur, err := a.sessions.get(); err == nil && a.mayOpen(cur.Principal) != nil {
		a.endSession(EndReplaced) // a professional's account opens their record only
	}
	a.sessions.actAs(acct.Actor())
	if a.deps.Log != nil {
		a.deps.Log.WithField("role", acct.Role).Info("signed in to the eRPPS server")
	}
	if err := m.run(ctx, &s); err != nil {
		return nil, err
	}
	return a.ServerSettings()
}

// DisconnectServer signs this computer out of the server (« Se
// déconnecter »): the tokens are deleted (and revoked where they can be: the
// device's session on the server, or the Pro Santé Connect tokens at the
// provider), the synchronisation stops, and a record that may no longer be
// opened closes. The changes not sent yet stay on this computer, sent when
// it signs in again with the same account on the same server (another one
// sets them aside, shown in the sync issues: ConnectServer).
func (a *App) DisconnectServer() (*ServerSettings, error) {
	m := a.sync
	if !m.available() {
		return nil, errNoServer
	}
	m.halt()
	a.psc.cancel()
	ctx := context.WithoutCancel(a.ctx)
	s, _, _ := m.settings()
	token, err := loadToken(ctx, m.deps.Settings)
	if err != nil {
		return nil, err
	}
	refresh, err := m.deps.Settings.GetSetting(ctx, settingServerRefresh)
	if err != nil && erpps.ErrorCode(err) != erpps.ENOTFOUND {
		return nil, err
	}
	if s.URL != "" && (token != "" || len(refresh) > 0) {
		if hc, err := m.httpClient(s.CAFile); err == nil {
			a.revokeAll(ctx, s, hc, token, string(refresh))
		}
	}
	for _, key := range []string{settingServerToken, settingServerRefresh} {
		if err := m.deps.Settings.DeleteSetting(ctx, key); err != nil {
			return nil, err
		}
	}
	s.Account, s.SignedInAt, s.Method, s.Expiry = nil, nil, "", nil
	if err := saveServer(ctx, m.deps.Settings, &s); err != nil {
		return nil, err
	}
	m.keep(s)
	if cur, err := a.sessions.get(); err == nil && a.mayOpen(cur.Principal) != nil {
		a.endSession(EndClosed)
	}
	a.sessions.actAs(erpps.Actor{})
	m.report(SyncState{State: SyncLocal})
	a.events.Emit(EventConnection, ConnectionChanged{State: "signedOut"})
	if a.deps.Log != nil {
		a.deps.Log.Info("signed out of the eRPPS server")
	}
	return a.ServerSettings()
}

// revokeAll revokes this computer's tokens: at the provider for a Pro Santé
// Connect login, else the device's session on the server.
func (a *App) revokeAll(ctx context.Context, s storedServer, hc *http.Client, token, refresh string) {
	if s.Method != methodPSC {
		if token != "" {
			signOutOfServer(ctx, hc, s.URL, token)
		}
		return
	}
	if a.deps.OIDC == nil || a.deps.OIDC.New == nil {
		return
	}
	client, err := a.psc.clientFor(ctx, a.deps.OIDC, a.sync.issuer(s.URL), hc)
	if err != nil {
		if a.deps.Log != nil {
			a.deps.Log.Warn("provider unreachable at sign-out: tokens deleted, not revoked")
		}
		return
	}
	a.revokeQuietly(ctx, client, refresh, token)
}

// SyncNow sends the waiting changes and receives the server's now, and says
// where the synchronisation stands (the error of the attempt, in French,
// when it failed).
func (a *App) SyncNow() (*SyncState, error) {
	m := a.sync
	if !m.available() {
		return nil, errNoServer
	}
	_, _, client := m.settings()
	if client == nil {
		return nil, erpps.Errorf(erpps.EINVALID, "Ce poste n'est relié à aucun serveur : connectez-vous sur la page « Serveur eRPPS ».")
	}
	if err := client.SyncOnce(a.ctx); err != nil {
		return nil, err
	}
	st := m.current()
	return &st, nil
}

// SyncIssue is a local change the server did not apply, shown on its
// request: rejected (the server's message says why) or in conflict (someone
// else changed the request: the three versions to choose from).
type SyncIssue struct {
	RequestID   string              `json:"requestId"`
	RequestKind erpps.RequestKind   `json:"requestKind,omitempty"`
	Principal   string              `json:"principal"`
	Kind        erpps.MutationKind  `json:"kind"`
	Status      erpps.PendingStatus `json:"status"`
	Code        erpps.Code          `json:"code,omitempty"`
	// Message is the server's, in French (a rejection).
	Message   string    `json:"message,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	// Mine is this computer's payload; Server the server's now (absent when
	// the server deleted the request: ServerDeleted); Base the payload both
	// started from (absent for a request new on this computer).
	Mine          json.RawMessage     `json:"mine,omitempty" ts_type:"Record<string, any>"`
	Server        json.RawMessage     `json:"server,omitempty" ts_type:"Record<string, any>"`
	ServerStatus  erpps.RequestStatus `json:"serverStatus,omitempty"`
	ServerDeleted bool                `json:"serverDeleted,omitempty"`
	Base          json.RawMessage     `json:"base,omitempty" ts_type:"Record<string, any>"`
}

// ListSyncIssues lists the changes set aside (rejected or in conflict),
// oldest first: those of the open record's requests when one is open.
func (a *App) ListSyncIssues() ([]SyncIssue, error) {
	m := a.sync
	out := []SyncIssue{}
	if !m.available() || m.deps.Replica == nil {
		return out, nil
	}
	list, err := m.deps.Replica.ListSetAside(a.ctx)
	if err != nil {
		return nil, err
	}
	principal := ""
	if s, err := a.sessions.get(); err == nil {
		principal = s.Principal
	}
	for _, p := range list {
		if principal != "" && p.Principal != principal {
			continue
		}
		out = append(out, a.issueOf(p))
	}
	return out, nil
}

func (a *App) issueOf(p erpps.PendingMutation) SyncIssue {
	is := SyncIssue{RequestID: p.RequestID, RequestKind: p.RequestKind, Principal: p.Principal, Kind: p.Kind,
		Status: p.Status, CreatedAt: p.CreatedAt, Mine: p.Payload, Base: p.BasePayload}
	if len(bytes.TrimSpace(is.Mine)) == 0 && a.sync.deps.Requests != nil {
		// A transmission or a withdrawal carries no payload: the local one.
		if r, err := a.sync.deps.Requests.FindRequestByID(a.ctx, p.RequestID); err == nil {
			is.Mine = r.Payload
			if is.RequestKind == "" {
				is.RequestKind = r.Kind
			}
		}
	}
	if r := p.Result; r != nil {
		is.Code, is.Message = r.Code, r.Message
		if r.Request != nil {
			is.Server, is.ServerStatus = r.Request.Payload, r.Request.Status
			if is.RequestKind == "" {
				is.RequestKind = r.Request.Kind
			}
		} else if p.Status == erpps.PendingConflict {
			is.ServerDeleted = true
		}
	}
	return is
}

// ResolveSyncConflict settles the change set aside on a request: with a
// payload (the version chosen field by field) the draft takes it and it is
// sent again over the server's version; with null the request takes the
// server's version and the local change is dropped.
func (a *App) ResolveSyncConflict(requestID string, payload json.RawMessage) error {
	m := a.sync
	if !m.available() || m.deps.Replica == nil {
		return errNoServer
	}
	payload = bytes.TrimSpace(payload)
	if bytes.Equal(payload, []byte("null")) {
		payload = nil
	}
	if payload != nil && !bytes.HasPrefix(payload, []byte("{")) {
		return erpps.Errorf(erpps.EINVALID, "Le contenu de la demande est illisible.")
	}
	s, err := a.sessionOnRequest(requestID)
	if err != nil {
		return err
	}
	if err := m.deps.Replica.ResolveConflict(a.ctx, requestID, payload, s.Actor); err != nil {
		return err
	}
	m.pulled([]string{requestID})
	m.notify()
	m.report(m.summaryState(a.ctx, m.current().State))
	return nil
}
