package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
)

// TestActionContact changes the coordonnées de correspondance: the form
// starts from the record; a wrong e-mail address and a too short phone
// number are reported beside their fields and kept, then corrected (a
// landline first, which cannot receive the e-CPS SMS, then a mobile); the
// draft survives a crash of the app; it is transmitted, and the phone number
// is stored in E.164.
func TestActionContact(t *testing.T) {
	ctx := newBrowser(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir)
	p := demoPractitioner(t)
	page := "/#/pro/" + p.RPPS + "/coordonnees"

	step(t, ctx, "open the coordonnées", chromedp.Navigate(srv.URL+page))
	pageTitleIs(t, ctx, "Modifier vos coordonnées de contact")
	waitText(t, ctx, "Coordonnées à vérifier lors de la première connexion via Pro Santé Connect. Si vous avez droit à une carte CPS, c'est à l'adresse indiquée ici que vous la recevrez.")
	waitText(t, ctx, "Un numéro de portable permet de recevoir par SMS le code d'activation de votre e-CPS.")
	step(t, ctx, "wait for the form", chromedp.WaitVisible(chromedp.ID("field-email")))

	// Prefilled from the record.
	waitInputValue(t, ctx, "field-email", p.Contact.Email)
	if got := inputValue(t, ctx, "field-phone"); got == "" || strings.HasPrefix(got, "+") {
		t.Fatalf("the phone is not prefilled in the national format: %q", got)
	}
	waitInputValue(t, ctx, "field-address.postalCode", p.Contact.Address.PostalCode)
	waitInputValue(t, ctx, "field-address.city", p.Contact.Address.City)
	if got := inputValue(t, ctx, "field-address.street"); !strings.Contains(got, p.Contact.Address.Number) {
		t.Fatalf("the street line %q lacks the record's number %q", got, p.Contact.Address.Number)
	}
	waitText(t, ctx, "Numéro reconnu : ")
	look(t, ctx, "action-coordonnees-1-prefilled")

	// Wrong values: reported beside the fields, kept as typed.
	typeInto(t, ctx, "field-email", "claire.martin.example.com")
	typeInto(t, ctx, "field-phone", "06 12 34 56")
	waitFieldError(t, ctx, "email", "L'adresse électronique doit contenir « @ »")
	waitFieldError(t, ctx, "phone", "Il manque des chiffres")
	waitInvalid(t, ctx, "field-email")
	waitInvalid(t, ctx, "field-phone")
	if got := inputValue(t, ctx, "field-email"); got != "claire.martin.example.com" {
		t.Fatalf("the wrong e-mail typed was not kept: %q", got)
	}
	if got := inputValue(t, ctx, "field-phone"); got != "06 12 34 56" {
		t.Fatalf("the wrong phone typed was not kept: %q", got)
	}
	if present(t, ctx, "activation-preview") {
		t.Fatal("the activation codes' destination is shown for wrong coordonnées")
	}
	waitSaved(t, ctx)
	look(t, ctx, "action-coordonnees-2-errors")

	// Corrected with a landline: valid, but the SMS needs a mobile.
	typeInto(t, ctx, "field-email", "claire.martin@example.com")
	typeInto(t, ctx, "field-phone", "01 42 27 12 34")
	waitNoFieldError(t, ctx, "email")
	waitNoFieldError(t, ctx, "phone")
	waitJS(t, ctx, "the not-mobile warning", `!!document.getElementById("guidance-not_mobile")`)
	waitText(t, ctx, "Numéro reconnu : 01 42 27 12 34 (pas un portable)")
	waitSaved(t, ctx)
	look(t, ctx, "action-coordonnees-3-landline")

	// A mobile: the warning goes; the activation codes' destination shows masked.
	typeInto(t, ctx, "field-phone", "06 00 98 76 54")
	waitText(t, ctx, "Numéro reconnu : 06 00 98 76 54 (portable)")
	waitJS(t, ctx, "the not-mobile warning gone", `!document.getElementById("guidance-not_mobile")`)
	// Every field of the address typed key by key, as shown and as saved:
	// the street kept its spaces (it lost them all: « 12ruedelaPaix »).
	typeInto(t, ctx, "field-address.street", "12 rue de la Paix")
	typeInto(t, ctx, "field-address.complement", "Bâtiment B - porte d'entrée")
	typeInto(t, ctx, "field-address.postalCode", p.Contact.Address.PostalCode)
	typeInto(t, ctx, "field-address.city", p.Contact.Address.City)
	waitSaved(t, ctx)
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindContact, map[string]string{
		"email":              "claire.martin@example.com",
		"phone":              "06 00 98 76 54",
		"address.street":     "12 rue de la Paix",
		"address.complement": "Bâtiment B - porte d'entrée",
		"address.postalCode": p.Contact.Address.PostalCode,
		"address.city":       p.Contact.Address.City,
	})
	waitInputValue(t, ctx, "field-address.street", "12 rue de la Paix")
	preview := elementText(t, ctx, "activation-preview")
	for _, want := range []string{"c...n@example.com", "06 •• •• •• 54"} {
		if !strings.Contains(preview, want) {
			t.Fatalf("the activation preview %q lacks %q", preview, want)
		}
	}
	look(t, ctx, "action-coordonnees-4-mobile")

	// A crash, then the app again on the same data: the draft is resumed.
	srv.kill()
	srv = startServer(t, dataDir)
	step(t, ctx, "reopen the coordonnées", chromedp.Navigate(srv.URL+page))
	waitText(t, ctx, "Vous reprenez votre demande en cours, enregistrée le")
	waitInputValue(t, ctx, "field-email", "claire.martin@example.com")
	waitInputValue(t, ctx, "field-phone", "06 00 98 76 54")
	waitInputValue(t, ctx, "field-address.complement", "Bâtiment B - porte d'entrée")
	waitInputValue(t, ctx, "field-address.street", "12 rue de la Paix")
	waitText(t, ctx, "Numéro reconnu : 06 00 98 76 54 (portable)")
	look(t, ctx, "action-coordonnees-5-resumed")

	// Transmitted: read-only, with the coordonnées masked as the activation screen shows them.
	clickID(t, ctx, "btn-transmit")
	waitTransmitted(t, ctx, "field-email", "field-phone", "field-address.street", "field-address.postalCode", "field-address.city")
	waitText(t, ctx, "Historique de la demande")
	waitText(t, ctx, "claire.martin@example.com")
	waitText(t, ctx, "06 00 98 76 54")
	waitText(t, ctx, "c...n@example.com")
	look(t, ctx, "action-coordonnees-6-transmitted")

	// The phone number was stored in E.164.
	list := requestsOf(t, srv.URL, p.RPPS, erpps.KindContact)
	if len(list) != 1 || list[0].Status != erpps.StatusTransmitted {
		t.Fatalf("requests of the coordonnées: %+v, want one transmitted", list)
	}
	var view struct {
		Request erpps.Request `json:"request"`
	}
	callAPI(t, srv.URL, "GetRequest", &view, list[0].ID)
	var payload erpps.ContactPayload
	if err := json.Unmarshal(view.Request.Payload, &payload); err != nil {
		t.Fatalf("the transmitted payload: %v", err)
	}
	if payload.Phone != "+33600987654" || payload.Email != "claire.martin@example.com" || payload.Address.Complement != "Bâtiment B - porte d'entrée" || payload.Address.Street != "12 rue de la Paix" {
		t.Fatalf("transmitted coordonnées %+v, want the phone +33600987654, the new e-mail, street and complement", payload)
	}

	waitListedAsTransmitted(t, ctx, srv.URL, p.RPPS, "Coordonnées de contact")
	look(t, ctx, "action-coordonnees-7-requests")
}
