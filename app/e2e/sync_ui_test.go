package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	erppsserver "erpps/backend/server"
	"erpps/backend/sqlite"
	"erpps/backend/syncserver"
)

const uiSyncPassword = "mot de passe du serveur"

// uiSyncServer is erpps-server's handler over a SQLite file, in this test's
// process, holding p's record and account; down cuts every connection.
type uiSyncServer struct {
	store *sqlite.DB
	url   string
	down  atomic.Bool
}

func startUISyncServer(t *testing.T, p *erpps.Practitioner) *uiSyncServer {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(uiSyncPassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateAccount(ctx, &erpps.Account{ID: "rpps:" + p.RPPS, Login: p.RPPS, Role: erpps.RoleProfessional,
		Name: p.FirstName + " " + p.ExerciseName, RPPS: p.RPPS, CreatedAt: time.Now().UTC()}, hash); err != nil {
		t.Fatal(err)
	}
	deleg := &delegation.Service{Store: store, Now: time.Now}
	svc := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: cat, Now: time.Now, Mandates: deleg}
	api, err := erppsserver.New(erppsserver.Config{Store: store, Catalog: cat, Requests: svc, BackOffice: &backoffice.Service{Store: store, Catalog: cat, Now: time.Now},
		Delegation: deleg, Auth: &auth.PasswordAuthenticator{Accounts: store}, Sessions: &auth.Sessions{Store: store, TTL: time.Hour},
		Sync: &syncserver.Service{Store: store, Requests: svc, Now: time.Now, PollEvery: 50 * time.Millisecond, WaitTimeout: 2 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	s := &uiSyncServer{store: store}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.down.Load() {
			if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
				_ = conn.Close()
			}
			return
		}
		api.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	s.url = ts.URL
	return s
}

// serverPayload is a request's payload on the server ("" when absent).
func (s *uiSyncServer) field(id, key string) string {
	r, err := s.store.FindRequestByID(context.Background(), id)
	if err != nil {
		return ""
	}
	var m map[string]any
	_ = json.Unmarshal(r.Payload, &m)
	v, _ := m[key].(string)
	return v
}

func waitSyncState(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	waitJS(t, ctx, "the header says "+state, `!!document.querySelector('#header [data-sync-state=`+jsString(state)+`]')`)
}

// TestSyncServerPage: the « Serveur eRPPS » page signs the desktop in to a
// server (typed key by key; a wrong password is refused), the header says
// « En ligne » and the draft typed reaches the server; the server cut, the
// header says « Hors ligne » with the change waiting; meanwhile the draft is
// changed on the server: when the server is back, the request shows the
// three versions (yours, the server's, the original) field by field; the
// choice is sent and reaches the server; signing out gives « Serveur eRPPS »
// back.
func TestSyncServerPage(t *testing.T) {
	ctx := newBrowser(t)
	p := demoPractitioner(t)
	remote := startUISyncServer(t, p)
	srv := startServer(t, t.TempDir())

	step(t, ctx, "open the server page", chromedp.Navigate(srv.URL+"/#/serveur"))
	pageTitleIs(t, ctx, "Serveur eRPPS")
	waitSyncState(t, ctx, "local")
	waitText(t, ctx, "Ce poste n'est relié à aucun serveur")
	look(t, ctx, "serveur-1-non-relie")

	// Sent empty: Go tells every field at once, the focus goes to the first.
	clickID(t, ctx, "btn-server-signin")
	for _, id := range []string{"server-url", "server-login", "server-password"} {
		waitInvalid(t, ctx, id)
	}
	waitText(t, ctx, "Saisissez votre identifiant.")
	waitJS(t, ctx, "the focus on the address", `document.activeElement && document.activeElement.id === "server-url"`)

	typeInto(t, ctx, "server-url", remote.url)
	typeInto(t, ctx, "server-login", p.RPPS)
	typeInto(t, ctx, "server-password", "pas le bon")
	clickID(t, ctx, "btn-server-signin")
	waitText(t, ctx, "Identifiant ou mot de passe incorrect.")
	look(t, ctx, "serveur-2-refus")
	typeInto(t, ctx, "server-password", uiSyncPassword)
	clickID(t, ctx, "btn-server-signin")
	waitText(t, ctx, "Ce poste est relié au serveur eRPPS")
	waitSyncState(t, ctx, "online")
	waitText(t, ctx, "Tout est envoyé")
	look(t, ctx, "serveur-3-relie")

	// A draft typed on the desktop reaches the server by itself.
	step(t, ctx, "open the exercise name", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/nom-exercice"))
	pageTitleIs(t, ctx, "Modifier le nom d'exercice")
	typeInto(t, ctx, "field-exerciseName", "MARTIN-DURAND")
	waitSaved(t, ctx)
	var list []erpps.Request
	deadline := time.Now().Add(15 * time.Second)
	id := ""
	for id == "" {
		list = requestsOf(t, srv.URL, p.RPPS, erpps.KindExerciseName)
		if len(list) == 1 && remote.field(list[0].ID, "exerciseName") == "MARTIN-DURAND" {
			id = list[0].ID
		} else if time.Now().After(deadline) {
			t.Fatalf("the draft never reached the server (%d local)", len(list))
		} else {
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitSyncState(t, ctx, "online")

	// The server is cut: the change waits, the header says so.
	remote.down.Store(true)
	typeInto(t, ctx, "field-exerciseFirstName", "Anne-Sophie")
	waitSaved(t, ctx)
	waitSyncState(t, ctx, "offline")
	waitText(t, ctx, "1 modification en attente d'envoi")
	look(t, ctx, "serveur-4-hors-ligne")

	// Meanwhile the draft changes on the server (another desktop).
	onServer, err := remote.store.FindRequestByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	other := erpps.Actor{Role: erpps.RoleProfessional, ID: p.RPPS, Name: "Un autre poste"}
	if _, err := remote.store.SaveDraft(context.Background(), id, onServer.Revision,
		json.RawMessage(`{"exerciseName":"DURAND","exerciseFirstName":"Sophie","useBirthName":false}`), other); err != nil {
		t.Fatal(err)
	}
	remote.down.Store(false)

	// Back online: the conflict is shown with the three versions.
	waitJS(t, ctx, "the three-way conflict shown", `(() => { const el = document.getElementById("sync-issue"); return !!el && el.dataset.syncIssue === "conflict" && !!document.getElementById("sync-compare") })()`)
	compare := elementText(t, ctx, "sync-compare")
	for _, want := range []string{"Votre version", "Version du serveur", "Version d'origine", "MARTIN-DURAND", "DURAND", "Anne-Sophie", "Sophie"} {
		if !strings.Contains(compare, want) {
			t.Fatalf("the comparison lacks %q:\n%s", want, compare)
		}
	}
	look(t, ctx, "serveur-5-conflit")
	// Keep the server's name and this desktop's first name.
	clickID(t, ctx, "sync-compare-exerciseName-1")
	clickID(t, ctx, "sync-compare-exerciseFirstName-0")
	look(t, ctx, "serveur-6-choix")
	clickID(t, ctx, "btn-sync-save")
	waitJS(t, ctx, "the conflict settled", `!document.getElementById("sync-issue")`)
	deadline = time.Now().Add(15 * time.Second)
	for remote.field(id, "exerciseName") != "DURAND" || remote.field(id, "exerciseFirstName") != "Anne-Sophie" {
		if time.Now().After(deadline) {
			t.Fatalf("the choice never reached the server: %q %q", remote.field(id, "exerciseName"), remote.field(id, "exerciseFirstName"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	waitInputValue(t, ctx, "field-exerciseName", "DURAND")
	waitInputValue(t, ctx, "field-exerciseFirstName", "Anne-Sophie")
	waitSyncState(t, ctx, "online")

	// Signing out: the page offers the sign-in again, the header the link.
	step(t, ctx, "back to the server page", chromedp.Navigate(srv.URL+"/#/serveur"))
	clickID(t, ctx, "btn-server-signout")
	waitText(t, ctx, "Ce poste n'est relié à aucun serveur")
	waitSyncState(t, ctx, "local")
	waitInputValue(t, ctx, "server-url", remote.url)
}

// TestSyncRejectedChange: a draft typed on another record before signing in
// (the local professional of that record acted) is refused by the server
// once this desktop signs in as another professional; the refusal is shown
// on its request with the server's message and never blocks what follows
// (a draft on the account's own record reaches the server); dropping the
// refused change settles it.
func TestSyncRejectedChange(t *testing.T) {
	ctx := newBrowser(t)
	p := demoPractitioner(t)
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	var q *erpps.Practitioner
	for _, x := range list {
		if x.RPPS != p.RPPS && x.ExerciseName != x.BirthName && cat.RecordAuthority(x, time.Now().Format(time.DateOnly)).Kind == refdata.AuthorityARS {
			q = x
			break
		}
	}
	if q == nil {
		t.Fatal("no second demo practitioner kept by an ARS")
	}
	remote := startUISyncServer(t, p)
	srv := startServer(t, t.TempDir())

	step(t, ctx, "open another record's exercise name", chromedp.Navigate(srv.URL+"/#/pro/"+q.RPPS+"/nom-exercice"))
	pageTitleIs(t, ctx, "Modifier le nom d'exercice")
	typeInto(t, ctx, "field-exerciseName", "AUTRE-DOSSIER")
	waitSaved(t, ctx)

	step(t, ctx, "open the server page", chromedp.Navigate(srv.URL+"/#/serveur"))
	pageTitleIs(t, ctx, "Serveur eRPPS")
	typeInto(t, ctx, "server-url", remote.url)
	typeInto(t, ctx, "server-login", p.RPPS)
	typeInto(t, ctx, "server-password", uiSyncPassword)
	clickID(t, ctx, "btn-server-signin")
	waitText(t, ctx, "Ce poste est relié au serveur eRPPS")
	waitText(t, ctx, "1 modification à vérifier")

	// What follows is not blocked: a draft on the account's own record.
	step(t, ctx, "open the account's exercise name", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/nom-exercice"))
	pageTitleIs(t, ctx, "Modifier le nom d'exercice")
	typeInto(t, ctx, "field-exerciseName", "MARTIN-DURAND")
	waitSaved(t, ctx)
	deadline := time.Now().Add(15 * time.Second)
	for {
		mine := requestsOf(t, srv.URL, p.RPPS, erpps.KindExerciseName)
		if len(mine) == 1 && remote.field(mine[0].ID, "exerciseName") == "MARTIN-DURAND" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the draft behind the refused change never reached the server")
		}
		time.Sleep(100 * time.Millisecond)
	}

	// The refusal, on « Mes demandes » of that record (this account cannot
	// open its request), with the server's message.
	refused := requestsOf(t, srv.URL, q.RPPS, erpps.KindExerciseName)
	if len(refused) != 1 {
		t.Fatalf("%d requests on the other record", len(refused))
	}
	step(t, ctx, "the other record's requests", chromedp.Navigate(srv.URL+"/#/pro/"+q.RPPS+"/demandes"))
	waitJS(t, ctx, "the refusal listed", `!!document.querySelector('#sync-issues [data-sync-issue="rejected"]')`)
	waitText(t, ctx, "L'enregistrement de ce brouillon a été refusé par le serveur")
	var issues []struct {
		RequestID string `json:"requestId"`
		Message   string `json:"message"`
	}
	callAPI(t, srv.URL, "ListSyncIssues", &issues)
	if len(issues) != 1 || issues[0].RequestID != refused[0].ID || issues[0].Message == "" {
		t.Fatalf("the issues of the record: %+v", issues)
	}
	waitText(t, ctx, issues[0].Message)
	look(t, ctx, "serveur-7-modification-refusee")
	clickID(t, ctx, "btn-sync-drop-"+refused[0].ID)
	waitJS(t, ctx, "the refusal settled", `!document.getElementById("sync-issues")`)
	step(t, ctx, "open the server page", chromedp.Navigate(srv.URL+"/#/serveur"))
	waitSyncState(t, ctx, "online")
	evalTrue(t, ctx, "nothing left to check", `!document.body.innerText.includes("à vérifier")`)
}
