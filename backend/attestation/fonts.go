package attestation

import (
	_ "embed"

	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
)

// The attestation's font: DejaVu Sans (Debian's fonts-dejavu-core), whose
// licence allows redistribution (fonts/LICENSE). It covers the Latin,
// Greek and Cyrillic scripts, Vietnamese included, so that every name is
// printed, and read back by pdftotext, exactly. The PDF embeds only the
// glyphs a document uses.
var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVuSans []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuSansBold []byte
)

// unicodeFamily is the family name the renderer registers DejaVu Sans under.
const unicodeFamily = "dejavusans"

// unicodeFonts are the styles of the attestation's font; italics are drawn
// upright (fonts-dejavu-core has no oblique).
func unicodeFonts() []*entity.CustomFont {
	return []*entity.CustomFont{
		{Family: unicodeFamily, Style: fontstyle.Normal, Bytes: dejaVuSans},
		{Family: unicodeFamily, Style: fontstyle.Bold, Bytes: dejaVuSansBold},
	}
}
