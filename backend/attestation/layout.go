package attestation

import (
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"erpps/backend/frenchdate"
)

// Wording of the document.
const (
	docTitle      = "Attestation d'enregistrement au RPPS"
	docSubtitle   = "Répertoire partagé des professionnels intervenant dans le système de santé"
	legalMention  = "Cette attestation est établie d'après les informations enregistrées au Répertoire partagé des professionnels intervenant dans le système de santé (RPPS) à sa date de délivrance ; elle ne préjuge pas de leurs modifications ultérieures. Le code QR reprend les informations principales de l'attestation, signées électroniquement par l'autorité d'enregistrement : il permet d'en vérifier l'authenticité dans eRPPS (« Vérifier une attestation »). Toute modification du document ou du code rend la vérification impossible."
	noActivity    = "Aucune activité en cours n'est enregistrée au RPPS."
	qrCaption     = "Code de vérification signé"
	signedMention = "Attestation signée électroniquement : voir le code QR en première page."
	identityLabel = "Identité du professionnel"

	// Marks of a document that is not the authority's.
	previewMark   = "APERÇU HORS LIGNE — signé par ce poste, sans valeur officielle"
	previewNote   = "Signé par la clé de ce poste en attendant celle de l'autorité d'enregistrement : ne peut pas servir de justificatif."
	previewSigned = "Aperçu signé par ce poste : sans valeur officielle."
	demoMark      = "DÉMO — dossier fictif de démonstration"
	footerPreview = " – aperçu hors ligne"
	footerDemo    = " – DÉMO"
)

// layout turns Data into maroto rows.
type layout struct {
	family  string              // font family of every text
	encode  func(string) string // from UTF-8 to what maroto expects for family
	upright bool                // the family has no italic: draw italics upright
}

// text is a text component; value is UTF-8.
func (l layout) text(value string, s textStyle, top, left float64) core.Component {
	return l.textWith(value, s.at(l.family, top, left))
}

// textWith is a text component with its own properties; value is UTF-8.
func (l layout) textWith(value string, p props.Text) core.Component {
	if l.upright {
		switch p.Style {
		case fontstyle.Italic:
			p.Style = fontstyle.Normal
		case fontstyle.BoldItalic:
			p.Style = fontstyle.Bold
		}
	}
	return text.New(l.encode(value), p)
}

func (l layout) header(d Data) core.Row {
	return row.New(25).Add(
		col.New(6).Add(
			l.text("RÉPUBLIQUE", styleMarianne, 0, 0),
			l.text("FRANÇAISE", styleMarianne, 5, 0),
			l.text("Liberté", styleDevise, 11.5, 0),
			l.text("Égalité", styleDevise, 15, 0),
			l.text("Fraternité", styleDevise, 18.5, 0),
		),
		col.New(6).Add(
			l.text(issuerTitle(d), styleIssuerSub, 0.5, 0),
			l.text(d.Issuer, styleIssuer, 4.5, 0),
			l.text("Autorité d'enregistrement au RPPS", styleIssuerSub, 10.5, 0),
		),
	)
}

// issuerTitle is the kind of body above the issuer's name.
func issuerTitle(d Data) string {
	if d.IssuerTitle == "" {
		return "Agence régionale de santé"
	}
	return d.IssuerTitle
}

// marks are the banners of a demo record or of an offline preview, under
// the header, before anything else is read.
func (l layout) marks(d Data) []core.Row {
	var rows []core.Row
	banner := func(value string, s textStyle) core.Row {
		bg := colorMarkBg
		return row.New(8).Add(col.New(12).Add(l.text(value, s, 1.6, 0))).WithStyle(&props.Cell{
			BackgroundColor: &bg, BorderType: border.Full, BorderColor: &s.color, BorderThickness: 0.4,
		})
	}
	if d.Demo {
		rows = append(rows, row.New(2), banner(demoMark, styleMark))
	}
	if d.Preview {
		rows = append(rows, row.New(2), banner(previewMark, styleMark),
			row.New().Add(col.New(12).Add(l.text(previewNote, styleMarkNote, 1, 0))))
	}
	return rows
}

func (l layout) rule(height float64, c props.Color, thickness float64) core.Row {
	return row.New(height).Add(col.New(12).Add(line.New(props.Line{
		Color: &c, Thickness: thickness, OffsetPercent: 50, SizePercent: 100,
	})))
}

func (l layout) title(d Data) []core.Row {
	issued := frenchdate.Format(d.IssuedAt)
	return []core.Row{
		row.New().Add(col.New(12).Add(l.text(docTitle, styleTitle, 5, 0))),
		row.New().Add(col.New(12).Add(l.text(docSubtitle, styleSubtitle, 1.5, 0))),
		row.New().Add(col.New(12).Add(l.text("Document n° "+d.DocumentNumber+" – délivré le "+issued, styleSubtitle, 1, 0))),
		row.New(5),
		row.New().Add(col.New(12).Add(l.text("L'autorité d'enregistrement ("+d.Issuer+") atteste que le professionnel désigné ci-dessous est enregistré au RPPS avec les informations suivantes, à la date du "+issued+".", styleBody, 0, 0))),
		row.New(4),
	}
}

