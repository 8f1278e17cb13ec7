package attestation

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"runtime"

	mimage "github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	goqr "github.com/piglig/go-qr"
)

// eciUTF8 is the ECI designator telling readers that bytes are UTF-8; without
// it some readers (zbar among them) guess Shift-JIS.
const eciUTF8 = 26

// pixelsPerModule scales the QR code's bitmap. PDF viewers scale small
// bitmaps up with smoothing (poppler does below a factor of 4), which blurs
// one-pixel modules beyond what a reader decodes; four pixels per module keep
// the edges sharp on screen, in print and in an 80 dpi page image.
const pixelsPerModule = 4

// qrPalette is the bitmap's two colours: index 1 is a dark module.
var qrPalette = color.Palette{color.White, color.Black}

// qrEncoder draws QR codes as 1-bit PNG images, reusing its compressors
// across documents. It is safe for concurrent use.
type qrEncoder struct {
	png png.Encoder
}

func newQREncoder() *qrEncoder {
	return &qrEncoder{png: png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: newPNGBuffers(runtime.GOMAXPROCS(0))}}
}

// component is the QR code of payload as a maroto image, side millimetres
// wide, at (left, top) in a column width millimetres wide.
func (e *qrEncoder) component(payload string, side, left, top, width float64) (core.Component, error) {
	b, err := e.encode(payload)
	if err != nil {
		return nil, err
	}
	return mimage.NewFromBytes(b, extension.Png, props.Rect{
		Left: left, Top: top, Percent: 100 * side / width, JustReferenceWidth: true,
	}), nil
}

// encode returns the PNG of the QR code of payload, at error correction level
// M at least (higher when it fits in the same size), with an UTF-8 ECI
// designator when the payload is not ASCII.
func (e *qrEncoder) encode(payload string) ([]byte, error) {
	code, err := encodeQR(payload)
	if err != nil {
		return nil, err
	}
	n := code.Size()
	img := image.NewPaletted(image.Rect(0, 0, n*pixelsPerModule, n*pixelsPerModule), qrPalette)
	for y := 0; y < n; y++ {
		row := img.Pix[y*pixelsPerModule*img.Stride:][:img.Stride]
		for x := 0; x < n; x++ {
			if code.Module(x, y) {
				for i := range pixelsPerModule {
					row[x*pixelsPerModule+i] = 1
				}
			}
		}
		for i := 1; i < pixelsPerModule; i++ {
			copy(img.Pix[(y*pixelsPerModule+i)*img.Stride:][:img.Stride], row)
		}
	}
	var buf bytes.Buffer
	buf.Grow(4096)
	if err := e.png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("attestation: unable to draw the QR code: %w", err)
	}
	return buf.Bytes(), nil
}

func encodeQR(payload string) (*goqr.QrCode, error) {
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
	return code, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pngBuffers lets the PNG encoder reuse its buffers and zlib compressor (about
// 800 KB) instead of allocating them for every QR code. Unlike a sync.Pool,
// which the garbage collector empties every other cycle (every few documents
// here), it keeps up to cap(free) of them.
type pngBuffers struct{ free chan *png.EncoderBuffer }

func newPNGBuffers(n int) *pngBuffers {
	return &pngBuffers{free: make(chan *png.EncoderBuffer, n)}
}

func (p *pngBuffers) Get() *png.EncoderBuffer {
	select {
	case b := <-p.free:
		return b
	default:
		return nil // the encoder allocates one
	}
}

func (p *pngBuffers) Put(b *png.EncoderBuffer) {
	select {
	case p.free <- b:
	default: // enough kept
	}
}
