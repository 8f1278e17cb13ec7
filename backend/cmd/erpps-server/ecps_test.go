package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"mime/quotedprintable"
	"net/http/httptest"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// A practitioner activates e-CPS on erpps-server with the code e-mailed
// through a real SMTP server, then logs in on a computer with the phone's
// password and code choice; the login completes once. The log holds no
// code, password, nonce, signature nor address.
func TestServerECPSActivationAndLogin(t *testing.T) {
	ctx := context.Background()
	a, smtpSrv, logged, _ := newSMTPApp(t)
	defer a.close()
	list, err := a.store.ListPractitioners(ctx, erpps.PractitionerFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var p *erpps.Practitioner
	for _, s := range list {
		if r, err := a.store.FindPractitionerByRPPS(ctx, s.RPPS); err == nil && r.Contact.Email != "" {
			p = r
			break
		}
	}
	if p == nil {
		t.Fatal("no seeded practitioner with an e-mail")
	}
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	api := srv.URL + "/api/v1/ecps"

	if status, err := call(t, "POST", api+"/activation/send", "", map[string]any{"identifier": "8" + p.RPPS, "channel": "email"}, nil); err != nil || status != 202 {
		t.Fatalf("send: %d %v", status, err)
	}
	got := smtpSrv.Wait(t, 1, 10*time.Second)
	m, err := mail.ReadMessage(bytes.NewReader(got[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(m.Body))
	code := regexp.MustCompile(`code d'activation : (\d{6})`).FindSubmatch(body)
	if code == nil || got[0].To[0] != p.Contact.Email || m.Header.Get("X-ERPPS-IDNPS") != "8"+p.RPPS {
		t.Fatalf("e-mail to %v, headers %v: %s", got[0].To, m.Header, body)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := key.PublicKey.Bytes()
	const password = "Le mot de passe e-CPS"
	var enrolled struct{ DeviceID string }
	if status, err := call(t, "POST", api+"/activation/confirm", "", map[string]any{"identifier": p.RPPS, "channel": "email",
		"code": string(code[1]), "password": password, "device": map[string]any{"name": "Mobile", "publicKey": map[string]any{
			"kty": "EC", "crv": "P-256", "x": base64.RawURLEncoding.EncodeToString(pub[1:33]), "y": base64.RawURLEncoding.EncodeToString(pub[33:])}}},
		&enrolled); err != nil || status != 201 {
		t.Fatalf("confirm: %d %v", status, err)
	}
	sign := func(text string) string {
		h := sha256.Sum256([]byte(text))
		r, s, err := ecdsa.Sign(rand.Reader, key, h[:])
		if err != nil {
			t.Fatal(err)
		}
		raw := make([]byte, 64)
		r.FillBytes(raw[:32])
		s.FillBytes(raw[32:])
		return base64.RawURLEncoding.EncodeToString(raw)
	}
	nonce := func() string {
		var ch struct{ Nonce string }
		if status, err := call(t, "POST", api+"/device/challenge", "", map[string]any{"deviceId": enrolled.DeviceID}, &ch); err != nil || status != 200 {
			t.Fatalf("challenge: %d %v", status, err)
		}
		return ch.Nonce
	}

	var login struct{ ID, Code string }
	if status, err := call(t, "POST", api+"/login", "", map[string]any{"authRequestId": "auth-1", "identifier": p.RPPS}, &login); err != nil || status != 201 {
		t.Fatalf("login: %d %v", status, err)
	}
	n := nonce()
	var pending struct {
		Pending []struct {
			ID      string
			Choices []string
		}
	}
	if status, err := call(t, "POST", api+"/device/pending", "", map[string]any{"deviceId": enrolled.DeviceID, "nonce": n,
		"signature": sign("pending\n" + n)}, &pending); err != nil || status != 200 || len(pending.Pending) != 1 ||
		!slices.Contains(pending.Pending[0].Choices, login.Code) {
		t.Fatalf("pending: %d %v %+v", status, err, pending)
	}
	n = nonce()
	sig := sign("answer\n" + n + "\n" + login.ID + "\n" + login.Code)
	var answered struct{ Status string }
	if status, err := call(t, "POST", api+"/device/answer", "", map[string]any{"deviceId": enrolled.DeviceID, "transactionId": login.ID,
		"password": password, "choice": login.Code, "nonce": n, "signature": sig}, &answered); err != nil || status != 200 || answered.Status != "approved" {
		t.Fatalf("answer: %d %v %+v", status, err, answered)
	}
	acct, err := a.ecps.CompleteLogin(ctx, login.ID, "auth-1")
	if err != nil || acct.Login != p.RPPS || acct.Role != erpps.RoleProfessional {
		t.Fatalf("complete: %+v %v", acct, err)
	}
	if _, err := a.ecps.CompleteLogin(ctx, login.ID, "auth-1"); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("second completion: %v", err)
	}
	text := logged.String()
	for _, secret := range []string{string(code[1]), password, n, sig, p.Contact.Email, smtpPassword} {
		if strings.Contains(text, secret) {
			t.Fatalf("the log holds %q:\n%s", secret, text)
		}
	}
}