func (l layout) section(title string) []core.Row {
	return []core.Row{
		row.New().Add(col.New(12).Add(l.text(title, styleSection, 2, 0))),
		l.rule(2.5, colorBlueFr, 0.4),
	}
}

// identity is the identity block, with the QR code on its right.
func (l layout) identity(d Data, qr core.Component) core.Row {
	const labelWidth, step = 52.0, 6.4
	professions := strings.Join(d.Professions, " ; ")
	pairs := [][2]string{
		{"Civilité d'exercice", d.Civility},
		{"Nom d'exercice", d.ExerciseName},
		{"Prénom", d.FirstName},
		{"Nom de naissance", d.BirthName},
		{"Numéro RPPS", d.RPPS},
		{"Identifiant national (IDNPS)", d.IDNPS},
		{"Profession(s)", professions},
	}
	left := col.New(8)
	for i, p := range pairs {
		top := qrTop + float64(i)*step
		left.Add(l.text(p[0], styleLabel, top+0.3, 0))
		value := p[1]
		if value == "" {
			value = "–"
		}
		left.Add(l.text(value, styleValue, top, labelWidth))
	}
	right := col.New(4).Add(
		qr,
		l.text(qrCaption, styleCaption, qrTop+qrSide+2, qrLeft),
	)
	return row.New(qrTop+qrSide+7).Add(left, right)
}

// activitiesTitle is the table's heading.
func (l layout) activitiesTitle(d Data) []core.Row {
	rows := l.section("Activités en cours (" + strconv.Itoa(len(d.Activities)) + ")")
	return append(rows, row.New(1.5))
}

// tableHead is the table's column headings, repeated atop every page the
// table runs onto.
func (l layout) tableHead() core.Row {
	bg := colorHeaderBg
	head := props.Cell{BackgroundColor: &bg}
	return row.New(7).Add(
		col.New(4).Add(l.text("Structure / raison sociale", styleTableHead, 1.8, 1.5)),
		col.New(4).Add(l.text("Adresse", styleTableHead, 1.8, 1.5)),
		col.New(2).Add(l.text("Mode d'exercice", styleTableHead, 1.8, 1.5)),
		col.New(2).Add(l.text("Depuis le", styleTableHead, 1.8, 1.5)),
	).WithStyle(&head)
}

// tableBody is one row per activity, or a row saying there is none.
func (l layout) tableBody(d Data) []core.Row {
	if len(d.Activities) == 0 {
		return []core.Row{row.New().Add(col.New(12).Add(l.text(noActivity, styleTableCell, 2, 1.5)))}
	}
	cellProps := styleTableCell.at(l.family, 1.6, 1.5)
	cellProps.Right, cellProps.Bottom = 1.5, 1.6
	ruleColor, stripeColor := colorRule, colorStripedBg
	plain := props.Cell{BorderType: border.Bottom, BorderColor: &ruleColor, BorderThickness: 0.2}
	striped := plain
	striped.BackgroundColor = &stripeColor
	rows := make([]core.Row, 0, len(d.Activities))
	for i, a := range d.Activities {
		style := &plain
		if i%2 == 1 {
			style = &striped
		}
		rows = append(rows, row.New().Add(
			col.New(4).Add(l.textWith(a.Structure, cellProps)),
			col.New(4).Add(l.textWith(a.Address, cellProps)),
			col.New(2).Add(l.textWith(a.Mode, cellProps)),
			col.New(2).Add(l.textWith(a.Since, cellProps)),
		).WithStyle(style))
	}
	return rows
}

// closing is the place of the signature, then the legal mention.
func (l layout) closing(d Data) []core.Row {
	signed := signedMention
	if d.Preview {
		signed = previewSigned
	}
	legal := styleLegal.at(l.family, 0, 0)
	legal.VerticalPadding = 0.6
	signature := func(value string, s textStyle, top float64) core.Row {
		return row.New().Add(col.New(5), col.New(7).Add(l.text(value, s, top, 0)))
	}
	return []core.Row{
		row.New(7),
		signature("Fait le "+frenchdate.Format(d.IssuedAt)+",", styleSignature, 0),
		signature("pour l'autorité d'enregistrement, "+d.Issuer, styleSignatureBy, 1.5),
		signature(signed, styleSignatureNote, 1.5),
		row.New(8),
		l.rule(2, colorRule, 0.2),
		row.New().Add(col.New(12).Add(l.textWith(legalMention, legal))),
	}
}

// footer is repeated at the foot of every page; maroto writes the page number
// on the same line, right-aligned, just under the footer row.
func (l layout) footer(d Data) core.Row {
	const height = 6.0
	c := colorRule
	return row.New(height).Add(col.New(12).Add(
		line.New(props.Line{Color: &c, Thickness: 0.2, OffsetPercent: 45, SizePercent: 100}),
		l.text(footerTitle(d)+" – document n° "+d.DocumentNumber+" – RPPS "+d.RPPS+footerMarks(d), styleFooter, height, 0),
	))
}

// footerTitle is the document's title, short when the marks need room
// beside the page number.
func footerTitle(d Data) string {
	if d.Demo || d.Preview {
		return "Attestation RPPS"
	}
	return docTitle
}

// footerMarks repeats the marks at the foot of every page.
func footerMarks(d Data) string {
	var s string
	if d.Demo {
		s += footerDemo
	}
	if d.Preview {
		s += footerPreview
	}
	return s
}
