package primo_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/primo"
	"erpps/backend/primo/primotest"
	"erpps/backend/refdata"
	"erpps/backend/sqlite"
)

var (
	agentIDF = &erpps.Account{ID: "agent-idf", Role: erpps.RoleARSAgent, Name: "Camille Martin (ARS Île-de-France)", Region: "11"}
	agentOcc = &erpps.Account{ID: "agent-occ", Role: erpps.RoleARSAgent, Name: "Paul Roux (ARS Occitanie)", Region: "76"}
)

// clock is a settable test clock.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

type env struct {
	svc   *primo.Service
	fc    *primotest.FranceConnect
	store *sqlite.DB
	clock *clock
}

func newEnv(t *testing.T) *env {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "erpps.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	fake := primotest.Start(t)
	client, err := primo.NewFranceConnect(fake.Config("http://127.0.0.1:1/api/v1/franceconnect/callback"))
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{now: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	return &env{svc: &primo.Service{Store: db, Catalog: cat, FranceConnect: client, Now: c.Now}, fc: fake, store: db, clock: c}
}

// signIn runs a whole FranceConnect sign-in of p and returns the session token.
func (e *env) signIn(t *testing.T, p primotest.Person) string {
	t.Helper()
	token, err := e.finish(t, p, func(cb *primo.Callback) {})
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	return token
}

// finish signs p in, letting tamper change the callback first.
func (e *env) finish(t *testing.T, p primotest.Person, tamper func(cb *primo.Callback)) (string, error) {
	t.Helper()
	ctx := context.Background()
	login, err := e.svc.Start(ctx)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	if !strings.Contains(login.URL, "acr_values=eidas1") || !strings.Contains(login.URL, "code_challenge_method=S256") {
		t.Fatalf("authorization URL %s lacks acr_values or PKCE", login.URL)
	}
	e.fc.Queue(p)
	q := primotest.Authorize(t, login.URL)
	kept := *login
	cb := primo.Callback{Code: q.Get("code"), State: q.Get("state"), Error: q.Get("error"), Kept: &kept}
	tamper(&cb)
	return e.svc.Finish(ctx, cb)
}

func validForm() primo.Form {
	return primo.Form{ProfessionCode: "92", Department: "75", Email: "angela.dubois@example.org", Phone: "06 12 34 56 78", NoRPPS: true,
		Diploma: erpps.Diploma{Title: "Certificat de capacité d'orthoptiste", Institution: "Sorbonne Université, Paris", Date: "2026-06-30"}}
}

func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := erpps.ErrorCode(err); got != want {
		t.Fatalf("error = %q (%v), want %q", got, err, want)
	}
	if want != "" && erpps.ErrorMessage(err) == "" {
		t.Fatalf("error %v has no French message", err)
	}
}

