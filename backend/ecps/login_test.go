package ecps

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestSignedCallsRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	other := &phone{id: ph.id, key: newKey(t)} // the right id, another key
	pending := func(n string) string { return "pending\n" + n }

	t.Run("Good", func(t *testing.T) {
		if _, err := f.svc.Pending(ctx, f.signed(ph, pending)); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ReusedNonce", func(t *testing.T) {
		in := f.signed(ph, pending)
		if _, err := f.svc.Pending(ctx, in); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Pending(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("BadSignature", func(t *testing.T) {
		_, err := f.svc.Pending(ctx, f.signed(other, pending))
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("SignatureOfAnotherText", func(t *testing.T) {
		_, err := f.svc.Pending(ctx, f.signed(ph, func(n string) string { return "answer\n" + n }))
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("NotBase64", func(t *testing.T) {
		in := f.signed(ph, pending)
		in.Signature = "%%%"
		_, err := f.svc.Pending(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("ExpiredNonce", func(t *testing.T) {
		in := f.signed(ph, pending)
		f.clock.Add(ChallengeLifetime)
		_, err := f.svc.Pending(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("NonceNeverGiven", func(t *testing.T) {
		in := Signed{DeviceID: ph.id, Nonce: "made-up", Signature: sign(t, ph.key, "pending\nmade-up")}
		_, err := f.svc.Pending(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("DeviceNotEnrolled", func(t *testing.T) {
		_, err := f.svc.Challenge(ctx, "no-such-device")
		wantCode(t, err, erpps.EUNAUTHORIZED)
		in := f.signed(ph, pending)
		in.DeviceID = "no-such-device"
		_, err = f.svc.Pending(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("Revoked", func(t *testing.T) {
		in := f.signed(ph, pending)
		if err := f.store.RevokeECPSDevice(ctx, ph.id, f.clock.Now()); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Pending(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
		_, err = f.svc.Challenge(ctx, ph.id)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
}

func TestLoginApproved(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	started, err := f.svc.StartLogin(ctx, "ar-1", "8"+f.p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	if len(started.Code) != 2 || started.Seconds != 120 || !started.ExpiresAt.Equal(f.clock.Now().Add(120*time.Second)) {
		t.Fatalf("started = %+v", started)
	}
	items := f.pending(ph)
	if len(items) != 1 || items[0].ID != started.ID || items[0].Type != erpps.ECPSLogin || items[0].Label != LoginLabel {
		t.Fatalf("pending = %+v", items)
	}
	choices := items[0].Choices
	if len(choices) != 3 || !slices.Contains(choices, started.Code) ||
		choices[0] == choices[1] || choices[1] == choices[2] || choices[0] == choices[2] {
		t.Fatalf("choices %v for code %s", choices, started.Code)
	}
	for _, c := range choices {
		if len(c) != 2 || c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9' {
			t.Fatalf("choice %q is not two digits", c)
		}
	}
	if st, _ := f.svc.LoginStatus(ctx, started.ID); st.Status != erpps.ECPSPending || st.Continue != "" {
		t.Fatalf("status before = %+v", st)
	}
	f.clock.Add(100 * time.Second)
	got, err := f.answer(ph, started.ID, phonePassword, started.Code, nil)
	if err != nil || got.Status != erpps.ECPSApproved {
		t.Fatalf("answer = %+v, %v", got, err)
	}
	st, err := f.svc.LoginStatus(ctx, started.ID)
	if err != nil || st.Status != erpps.ECPSApproved ||
		st.Continue != "/oidc/login/complete?authRequest=ar-1&transaction="+started.ID {
		t.Fatalf("status = %+v, %v", st, err)
	}
	if len(f.pending(ph)) != 0 {
		t.Fatal("an approved login is still pending on the phone")
	}
	// Replay of the approved answer, then a new answer: refused.
	_, err = f.answer(ph, started.ID, phonePassword, started.Code, nil)
	wantCode(t, err, erpps.ECONFLICT)

	_, err = f.svc.CompleteLogin(ctx, started.ID, "ar-other")
	wantCode(t, err, erpps.EUNAUTHORIZED)
	acct, err := f.svc.CompleteLogin(ctx, started.ID, "ar-1")
	if err != nil {
		t.Fatal(err)
	}
	if acct.Login != f.p.RPPS || acct.RPPS != f.p.RPPS || acct.Role != erpps.RoleProfessional || acct.ID != "rpps:"+f.p.RPPS {
		t.Fatalf("account = %+v", acct)
	}
	if _, _, err := f.store.FindAccountByLogin(ctx, f.p.RPPS); err != nil {
		t.Fatalf("the account was not kept: %v", err)
	}
	_, err = f.svc.CompleteLogin(ctx, started.ID, "ar-1")
	wantCode(t, err, erpps.EUNAUTHORIZED)
	if st, _ := f.svc.LoginStatus(ctx, started.ID); st.Continue != "" {
		t.Fatalf("a used login still offers to continue: %+v", st)
	}

	// A second login finds the account made by the first.
	second, err := f.svc.StartLogin(ctx, "ar-2", f.p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.answer(ph, second.ID, phonePassword, second.Code, nil); err != nil {
		t.Fatal(err)
	}
	if again, err := f.svc.CompleteLogin(ctx, second.ID, "ar-2"); err != nil || again.ID != acct.ID {
		t.Fatalf("second login = %+v, %v", again, err)
	}
}

func TestLoginRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	start := func(t *testing.T) *LoginStarted {
		t.Helper()
		s, err := f.svc.StartLogin(ctx, "ar", f.p.RPPS)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	otherChoice := func(t *testing.T, s *LoginStarted) string {
		for _, it := range f.pending(ph) {
			for _, c := range it.Choices {
				if it.ID == s.ID && c != s.Code {
					return c
				}
			}
		}
		t.Fatal("no other choice")
		return ""
	}
	check := func(t *testing.T, s *LoginStarted, want erpps.ECPSStatus, message string) {
		t.Helper()
		st, err := f.svc.LoginStatus(ctx, s.ID)
		if err != nil || st.Status != want || !strings.Contains(st.Message, message) || st.Continue != "" {
			t.Fatalf("status = %+v, %v; want %s «%s»", st, err, want, message)
		}
		_, err = f.svc.CompleteLogin(ctx, s.ID, "ar")
		wantCode(t, err, erpps.EUNAUTHORIZED)
	}

	t.Run("WrongPassword", func(t *testing.T) {
		s := start(t)
		got, err := f.answer(ph, s.ID, "pas le bon mot de passe", s.Code, nil)
		if err != nil || got.Status != erpps.ECPSRefused || got.Message != msgWrongPassword {
			t.Fatalf("answer = %+v, %v", got, err)
		}
		check(t, s, erpps.ECPSRefused, "Mot de passe")
		_, err = f.answer(ph, s.ID, phonePassword, s.Code, nil) // the right one, too late
		wantCode(t, err, erpps.ECONFLICT)
	})
	t.Run("WrongChoice", func(t *testing.T) {
		s := start(t)
		got, err := f.answer(ph, s.ID, phonePassword, otherChoice(t, s), nil)
		if err != nil || got.Status != erpps.ECPSRefused || got.Message != msgWrongChoice {
			t.Fatalf("answer = %+v, %v", got, err)
		}
		check(t, s, erpps.ECPSRefused, "code choisi")
		_, err = f.answer(ph, s.ID, phonePassword, s.Code, nil)
		wantCode(t, err, erpps.ECONFLICT)
	})
	t.Run("RefusedOnPhone", func(t *testing.T) {
		s := start(t)
		got, err := f.answer(ph, s.ID, phonePassword, "", ptr(false))
		if err != nil || got.Status != erpps.ECPSRefused {
			t.Fatalf("answer = %+v, %v", got, err)
		}
		check(t, s, erpps.ECPSRefused, "refusé")
	})
	t.Run("CountdownOver", func(t *testing.T) {
		s := start(t)
		f.clock.Add(LoginLifetime)
		_, err := f.answer(ph, s.ID, phonePassword, s.Code, nil)
		wantCode(t, err, erpps.ECONFLICT)
		check(t, s, erpps.ECPSExpired, "120 secondes")
	})
	t.Run("Cancelled", func(t *testing.T) {
		s := start(t)
		if err := f.svc.CancelLogin(ctx, s.ID); err != nil {
			t.Fatal(err)
		}
		_, err := f.answer(ph, s.ID, phonePassword, s.Code, nil)
		wantCode(t, err, erpps.ECONFLICT)
		check(t, s, erpps.ECPSCancelled, "quitté")
		if err := f.svc.CancelLogin(ctx, s.ID); err != nil {
			t.Fatalf("cancelling twice: %v", err)
		}
	})
	t.Run("CompletedTooLate", func(t *testing.T) {
		s := start(t)
		if _, err := f.answer(ph, s.ID, phonePassword, s.Code, nil); err != nil {
			t.Fatal(err)
		}
		f.clock.Add(CompletionWindow)
		_, err := f.svc.CompleteLogin(ctx, s.ID, "ar")
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("AnotherPractitionersPhone", func(t *testing.T) {
		// A login for someone else is not this phone's to answer.
		s, err := f.svc.StartLogin(ctx, "ar", unknownRPPS(t, f))
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.answer(ph, s.ID, phonePassword, s.Code, nil)
		wantCode(t, err, erpps.ENOTFOUND)
	})
	t.Run("UnknownIdentifierSameReply", func(t *testing.T) {
		known := start(t)
		s, err := f.svc.StartLogin(ctx, "ar", unknownRPPS(t, f))
		if err != nil || len(s.Code) != 2 || s.Seconds != known.Seconds || !s.ExpiresAt.Equal(known.ExpiresAt) || s.ID == "" {
			t.Fatalf("unknown = %+v, %v; known = %+v", s, err, known)
		}
		if st, err := f.svc.LoginStatus(ctx, s.ID); err != nil || st.Status != erpps.ECPSPending {
			t.Fatalf("unknown status = %+v, %v", st, err)
		}
		f.clock.Add(LoginLifetime)
		if st, err := f.svc.LoginStatus(ctx, s.ID); err != nil || st.Status != erpps.ECPSExpired {
			t.Fatalf("unknown status later = %+v, %v", st, err)
		}
	})
	t.Run("MissingAuthRequest", func(t *testing.T) {
		_, err := f.svc.StartLogin(ctx, "", f.p.RPPS)
		wantCode(t, err, erpps.EINVALID)
	})
	t.Run("Unknown", func(t *testing.T) {
		_, err := f.svc.LoginStatus(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
		_, err = f.svc.CompleteLogin(ctx, "nope", "ar")
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
}

func TestPendingLoginsBounded(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, rpps := range []string{f.p.RPPS, unknownRPPS(t, f)} {
		for i := range MaxPendingLogins {
			if _, err := f.svc.StartLogin(ctx, "ar", rpps); err != nil {
				t.Fatalf("login %d: %v", i+1, err)
			}
		}
		_, err := f.svc.StartLogin(ctx, "ar", rpps)
		wantCode(t, err, erpps.ETOOMANY)
	}
	f.clock.Add(LoginLifetime)
	if _, err := f.svc.StartLogin(ctx, "ar", f.p.RPPS); err != nil {
		t.Fatalf("once the others expired: %v", err)
	}
}

func TestWrongPasswordsRevokeDevice(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	try := func(password string) *Answered {
		t.Helper()
		s, err := f.svc.StartLogin(ctx, "ar", f.p.RPPS)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.answer(ph, s.ID, password, s.Code, nil)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	// A right password in between starts the count again.
	for range MaxWrongPasswords - 1 {
		if got := try("mauvais"); got.Status != erpps.ECPSRefused {
			t.Fatalf("wrong password: %+v", got)
		}
	}
	if got := try(phonePassword); got.Status != erpps.ECPSApproved {
		t.Fatalf("right password: %+v", got)
	}
	for range MaxWrongPasswords - 1 {
		try("mauvais")
	}
	if d, _ := f.store.FindECPSDevice(ctx, ph.id); d.RevokedAt != nil {
		t.Fatal("revoked too early")
	}
	if got := try("mauvais"); got.Status != erpps.ECPSRefused || got.Message != msgDeviceRevoked {
		t.Fatalf("fifth wrong password: %+v", got)
	}
	_, err := f.svc.Challenge(ctx, ph.id)
	wantCode(t, err, erpps.EUNAUTHORIZED)
}

// TestCompleteLoginOnceConcurrently: of completions racing on one approved
// login, exactly one gets the account.
func TestCompleteLoginOnceConcurrently(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	s, err := f.svc.StartLogin(ctx, "ar", f.p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.answer(ph, s.ID, phonePassword, s.Code, nil); err != nil {
		t.Fatal(err)
	}
	const n = 8
	results := make(chan error, n)
	for range n {
		go func() {
			_, err := f.svc.CompleteLogin(ctx, s.ID, "ar")
			results <- err
		}()
	}
	ok := 0
	for range n {
		switch err := <-results; erpps.ErrorCode(err) {
		case "":
			ok++
		case erpps.EUNAUTHORIZED:
		default:
			t.Fatalf("completion: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d completions succeeded, want 1", ok)
	}
}

func TestDeleteExpired(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s, err := f.svc.StartLogin(ctx, "ar", f.p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.svc.DeleteExpired(ctx); err != nil || n != 0 {
		t.Fatalf("deleted %d, %v before its time", n, err)
	}
	f.clock.Add(LoginLifetime + Retention + time.Second)
	if n, err := f.svc.DeleteExpired(ctx); err != nil || n != 1 {
		t.Fatalf("deleted %d, %v", n, err)
	}
	_, err = f.svc.LoginStatus(ctx, s.ID)
	wantCode(t, err, erpps.ENOTFOUND)
}
