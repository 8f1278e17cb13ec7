package ecps

import (
	"context"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

func TestMasks(t *testing.T) {
	for _, tc := range []struct{ in, email, phone string }{
		{in: "camille.martinel@gmail.com", email: "c…l@gmail.com"},
		{in: "a@b.fr", email: "a…a@b.fr"},
		{in: "+33612345642", phone: "06 •• •• •• 42"},
		{in: "0712345699", phone: "07 •• •• •• 99"},
		{in: "+4915112345678", phone: "+49 •• •• 78"},
	} {
		if tc.email != "" {
			if got := maskEmail(tc.in); got != tc.email {
				t.Errorf("maskEmail(%q) = %q, want %q", tc.in, got, tc.email)
			}
		}
		if tc.phone != "" {
			if got := maskPhone(tc.in); got != tc.phone {
				t.Errorf("maskPhone(%q) = %q, want %q", tc.in, got, tc.phone)
			}
		}
	}
}

func TestParseIdentifier(t *testing.T) {
	rpps, err := identifiers.CompleteRPPS("1000123456")
	if err != nil {
		t.Fatal(err)
	}
	wrongKey := rpps[:10] + string(rune('0'+(rpps[10]-'0'+1)%10))
	for _, typed := range []string{rpps, "8" + rpps, " 8 " + rpps[:4] + " " + rpps[4:8] + " " + rpps[8:] + " "} {
		id, err := ParseIdentifier(typed)
		if err != nil || id.RPPS != rpps || id.IDNPS != "8"+rpps {
			t.Errorf("ParseIdentifier(%q) = %+v, %v", typed, id, err)
		}
	}
	for _, bad := range []string{"", "1000123456", wrongKey, "8" + wrongKey, "abc", "9" + rpps} {
		_, err := ParseIdentifier(bad)
		wantCode(t, err, erpps.EINVALID)
	}
}

func TestLookup(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	got, err := f.svc.Lookup(ctx, f.p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	if got.Identifier != "8"+f.p.RPPS || len(got.Channels) != 2 ||
		got.Channels[0] != (Channel{ChannelEmail, maskEmail(f.p.Contact.Email)}) ||
		got.Channels[1] != (Channel{ChannelSMS, maskPhone(f.p.Contact.Phone)}) {
		t.Fatalf("lookup = %+v", got)
	}
	dept := f.p.OpenActivities(f.clock.Now().Format("2006-01-02"))[0].Structure.Department
	if want := f.cat.ARSName(dept); got.ARS.Name != want || !strings.Contains(got.ARS.Contact, want) {
		t.Fatalf("ARS = %+v, want %s", got.ARS, want)
	}
	if strings.Contains(jsonOf(t, got), f.p.Contact.Email) || strings.Contains(jsonOf(t, got), f.p.Contact.Phone[4:]) {
		t.Fatalf("the lookup shows the coordonnées unmasked: %s", jsonOf(t, got))
	}
	if _, err := f.svc.Lookup(ctx, "12"); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Fatalf("malformed identifier: %v", err)
	}
}

// unknownRPPS is a valid RPPS number nobody holds in the fixture.
func unknownRPPS(t *testing.T, f *fixture) string {
	t.Helper()
	for _, first10 := range []string{"1999999990", "1888888880", "1777777770"} {
		rpps, err := identifiers.CompleteRPPS(first10)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.store.FindPractitionerByRPPS(context.Background(), rpps); erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return rpps
		}
	}
	t.Fatal("no unknown RPPS found")
	return ""
}

