package mailbox

import (
	"bytes"
	"image/png"
	"testing"

	goqr "github.com/piglig/go-qr"

	"erpps/backend/erpps"
)

func TestCompanionURL(t *testing.T) {
	got, err := CompanionURL("https://erpps.ars.example/ ", "810001234565", "482913")
	if err != nil || got != "https://erpps.ars.example/mobile#identifiant=810001234565&code=482913" {
		t.Errorf("CompanionURL = %q, %v", got, err)
	}
	for _, bad := range []string{"", "ftp://x", "erpps.example", "https://"} {
		if _, err := CompanionURL(bad, "810001234565", "482913"); erpps.ErrorCode(err) != erpps.EUNAVAILABLE {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// The QR code drawn reads back as the companion's URL.
func TestQRCodePNGReadsBack(t *testing.T) {
	const link = "https://erpps.ars.example/mobile#identifiant=810001234565&code=482913"
	b, err := QRCodePNG(link)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got, err := goqr.Decode(img)
	if err != nil || got != link {
		t.Errorf("decoded %q, %v", got, err)
	}
}
