// Package code would draw barcodes, QR codes and data matrices.
//
// erpps patch: upstream draws them with github.com/boombuler/barcode, which
// eRPPS's copy of maroto does not link (eRPPS draws its attestations' QR codes
// itself, as images). Every method returns ErrCodesUnavailable; maroto's
// provider then writes its "could not generate ..." text in place of the code,
// as it does for any code it cannot draw.
package code

import (
	"errors"

	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// ErrCodesUnavailable is returned for every barcode, QR code and data matrix
// (erpps patch).
var ErrCodesUnavailable = errors.New("maroto: barcodes, QR codes and data matrices are not available in this copy (no github.com/boombuler/barcode)")

type code struct{}

// New create a Code (Singleton).
func New() *code {
	return &code{}
}

// GenDataMatrix returns ErrCodesUnavailable (erpps patch).
func (c *code) GenDataMatrix(_ string) (*entity.Image, error) {
	return nil, ErrCodesUnavailable
}

// GenQr returns ErrCodesUnavailable (erpps patch).
func (c *code) GenQr(_ string) (*entity.Image, error) {
	return nil, ErrCodesUnavailable
}

// GenBar returns ErrCodesUnavailable (erpps patch).
func (c *code) GenBar(_ string, _ *entity.Cell, _ *props.Barcode) (*entity.Image, error) {
	return nil, ErrCodesUnavailable
}