func TestLookupUnknownIdentifierSameShape(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rpps := unknownRPPS(t, f)
	first, err := f.svc.Lookup(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	known, err := f.svc.Lookup(ctx, f.p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	if first.Identifier != "8"+rpps || len(first.Channels) != len(known.Channels) ||
		first.Channels[0].Channel != ChannelEmail || first.Channels[1].Channel != ChannelSMS ||
		!strings.Contains(first.Channels[0].Masked, "…") || !strings.Contains(first.Channels[0].Masked, "@") ||
		!strings.Contains(first.Channels[1].Masked, " •• •• •• ") || !strings.HasPrefix(first.ARS.Name, "ARS ") {
		t.Fatalf("unknown identifier's reply %+v is not shaped like a known one's %+v", first, known)
	}
	// Stable: the same reply again, and from another instance of the
	// server (the secret is kept in the store).
	again, err := f.newService().Lookup(ctx, "8"+rpps)
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, again) != jsonOf(t, first) {
		t.Fatalf("unknown identifier's reply changed: %s then %s", jsonOf(t, first), jsonOf(t, again))
	}
	// Sending: the same reply, nothing sent.
	sent, err := f.svc.SendCode(ctx, rpps, ChannelSMS, "192.0.2.1")
	if err != nil || sent.Masked != first.Channels[1].Masked || sent.ExpiresInSeconds != 600 {
		t.Fatalf("send to unknown = %+v, %v", sent, err)
	}
	if f.out.count() != 0 {
		t.Fatalf("a code was sent for an unknown identifier: %+v", f.out.sent)
	}
	// Confirming: the wrong-code reply.
	_, err = f.svc.Confirm(ctx, Confirmation{Identifier: rpps, Channel: ChannelSMS, Code: "123456", Password: phonePassword,
		Device: DeviceInput{PublicKey: jwkOf(t, newKey(t))}})
	wantCode(t, err, erpps.EUNAUTHORIZED)
}

func TestActivation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sent, err := f.svc.SendCode(ctx, "8"+f.p.RPPS, ChannelSMS, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if sent.Masked != maskPhone(f.p.Contact.Phone) || sent.ExpiresInSeconds != 600 {
		t.Fatalf("sent = %+v", sent)
	}
	if f.out.count() != 1 || f.out.sent[0].To != f.p.Contact.Phone || f.out.sent[0].Channel != ChannelSMS {
		t.Fatalf("sent = %+v", f.out.sent)
	}
	code := f.out.last(t)
	k := newKey(t)
	good := Confirmation{Identifier: f.p.RPPS, Channel: ChannelSMS, Code: code, Password: phonePassword,
		Device: DeviceInput{PublicKey: jwkOf(t, k), Name: "Mon téléphone"}}

	for _, tc := range []struct {
		name   string
		change func(c *Confirmation)
		code   string
	}{
		{"ShortPassword", func(c *Confirmation) { c.Password = "1234567" }, erpps.EINVALID},
		{"KeyNotP256", func(c *Confirmation) { c.Device.PublicKey.Crv = "P-384" }, erpps.EINVALID},
		{"KeyNotOnCurve", func(c *Confirmation) { c.Device.PublicKey.Y = c.Device.PublicKey.X }, erpps.EINVALID},
		{"BadChannel", func(c *Confirmation) { c.Channel = "pigeon" }, erpps.EINVALID},
		{"WrongCode", func(c *Confirmation) { c.Code = wrongCode(code) }, erpps.EUNAUTHORIZED},
		// A code of the wrong shape is told on its field, before any try.
		{"NoCode", func(c *Confirmation) { c.Code = "" }, erpps.EINVALID},
		{"ShortCode", func(c *Confirmation) { c.Code = "12345" }, erpps.EINVALID},
		{"OtherChannel", func(c *Confirmation) { c.Channel = ChannelEmail }, erpps.EUNAUTHORIZED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := good
			tc.change(&c)
			_, err := f.svc.Confirm(ctx, c)
			wantCode(t, err, tc.code)
			if tc.code == erpps.EUNAUTHORIZED && erpps.ErrorMessage(err) != msgBadCode {
				t.Fatalf("message %q", erpps.ErrorMessage(err))
			}
			if _, err := f.store.ECPSPassword(ctx, f.p.RPPS); erpps.ErrorCode(err) != erpps.ENOTFOUND {
				t.Fatalf("a refused confirmation enrolled: %v", err)
			}
		})
	}
	got, err := f.svc.Confirm(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	if got.Identifier != "8"+f.p.RPPS || got.DeviceID == "" {
		t.Fatalf("enrolled = %+v", got)
	}
	d, err := f.store.FindECPSDevice(ctx, got.DeviceID)
	if err != nil || d.RPPS != f.p.RPPS || d.Name != "Mon téléphone" || len(d.PublicKey) != 65 {
		t.Fatalf("device = %+v, %v", d, err)
	}
	if hash, err := f.store.ECPSPassword(ctx, f.p.RPPS); err != nil || !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, phonePassword) {
		t.Fatalf("password hash = %q, %v", hash, err)
	}
	// The code served once.
	_, err = f.svc.Confirm(ctx, good)
	wantCode(t, err, erpps.EUNAUTHORIZED)
}

func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

func TestSendRateLimit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	unknown := unknownRPPS(t, f)
	for _, rpps := range []string{f.p.RPPS, unknown} {
		for i := range SendsPerHour {
			if _, err := f.svc.SendCode(ctx, rpps, ChannelEmail, "192.0.2.1"); err != nil {
				t.Fatalf("send %d: %v", i+1, err)
			}
		}
		_, err := f.svc.SendCode(ctx, rpps, ChannelEmail, "192.0.2.1")
		wantCode(t, err, erpps.ETOOMANY)
	}
	if f.out.count() != SendsPerHour {
		t.Fatalf("%d codes sent, want %d", f.out.count(), SendsPerHour)
	}
	f.clock.Add(61 * time.Minute)
	if _, err := f.svc.SendCode(ctx, f.p.RPPS, ChannelEmail, "192.0.2.1"); err != nil {
		t.Fatalf("an hour later: %v", err)
	}
}