// TestRegistrationFromFranceConnectToTheRegister: FranceConnect's identity,
// the form, the ARS's acceptance, the new record under a new number.
func TestRegistrationFromFranceConnectToTheRegister(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	token := e.signIn(t, primotest.Angela())
	st, err := e.svc.Status(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if st.Identity != primotest.Angela().Identity || st.Registration != nil {
		t.Fatalf("status = %+v, want Angela's identity and no registration", st)
	}
	offered := map[string]bool{}
	for _, p := range st.Professions {
		offered[p.Code] = true
	}
	if !offered["92"] || offered["10"] || offered["36"] || len(st.Departments) < 100 {
		t.Fatalf("the form offers %v and %d départements; want Orthoptiste, not Médecin (an Ordre's) nor a retired one", offered, len(st.Departments))
	}
	r, err := e.svc.Submit(ctx, token, validForm())
	if err != nil {
		t.Fatal(err)
	}
	if r.Identity.FamilyName != "DUBOIS" || r.Phone != "+33612345678" || r.Status != erpps.RegistrationSubmitted {
		t.Fatalf("registration = %+v", r)
	}
	if st, _ = e.svc.Status(ctx, token); st.Registration == nil || st.Registration.ID != r.ID {
		t.Fatalf("status after submitting = %+v", st)
	}
	list, err := e.svc.List(ctx, agentIDF, erpps.RegistrationSubmitted)
	if err != nil || len(list) != 1 || list[0].Registration.ID != r.ID || list[0].ProfessionLabel != "Orthoptiste" || list[0].ARS != "ARS Île-de-France" {
		t.Fatalf("agent's list = %+v, %v", list, err)
	}
	if other, _ := e.svc.List(ctx, agentOcc, ""); len(other) != 0 {
		t.Fatalf("another region's agent sees %d registrations", len(other))
	}
	e.clock.now = e.clock.now.Add(48 * time.Hour)
	c, err := e.svc.Decide(ctx, agentIDF, r.ID, primo.Decision{Action: "accept"})
	if err != nil {
		t.Fatal(err)
	}
	rpps := c.Registration.RPPS
	if _, err := identifiers.ParseRPPS(rpps); err != nil || !strings.HasPrefix(rpps, "19") {
		t.Fatalf("assigned number %q: %v", rpps, err)
	}
	p, err := e.store.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	if p.BirthName != "DUBOIS" || p.FirstName != "Angela Claire Louise" || p.Civility != "MME" || p.BirthDate != "1962-08-24" ||
		p.Professions[0].Code != "92" || p.Professions[0].Since != "2026-12-03" || p.Contact.Phone != "+33612345678" {
		t.Fatalf("record = %+v", p)
	}
	// Two days later the person signs in again and sees the decision.
	token = e.signIn(t, primotest.Angela())
	if st, err = e.svc.Status(ctx, token); err != nil || st.Registration.Status != erpps.RegistrationAccepted || st.Registration.RPPS != rpps {
		t.Fatalf("the person's status = %+v", st.Registration)
	}
	// Once registered, FranceConnect leads nowhere: the person is told to
	// use Pro Santé Connect.
	_, err = e.svc.Submit(ctx, token, validForm())
	wantCode(t, err, erpps.ECONFLICT)
}

// TestFranceConnectRefusals: every callback that cannot be trusted opens no
// session.
func TestFranceConnectRefusals(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name   string
		person func() primotest.Person
		tamper func(cb *primo.Callback)
		want   string
	}{
		{"another browser's state", primotest.Angela, func(cb *primo.Callback) { cb.State = "forged" }, erpps.EUNAUTHORIZED},
		{"no cookie", primotest.Angela, func(cb *primo.Callback) { cb.Kept = nil }, erpps.EUNAUTHORIZED},
		{"empty state everywhere", primotest.Angela, func(cb *primo.Callback) { cb.State, cb.Kept.State = "", "" }, erpps.EUNAUTHORIZED},
		{"cancelled at FranceConnect", primotest.Angela, func(cb *primo.Callback) { cb.Error = "access_denied"; cb.Code = "" }, erpps.EUNAUTHORIZED},
		{"no code", primotest.Angela, func(cb *primo.Callback) { cb.Code = "" }, erpps.EUNAUTHORIZED},
		{"unknown code", primotest.Angela, func(cb *primo.Callback) { cb.Code = "not-a-code" }, erpps.EUNAUTHORIZED},
		{"wrong PKCE verifier", primotest.Angela, func(cb *primo.Callback) { cb.Kept.Verifier = strings.Repeat("x", 43) }, erpps.EUNAUTHORIZED},
		{"another sign-in's nonce", func() primotest.Person { p := primotest.Angela(); p.Nonce = "replayed"; return p }, func(*primo.Callback) {}, erpps.EUNAUTHORIZED},
		{"no acr", func() primotest.Person { p := primotest.Angela(); p.ACR = "-"; return p }, func(*primo.Callback) {}, erpps.EUNAUTHORIZED},
		{"a weaker acr", func() primotest.Person { p := primotest.Angela(); p.ACR = "eidas0"; return p }, func(*primo.Callback) {}, erpps.EUNAUTHORIZED},
		{"no birth date", func() primotest.Person { p := primotest.Angela(); p.Identity.BirthDate = ""; return p }, func(*primo.Callback) {}, erpps.EUNAUTHORIZED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			token, err := e.finish(t, tt.person(), tt.tamper)
			wantCode(t, err, tt.want)
			if token != "" {
				t.Fatalf("a token was given: %q", token)
			}
		})
	}
	t.Run("a code used twice", func(t *testing.T) {
		var first primo.Callback
		if _, err := e.finish(t, primotest.Angela(), func(cb *primo.Callback) { first = *cb; k := *cb.Kept; first.Kept = &k }); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Finish(context.Background(), first)
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
	t.Run("not configured", func(t *testing.T) {
		s := *e.svc
		s.FranceConnect = nil
		_, err := s.Start(context.Background())
		wantCode(t, err, erpps.EUNAVAILABLE)
	})
	t.Run("FranceConnect away", func(t *testing.T) {
		client, err := primo.NewFranceConnect(primo.FranceConnectConfig{Issuer: "http://127.0.0.1:1", ClientID: "c", ClientSecret: "s", RedirectURL: "http://127.0.0.1:1/cb"})
		if err != nil {
			t.Fatal(err)
		}
		s := *e.svc
		s.FranceConnect = client
		_, err = s.Start(context.Background())
		wantCode(t, err, erpps.EUNAVAILABLE)
	})
}

// TestSessionRefusals: the form needs a live FranceConnect session.
func TestSessionRefusals(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, err := e.svc.Submit(ctx, "", validForm())
	wantCode(t, err, erpps.EUNAUTHORIZED)
	_, err = e.svc.Submit(ctx, "forged-token", validForm())
	wantCode(t, err, erpps.EUNAUTHORIZED)
	token := e.signIn(t, primotest.Angela())
	e.clock.now = e.clock.now.Add(primo.DefaultSessionTTL)
	_, err = e.svc.Status(ctx, token)
	wantCode(t, err, erpps.EUNAUTHORIZED)
	e.clock.now = e.clock.now.Add(-primo.DefaultSessionTTL)
	if err := e.svc.SignOut(ctx, token); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.Status(ctx, token)
	wantCode(t, err, erpps.EUNAUTHORIZED)
}

// TestFormRefusals: each wrong field is told, and nothing is stored.
func TestFormRefusals(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	token := e.signIn(t, primotest.Angela())
	tests := []struct {
		name       string
		change     func(f *primo.Form)
		field, why string
	}{
		{"no declaration", func(f *primo.Form) { f.NoRPPS = false }, "noRpps", "required"},
		{"no profession", func(f *primo.Form) { f.ProfessionCode = "" }, "professionCode", "required"},
		{"unknown profession", func(f *primo.Form) { f.ProfessionCode = "X9" }, "professionCode", "unknown"},
		{"retired profession", func(f *primo.Form) { f.ProfessionCode = "36" }, "professionCode", "unknown"},
		{"a profession of an Ordre", func(f *primo.Form) { f.ProfessionCode = "10" }, "professionCode", "other_authority"},
		{"no diploma title", func(f *primo.Form) { f.Diploma.Title = "  " }, "diploma.title", "required"},
		{"a diploma title too long", func(f *primo.Form) { f.Diploma.Title = strings.Repeat("é", 201) }, "diploma.title", "too_long"},
		{"no institution", func(f *primo.Form) { f.Diploma.Institution = "" }, "diploma.institution", "required"},
		{"no diploma date", func(f *primo.Form) { f.Diploma.Date = "" }, "diploma.date", "required"},
		{"a date not a date", func(f *primo.Form) { f.Diploma.Date = "30/06/2026" }, "diploma.date", "format"},
		{"a diploma of tomorrow", func(f *primo.Form) { f.Diploma.Date = "2026-12-02" }, "diploma.date", "future"},
		{"a diploma before birth", func(f *primo.Form) { f.Diploma.Date = "1960-01-01" }, "diploma.date", "before_birth"},
		{"unknown département", func(f *primo.Form) { f.Department = "96" }, "department", "unknown"},
		{"no e-mail", func(f *primo.Form) { f.Email = "" }, "email", "format"},
		{"a bad e-mail", func(f *primo.Form) { f.Email = "angela@localhost" }, "email", "format"},
		{"a landline", func(f *primo.Form) { f.Phone = "01 42 34 56 78" }, "phone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validForm()
			tt.change(&f)
			_, err := e.svc.Submit(ctx, token, f)
			wantCode(t, err, erpps.EINVALID)
			fields := erpps.AsError(err).Fields
			if len(fields) != 1 || fields[0].Field != tt.field || (tt.why != "" && fields[0].Code != tt.why) || fields[0].Message == "" {
				t.Fatalf("fields = %+v, want one on %s (%s)", fields, tt.field, tt.why)
			}
		})
	}
	if _, err := e.store.LatestRegistration(ctx, primotest.Angela().Identity.Subject); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("a refused form stored something: %v", err)
	}
	if _, err := e.svc.Submit(ctx, token, validForm()); err != nil {
		t.Fatal(err)
	}
	_, err := e.svc.Submit(ctx, token, validForm())
	wantCode(t, err, erpps.ECONFLICT)
}

