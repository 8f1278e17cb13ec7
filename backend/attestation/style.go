package attestation

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Page geometry, in millimetres (A4).
const (
	marginLeft   = 15.0
	marginRight  = 15.0
	marginTop    = 12.0
	marginBottom = 10.0
	contentWidth = 210.0 - marginLeft - marginRight
	qrSide       = 44.0                          // the QR code's side, quiet zone excluded
	qrLeft       = contentWidth/3 - qrSide - 0.5 // the QR code's offset in its column: flush right
	qrTop        = 3.0                           // room for the quiet zone under the section rule
)

// Colours of a sober French administrative document.
var (
	colorInk       = props.Color{Red: 22, Green: 22, Blue: 22}
	colorMuted     = props.Color{Red: 88, Green: 88, Blue: 88}
	colorBlueFr    = props.Color{Red: 0, Green: 0, Blue: 145} // bleu France
	colorRule      = props.Color{Red: 200, Green: 200, Blue: 205}
	colorHeaderBg  = props.Color{Red: 232, Green: 232, Blue: 242}
	colorStripedBg = props.Color{Red: 246, Green: 246, Blue: 246}
	colorMark      = props.Color{Red: 206, Green: 5, Blue: 0} // rouge marianne
	colorMarkBg    = props.Color{Red: 255, Green: 233, Blue: 233}
)

// textStyle is a text's look; at places it to a position in its cell.
type textStyle struct {
	size  float64
	style fontstyle.Type
	color props.Color
	align align.Type
}

var (
	styleMarianne      = textStyle{11.5, fontstyle.Bold, colorInk, align.Left}
	styleDevise        = textStyle{8, fontstyle.Italic, colorInk, align.Left}
	styleIssuer        = textStyle{11, fontstyle.Bold, colorInk, align.Right}
	styleIssuerSub     = textStyle{8, fontstyle.Normal, colorMuted, align.Right}
	styleTitle         = textStyle{17, fontstyle.Bold, colorBlueFr, align.Center}
	styleSubtitle      = textStyle{9, fontstyle.Normal, colorMuted, align.Center}
	styleBody          = textStyle{10, fontstyle.Normal, colorInk, align.Left}
	styleSection       = textStyle{11, fontstyle.Bold, colorBlueFr, align.Left}
	styleLabel         = textStyle{9.5, fontstyle.Normal, colorMuted, align.Left}
	styleValue         = textStyle{10, fontstyle.Bold, colorInk, align.Left}
	styleTableHead     = textStyle{8.5, fontstyle.Bold, colorInk, align.Left}
	styleTableCell     = textStyle{8.5, fontstyle.Normal, colorInk, align.Left}
	styleCaption       = textStyle{7.5, fontstyle.Normal, colorMuted, align.Center}
	styleLegal         = textStyle{7.5, fontstyle.Normal, colorMuted, align.Left}
	styleSignature     = textStyle{10, fontstyle.Normal, colorInk, align.Right}
	styleSignatureBy   = textStyle{10, fontstyle.Bold, colorInk, align.Right}
	styleSignatureNote = textStyle{8, fontstyle.Italic, colorMuted, align.Right}
	styleFooter        = textStyle{7.5, fontstyle.Normal, colorMuted, align.Left}
	styleMark          = textStyle{11, fontstyle.Bold, colorMark, align.Center}
	styleMarkNote      = textStyle{8, fontstyle.Normal, colorMark, align.Center}
)

// at returns the maroto text properties of s, top and left millimetres into
// its cell.
func (s textStyle) at(family string, top, left float64) props.Text {
	c := s.color
	return props.Text{
		Family: family,
		Style:  s.style,
		Size:   s.size,
		Color:  &c,
		Align:  s.align,
		Top:    top,
		Left:   left,
	}
}