func TestActivationFiveWrongCodes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.svc.SendCode(ctx, f.p.RPPS, ChannelEmail, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	code := f.out.last(t)
	c := Confirmation{Identifier: f.p.RPPS, Channel: ChannelEmail, Code: wrongCode(code), Password: phonePassword,
		Device: DeviceInput{PublicKey: jwkOf(t, newKey(t))}}
	for range 5 {
		_, err := f.svc.Confirm(ctx, c)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	}
	c.Code = code
	_, err := f.svc.Confirm(ctx, c)
	wantCode(t, err, erpps.EUNAUTHORIZED)
	if _, err := f.store.ECPSPassword(ctx, f.p.RPPS); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("enrolled after five wrong codes: %v", err)
	}
}

// A practitioner with only one contact detail on file gets a reply shaped
// like everyone's: both channels, the missing one a decoy mask; sending on
// the decoy answers as for an unknown identifier (nothing sent, same
// lifetime, same limits).
func TestLookupOneContactDetailSameShape(t *testing.T) {
	for _, tc := range []struct {
		name    string
		clear   func(p *erpps.Practitioner)
		decoy   string // the channel without a contact detail
		real    string
		realMsk func(p *erpps.Practitioner) string
	}{
		{"EmailOnly", func(p *erpps.Practitioner) { p.Contact.Phone = "" }, ChannelSMS, ChannelEmail,
			func(p *erpps.Practitioner) string { return maskEmail(p.Contact.Email) }},
		{"PhoneOnly", func(p *erpps.Practitioner) { p.Contact.Email = "" }, ChannelEmail, ChannelSMS,
			func(p *erpps.Practitioner) string { return maskPhone(p.Contact.Phone) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			p := *f.p
			tc.clear(&p)
			if err := f.store.SavePractitioner(ctx, &p); err != nil {
				t.Fatal(err)
			}
			got, err := f.svc.Lookup(ctx, p.RPPS)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Channels) != 2 || got.Channels[0].Channel != ChannelEmail || got.Channels[1].Channel != ChannelSMS {
				t.Fatalf("lookup channels = %+v, want e-mail and SMS", got.Channels)
			}
			masks := map[string]string{got.Channels[0].Channel: got.Channels[0].Masked, got.Channels[1].Channel: got.Channels[1].Masked}
			if masks[tc.real] != tc.realMsk(&p) {
				t.Fatalf("real channel's mask = %q, want %q", masks[tc.real], tc.realMsk(&p))
			}
			decoy := masks[tc.decoy]
			if (tc.decoy == ChannelEmail && (!strings.Contains(decoy, "…") || !strings.Contains(decoy, "@"))) ||
				(tc.decoy == ChannelSMS && !strings.Contains(decoy, " •• •• •• ")) {
				t.Fatalf("decoy mask %q is not shaped like a real one", decoy)
			}
			again, err := f.newService().Lookup(ctx, "8"+p.RPPS)
			if err != nil || jsonOf(t, again) != jsonOf(t, got) {
				t.Fatalf("reply not stable: %s then %s (%v)", jsonOf(t, got), jsonOf(t, again), err)
			}
			want := 1800
			if tc.decoy == ChannelSMS {
				want = 600
			}
			for i := range SendsPerHour {
				sent, err := f.svc.SendCode(ctx, p.RPPS, tc.decoy, "192.0.2.1")
				if err != nil || sent.Masked != decoy || sent.ExpiresInSeconds != want {
					t.Fatalf("send %d on the decoy channel = %+v, %v", i+1, sent, err)
				}
			}
			_, err = f.svc.SendCode(ctx, p.RPPS, tc.decoy, "192.0.2.1")
			wantCode(t, err, erpps.ETOOMANY)
			if f.out.count() != 0 {
				t.Fatalf("a code was sent on a channel with no contact detail: %+v", f.out.sent)
			}
			_, err = f.svc.Confirm(ctx, Confirmation{Identifier: p.RPPS, Channel: tc.decoy, Code: "123456", Password: phonePassword,
				Device: DeviceInput{PublicKey: jwkOf(t, newKey(t))}})
			wantCode(t, err, erpps.EUNAUTHORIZED)
		})
	}
}
