package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// tiles are the guide's eight actions: the tile's id, the page's heading.
var tiles = []struct{ id, heading, route string }{
	{"tile-activites", "Voir mes activités professionnelles", "activites"},
	{"tile-cesser", "Cesser une activité", "cesser"},
	{"tile-nouvelle-activite", "Déclarer une nouvelle activité", "nouvelle-activite"},
	{"tile-demandes", "Consulter ma demande en cours", "demandes"},
	{"tile-attestations", "Télécharger mes attestations", "attestations"},
	{"tile-nouvelle-profession", "Déclarer une nouvelle profession", "nouvelle-profession"},
	{"tile-coordonnees", "Modifier vos coordonnées de contact", "coordonnees"},
	{"tile-nom-exercice", "Modifier le nom d'exercice", "nom-exercice"},
}

// demoRPPS is the first demo practitioner whose record the ARS keeps.
func demoRPPS(t *testing.T) string {
	t.Helper()
	return demoPractitioner(t).RPPS
}

// TestStartToHomePage measures the time from starting "erpps web" (first
// start: store created, demo records written) to the entry page rendered in
// Chromium with the records listed.
func TestStartToHomePage(t *testing.T) {
	ctx := newBrowser(t)
	webBinary(t)
	rpps := demoRPPS(t)
	t0 := time.Now()
	srv := startServer(t, t.TempDir())
	step(t, ctx, "open the entry page", chromedp.Navigate(srv.URL+"/"))
	waitText(t, ctx, "Bienvenue sur le portail d'enregistrement eRPPS")
	waitText(t, ctx, rpps)
	elapsed := time.Since(t0)
	t.Logf("erpps web start → entry page rendered with the records: %v", elapsed.Round(time.Millisecond))
	if dir := os.Getenv("ERPPS_ARTIFACTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "start-to-home.txt"), []byte(fmt.Sprintf("%d ms\n", elapsed.Milliseconds())), 0o644)
	}
	screenshot(t, ctx, "00-entry")
}

// TestPortalHomeAndTheEightActions opens a record, checks the portal home's
// wording and follows each of the eight tiles to its page.
func TestPortalHomeAndTheEightActions(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	rpps := demoRPPS(t)
	home := srv.URL + "/#/pro/" + rpps
	step(t, ctx, "open the portal home", chromedp.Navigate(home))
	for _, s := range []string{
		"Votre portail vous permet de mettre à jour les informations concernant vos activités professionnelles.",
		"Que souhaitez-vous faire ?",
		"Sur votre portail, vous pouvez également :",
		"À faire en premier, pour tout changement de département",
		"L'ARS vous remercie pour le soin que vous apporterez au maintien de ces informations.",
	} {
		waitText(t, ctx, s)
	}
	screenshot(t, ctx, "01-portal-home")
	for i, tile := range tiles {
		t.Run(tile.route, func(t *testing.T) {
			step(t, ctx, "back to the portal home", chromedp.Navigate(home))
			step(t, ctx, "click "+tile.id,
				chromedp.WaitVisible(chromedp.ID(tile.id)),
				chromedp.Click(chromedp.ID(tile.id)),
			)
			h1Is(t, ctx, tile.heading)
			loc, err := chromedp.Run(ctx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			if want := "#/pro/" + rpps + "/" + tile.route; !endsWith(loc, want) {
				t.Fatalf("tile led to %s, want …%s", loc, want)
			}
			screenshot(t, ctx, fmt.Sprintf("02-action-%d-%s", i+1, tile.route))
		})
	}
}

// TestHelpPageAndRecord checks the connection help and the record page.
func TestHelpPageAndRecord(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	step(t, ctx, "open the help page", chromedp.Navigate(srv.URL+"/#/aide"))
	for _, s := range []string{"Votre identifiant RPPS", "8", "SE CONNECTER AVEC E-CPS", "FranceConnect", "l'heure de votre téléphone", "Quel identifiant saisir ?"} {
		waitText(t, ctx, s)
	}
	screenshot(t, ctx, "03-help")
	rpps := demoRPPS(t)
	step(t, ctx, "open the record", chromedp.Navigate(srv.URL+"/#/pro/"+rpps+"/dossier"))
	waitText(t, ctx, rpps)
	waitText(t, ctx, "8"+rpps)
	screenshot(t, ctx, "04-record")
}

func h1Is(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	expr := fmt.Sprintf(`(() => { const h = document.querySelector("main h1"); return !!h && h.innerText.trim() === %q })()`, want)
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](expr)); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("main h1")||{innerText:"(no h1)"}).innerText`))
		t.Fatalf("h1 is %q, want %q", got, want)
	}
}

func endsWith(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
