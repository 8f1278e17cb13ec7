package attestation

import (
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Wording of the document.
const (
	docTitle      = "Attestation d'enregistrement au RPPS"
	docSubtitle   = "Répertoire partagé des professionnels intervenant dans le système de santé"
	legalMention  = "Cette attestation est établie d'après les informations enregistrées au Répertoire partagé des professionnels intervenant dans le système de santé (RPPS) à sa date de délivrance ; elle ne préjuge pas de leurs modifications ultérieures. Le code QR reprend les informations principales de l'attestation, signées électroniquement par l'autorité d'enregistrement : il permet d'en vérifier l'authenticité dans eRPPS (« Vérifier une attestation »). Toute modification du document ou du code rend la vérification impossible."
	noActivity    = "Aucune activité en cours n'est enregistrée au RPPS."
	qrCaption     = "Code de vérification signé"
	identityLabel = "Identité du professionnel"
)

// layout turns Data into maroto rows.
type layout struct {
	family string              // font family of every text
	encode func(string) string // from UTF-8 to what maroto expects for family
}

// text is a text component; value is UTF-8.
func (l layout) text(value string, s textStyle, top, left float64) core.Component {
	return text.New(l.encode(value), s.at(l.family, top, left))
}

// textWith is a text component with its own properties; value is UTF-8.
func (l layout) textWith(value string, p props.Text) core.Component {
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
			l.text("Agence régionale de santé", styleIssuerSub, 0.5, 0),
			l.text(d.Issuer, styleIssuer, 4.5, 0),
			l.text("Autorité d'enregistrement au RPPS", styleIssuerSub, 10.5, 0),
		),
	)
}

func (l layout) rule(height float64, c props.Color, thickness float64) core.Row {
	return row.New(height).Add(col.New(12).Add(line.New(props.Line{
		Color: &c, Thickness: thickness, OffsetPercent: 50, SizePercent: 100,
	})))
}

func (l layout) title(d Data) []core.Row {
	issued := FrenchDate(d.IssuedAt)
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
	const labelWidth, step = 52.0, 6.2
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
		top := 2 + float64(i)*step
		left.Add(l.text(p[0], styleLabel, top+0.3, 0))
		value := p[1]
		if value == "" {
			value = "–"
		}
		left.Add(l.text(value, styleValue, top, labelWidth))
	}
	right := col.New(4).Add(
		qr,
		l.text(qrCaption, styleCaption, qrSide+2.5, qrLeft),
	)
	return row.New(qrSide+8).Add(left, right)
}

func (l layout) activities(d Data) []core.Row {
	title := "Activités en cours (" + strconv.Itoa(len(d.Activities)) + ")"
	rows := l.section(title)
	rows = append(rows, row.New(1.5))
	head := props.Cell{BackgroundColor: &colorHeaderBg}
	rows = append(rows, row.New(7).Add(
		col.New(4).Add(l.text("Structure / raison sociale", styleTableHead, 1.8, 1.5)),
		col.New(4).Add(l.text("Adresse", styleTableHead, 1.8, 1.5)),
		col.New(2).Add(l.text("Mode d'exercice", styleTableHead, 1.8, 1.5)),
		col.New(2).Add(l.text("Depuis le", styleTableHead, 1.8, 1.5)),
	).WithStyle(&head))
	if len(d.Activities) == 0 {
		return append(rows, row.New().Add(col.New(12).Add(l.text(noActivity, styleTableCell, 2, 1.5))))
	}
	for i, a := range d.Activities {
		style := props.Cell{BorderType: border.Bottom, BorderColor: &colorRule, BorderThickness: 0.2}
		if i%2 == 1 {
			style.BackgroundColor = &colorStripedBg
		}
		cell := func(v string) core.Component {
			p := styleTableCell.at(l.family, 1.6, 1.5)
			p.Right, p.Bottom = 1.5, 1.6
			return l.textWith(v, p)
		}
		rows = append(rows, row.New().Add(
			col.New(4).Add(cell(a.Structure)),
			col.New(4).Add(cell(a.Address)),
			col.New(2).Add(cell(a.Mode)),
			col.New(2).Add(cell(a.Since)),
		).WithStyle(&style))
	}
	return rows
}

func (l layout) closing(d Data) []core.Row {
	legal := styleLegal.at(l.family, 0, 0)
	legal.VerticalPadding = 0.6
	return []core.Row{
		row.New(6),
		row.New().Add(col.New(12).Add(l.text("Délivrée le "+FrenchDate(d.IssuedAt)+" par l'autorité d'enregistrement : "+d.Issuer+".", styleBody, 0, 0))),
		row.New(4),
		row.New().Add(col.New(12).Add(l.textWith(legalMention, legal))),
	}
}

func (l layout) footer(d Data) core.Row {
	c := colorRule
	return row.New(8).Add(col.New(12).Add(
		line.New(props.Line{Color: &c, Thickness: 0.2, OffsetPercent: 10, SizePercent: 100}),
		l.text(docTitle+" – document n° "+d.DocumentNumber+" – RPPS "+d.RPPS, styleFooter, 2.5, 0),
	))
}
