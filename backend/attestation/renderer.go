package attestation

import (
	"fmt"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"erpps/backend/erpps"
	"erpps/backend/signing"
)

// Renderer draws attestations as PDF. It is safe for concurrent use.
type Renderer struct {
	config *entity.Config
	layout layout
	// newQR draws the QR code of a payload.
	newQR func(payload string) (core.Component, error)
}

// NewRenderer prepares what every attestation shares; it writes with the
// embedded Unicode font (see fonts.go).
func NewRenderer() (*Renderer, error) {
	return newRenderer(layout{family: unicodeFamily, encode: toPrintable, upright: true}, unicodeFonts())
}

// newHelveticaRenderer writes with the PDF core font Helvetica, which loses
// the letters outside Windows-1252: the "before" of the embedded font, kept
// for the benchmarks.
func newHelveticaRenderer() (*Renderer, error) {
	// Not fontfamily.Helvetica: see toWinAnsi.
	return newRenderer(layout{family: "Helvetica", encode: toWinAnsi}, nil)
}

func newRenderer(l layout, fonts []*entity.CustomFont) (*Renderer, error) {
	family := l.family
	ink, muted := colorInk, colorMuted
	b := config.NewBuilder()
	if len(fonts) > 0 {
		b = b.WithCustomFonts(fonts)
	}
	cfg := b.
		WithPageSize(pagesize.A4).
		WithLeftMargin(marginLeft).
		WithRightMargin(marginRight).
		WithTopMargin(marginTop).
		WithBottomMargin(marginBottom).
		WithDefaultFont(&props.Font{Family: family, Style: fontstyle.Normal, Size: 10, Color: &ink}).
		WithPageNumber(props.PageNumber{Pattern: "Page {current} / {total}", Place: props.RightBottom, Family: family, Size: 7.5, Color: &muted}).
		WithCreator("eRPPS", false).
		Build()
	qr := newQREncoder()
	return &Renderer{config: cfg, layout: l, newQR: func(payload string) (core.Component, error) {
		return qr.component(payload, qrSide, qrLeft, qrTop, contentWidth/3)
	}}, nil
}

// Render draws the attestation of d, its QR code signed by s, and returns the
// PDF bytes.
func (r *Renderer) Render(d Data, s signing.Signer) ([]byte, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	payload, err := Payload(d, s)
	if err != nil {
		return nil, err
	}
	d.Preview = signing.IsLocal(s)
	cfg := *r.config
	cfg.Metadata = &entity.Metadata{
		Title:        &entity.Utf8Text{Text: docTitle, UTF8: true},
		Author:       &entity.Utf8Text{Text: d.Issuer, UTF8: true},
		Subject:      &entity.Utf8Text{Text: "Document n° " + d.DocumentNumber, UTF8: true},
		Creator:      &entity.Utf8Text{Text: "eRPPS", UTF8: false},
		CreationDate: &d.IssuedAt,
	}
	qr, err := r.newQR(payload)
	if err != nil {
		return nil, erpps.Internal(err)
	}
	m := maroto.New(&cfg)
	l := r.layout
	if err := m.RegisterFooter(l.footer(d)); err != nil {
		return nil, erpps.Internal(fmt.Errorf("attestation: unable to set the footer: %w", err))
	}
	m.AddRows(l.header(d), l.rule(4, colorInk, 0.5))
	m.AddRows(l.marks(d)...)
	m.AddRows(l.title(d)...)
	m.AddRows(l.section(identityLabel)...)
	m.AddRows(l.identity(d, qr))
	m.AddRows(l.activitiesTitle(d)...)
	// A header registered now is drawn here and atop every page the table
	// runs onto; registering none after the table stops it.
	if err := m.RegisterHeader(l.tableHead()); err != nil {
		return nil, erpps.Internal(fmt.Errorf("attestation: unable to set the table head: %w", err))
	}
	m.AddRows(l.tableBody(d)...)
	if err := m.RegisterHeader(); err != nil {
		return nil, erpps.Internal(fmt.Errorf("attestation: unable to clear the table head: %w", err))
	}
	m.AddRows(l.closing(d)...)
	doc, err := m.Generate()
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("attestation: unable to generate the PDF: %w", err))
	}
	return doc.GetBytes(), nil
}