// TestSomeoneInTheRegisterIsSentToProSanteConnect: a person the register
// holds (same names and birth date) is refused and told to use Pro Santé
// Connect.
func TestSomeoneInTheRegisterIsSentToProSanteConnect(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := primotest.Angela().Identity
	if err := e.store.SavePractitioner(ctx, &erpps.Practitioner{RPPS: "10001234566", Civility: "MME", BirthName: "Dubois",
		ExerciseName: "DUBOIS", FirstName: "Angela Claire Louise", BirthDate: id.BirthDate}); err != nil {
		t.Fatal(err)
	}
	token := e.signIn(t, primotest.Angela())
	_, err := e.svc.Submit(ctx, token, validForm())
	wantCode(t, err, erpps.ECONFLICT)
	if !strings.Contains(erpps.ErrorMessage(err), "Pro Santé Connect") {
		t.Fatalf("message %q does not send to Pro Santé Connect", erpps.ErrorMessage(err))
	}
}

// TestDecisionRefusals: only an agent of the registration's region decides,
// once, and a refusal has a motif.
func TestDecisionRefusals(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	token := e.signIn(t, primotest.Angela())
	r, err := e.svc.Submit(ctx, token, validForm())
	if err != nil {
		t.Fatal(err)
	}
	practitioner := &erpps.Account{ID: "p", Role: erpps.RoleProfessional, RPPS: "10001234566"}
	secretary := &erpps.Account{ID: "s", Role: erpps.RoleSecretary}
	disabled := *agentIDF
	disabled.Disabled = true
	noRegion := *agentIDF
	noRegion.Region = "99"
	tests := []struct {
		name  string
		agent *erpps.Account
		id    string
		d     primo.Decision
		want  string
	}{
		{"a practitioner", practitioner, r.ID, primo.Decision{Action: "accept"}, erpps.EFORBIDDEN},
		{"a secretary", secretary, r.ID, primo.Decision{Action: "accept"}, erpps.EFORBIDDEN},
		{"nobody", nil, r.ID, primo.Decision{Action: "accept"}, erpps.EUNAUTHORIZED},
		{"a disabled agent", &disabled, r.ID, primo.Decision{Action: "accept"}, erpps.EUNAUTHORIZED},
		{"an agent of no region", &noRegion, r.ID, primo.Decision{Action: "accept"}, erpps.EFORBIDDEN},
		{"an agent of another region", agentOcc, r.ID, primo.Decision{Action: "accept"}, erpps.ENOTFOUND},
		{"an unknown registration", agentIDF, "nope", primo.Decision{Action: "accept"}, erpps.ENOTFOUND},
		{"a refusal without motif", agentIDF, r.ID, primo.Decision{Action: "refuse", Motif: "  "}, erpps.EINVALID},
		{"a motif too long", agentIDF, r.ID, primo.Decision{Action: "refuse", Motif: strings.Repeat("a", 1001)}, erpps.EINVALID},
		{"an unknown action", agentIDF, r.ID, primo.Decision{Action: "complement"}, erpps.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Decide(ctx, tt.agent, tt.id, tt.d)
			wantCode(t, err, tt.want)
		})
	}
	_, err = e.svc.Get(ctx, agentOcc, r.ID)
	wantCode(t, err, erpps.ENOTFOUND)
	if got, _ := e.store.FindRegistration(ctx, r.ID); got.Status != erpps.RegistrationSubmitted {
		t.Fatalf("after the refusals: %s, want still submitted", got.Status)
	}
	c, err := e.svc.Decide(ctx, agentIDF, r.ID, primo.Decision{Action: "refuse", Motif: "Diplôme étranger sans autorisation d'exercice."})
	if err != nil || c.Registration.Status != erpps.RegistrationRefused || c.Registration.RPPS != "" {
		t.Fatalf("refusal = %+v, %v", c, err)
	}
	_, err = e.svc.Decide(ctx, agentIDF, r.ID, primo.Decision{Action: "accept"})
	wantCode(t, err, erpps.ECONFLICT)
	// Refused, the person may register again.
	if _, err := e.svc.Submit(ctx, token, validForm()); err != nil {
		t.Fatalf("a new registration after a refusal: %v", err)
	}
}

func TestNumber(t *testing.T) {
	for _, seq := range []int64{1, 2, 99_999_999} {
		n, err := primo.Number(seq)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := identifiers.ParseRPPS(n); err != nil || !strings.HasPrefix(n, "19") {
			t.Fatalf("primo.Number(%d) = %s: %v", seq, n, err)
		}
	}
	a, _ := primo.Number(1)
	b, _ := primo.Number(2)
	if a == b {
		t.Fatal("two values of the sequence give one number")
	}
	for _, seq := range []int64{0, -1, 100_000_000} {
		if _, err := primo.Number(seq); err == nil {
			t.Fatalf("primo.Number(%d) gave a number", seq)
		}
	}
}
