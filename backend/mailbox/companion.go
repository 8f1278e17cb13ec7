package mailbox

import (
	"fmt"
	"net/url"
	"strings"

	goqr "github.com/piglig/go-qr"

	"erpps/backend/erpps"
)

// CompanionURL is the phone companion's page on the eRPPS server, with the
// identifier and the activation code in its fragment (never sent to a
// server, nor written in its logs): « Transmettre au téléphone ».
func CompanionURL(server, idnps, code string) (string, error) {
	base, err := url.Parse(strings.TrimRight(strings.TrimSpace(server), "/"))
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" {
		return "", erpps.Errorf(erpps.EUNAVAILABLE, "Aucun serveur eRPPS n'est configuré sur ce poste : le téléphone ne peut pas ouvrir la page d'activation.")
	}
	// identifiant first, as the companion documents it.
	return base.String() + "/mobile#identifiant=" + url.QueryEscape(idnps) + "&code=" + url.QueryEscape(code), nil
}

// QRCodePNG draws payload as a QR code (error correction M, 8 pixels a
// module, the standard 4-module margin), for the phone's camera.
func QRCodePNG(payload string) ([]byte, error) {
	code, err := goqr.EncodeText(payload, goqr.Medium)
	if err != nil {
		return nil, fmt.Errorf("mailbox: unable to encode the QR code: %w", err)
	}
	b, err := code.ToPNGBytes(goqr.NewQrCodeImgConfig(8, 4))
	if err != nil {
		return nil, fmt.Errorf("mailbox: unable to draw the QR code: %w", err)
	}
	return b, nil
}
