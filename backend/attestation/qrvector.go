package attestation

import (
	"fmt"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	goqr "github.com/piglig/go-qr"
)

// qrVector is a maroto component drawing a QR code as vector squares: one
// horizontal bar per run of dark modules. Unlike maroto's QR code (a bitmap
// of one pixel per module, scaled by the viewer), it stays sharp on screen
// and in print at any resolution, and skips the PNG encoding and decoding.
// Each bar is a line as thick as the bar is tall, drawn in the document's
// default (black) colour.
type qrVector struct {
	bars        []qrBar
	modules     int     // modules per side
	side        float64 // drawn size, mm
	left, top   float64 // offset in the cell, mm
	config      *entity.Config
	payloadSize int
}

// qrBar is a rectangle of dark modules: columns [x0, x1), rows [y0, y1).
type qrBar struct{ x0, x1, y0, y1 int }

// eciUTF8 is the ECI designator telling readers that bytes are UTF-8; without
// it some readers (zbar among them) guess Shift-JIS.
const eciUTF8 = 26

// newQRVector encodes payload at error correction level M at least (higher
// when it fits in the same size), with an UTF-8 ECI designator when the
// payload is not ASCII.
func newQRVector(payload string, side, left, top float64) (*qrVector, error) {
	data, err := goqr.MakeBytes([]byte(payload))
	if err != nil {
		return nil, fmt.Errorf("attestation: unable to encode the QR code: %w", err)
	}
	segs := []*goqr.QrSegment{data}
	if !isASCII(payload) {
		eci, err := goqr.MakeEci(eciUTF8)
		if err != nil {
			return nil, fmt.Errorf("attestation: unable to encode the QR code: %w", err)
		}
		segs = []*goqr.QrSegment{eci, data}
	}
	code, err := goqr.EncodeSegments(segs, goqr.Medium, goqr.MinVersion, goqr.MaxVersion, -1, true)
	if err != nil {
		return nil, fmt.Errorf("attestation: unable to encode the QR code: %w", err)
	}
	n := code.Size()
	return &qrVector{
		bars: moduleBars(n, code.Module), modules: n,
		side: side, left: left, top: top, payloadSize: len(payload),
	}, nil
}

// moduleBars covers the dark modules of an n×n code with rectangles: the
// horizontal runs of dark modules, each merged with the identical runs of
// the rows below it. This halves the drawing operations.
func moduleBars(n int, dark func(x, y int) bool) []qrBar {
	bars := make([]qrBar, 0, n*n/6)
	open := map[[2]int]int{} // run [x0, x1) → index in bars of the bar ending on the previous row
	next := map[[2]int]int{}
	for y := 0; y < n; y++ {
		clear(next)
		start := -1
		for x := 0; x <= n; x++ {
			d := x < n && dark(x, y)
			switch {
			case d && start < 0:
				start = x
			case !d && start >= 0:
				key := [2]int{start, x}
				if i, ok := open[key]; ok {
					bars[i].y1 = y + 1
					next[key] = i
				} else {
					bars = append(bars, qrBar{x0: start, x1: x, y0: y, y1: y + 1})
					next[key] = len(bars) - 1
				}
				start = -1
			}
		}
		open, next = next, open
	}
	return bars
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Render implements core.Component.
func (q *qrVector) Render(provider core.Provider, cell *entity.Cell) {
	m := q.side / float64(q.modules)
	var prop props.Line
	for _, b := range q.bars {
		bar := entity.Cell{
			X:      cell.X + q.left + float64(b.x0)*m,
			Y:      cell.Y + q.top + float64(b.y0)*m,
			Width:  float64(b.x1-b.x0) * m,
			Height: float64(b.y1-b.y0) * m,
		}
		prop = props.Line{
			Style:         linestyle.Solid,
			Thickness:     bar.Height + 0.02, // a slight overlap hides seams between bars
			OffsetPercent: 50,
			SizePercent:   100,
		}
		provider.AddLine(&bar, &prop)
	}
}

// GetHeight implements core.Component.
func (q *qrVector) GetHeight(core.Provider, *entity.Cell) float64 { return q.top + q.side }

// SetConfig implements core.Node.
func (q *qrVector) SetConfig(config *entity.Config) { q.config = config }

// GetStructure implements core.Node.
func (q *qrVector) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{
		Type:    "qr_vector",
		Value:   fmt.Sprintf("%d bytes", q.payloadSize),
		Details: map[string]any{"modules": q.modules, "side": q.side},
	})
}
