package attestation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // the attestation is dated in Paris time, on Windows too

	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/signing"
)

// Issuer issues attestations d'enregistrement from the register's data: it
// numbers, labels, signs and renders them, and keeps a record of each.
type Issuer struct {
	Practitioners erpps.PractitionerService
	Registry      erpps.AttestationRegistry
	Catalog       *refdata.Catalog
	Signer        signing.Signer
	Verifier      signing.Verifier
	Renderer      *Renderer
	Now           func() time.Time
}

// Issued is an attestation ready to save.
type Issued struct {
	Number   string `json:"number"`
	FileName string `json:"fileName"`
	PDF      []byte `json:"pdf"`
	Payload  string `json:"payload"` // the QR code's content
}

// Issue makes the attestation of the practitioner's record as it stands.
func (i *Issuer) Issue(ctx context.Context, rpps string) (*Issued, error) {
	p, err := i.Practitioners.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		return nil, err
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("attestation: unable to load Paris time: %w", err))
	}
	now := i.Now().In(paris)
	number, err := i.Registry.NextAttestationNumber(ctx, now.Year())
	if err != nil {
		return nil, err
	}
	d := i.data(p, number, now)
	pdf, err := i.Renderer.Render(d, i.Signer)
	if err != nil {
		return nil, err
	}
	payload, err := Payload(d, i.Signer)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(Canonical(d))
	if err := i.Registry.RecordAttestation(ctx, erpps.IssuedAttestation{
		Number: number, RPPS: p.RPPS, IssuedAt: now, PayloadHash: hex.EncodeToString(sum[:]),
	}); err != nil {
		return nil, err
	}
	return &Issued{
		Number:   number,
		FileName: fmt.Sprintf("attestation-rpps-%s-%s.pdf", p.RPPS, now.Format("2006-01-02")),
		PDF:      pdf,
		Payload:  payload,
	}, nil
}

// Verify says whether a QR code's content is a genuine attestation.
func (i *Issuer) Verify(payload string) (Verified, error) {
	return Verify(payload, i.Verifier)
}

// data labels the record for printing: current activities only.
func (i *Issuer) data(p *erpps.Practitioner, number string, now time.Time) Data {
	c := i.Catalog
	civility := c.Label(refdata.TableCivility, p.Civility)
	if p.ExerciseCivility != "" {
		civility = c.Label(refdata.TableExerciseCivility, p.ExerciseCivility)
	}
	d := Data{
		DocumentNumber: number, IssuedAt: now, Issuer: i.issuerOf(p, now),
		Civility: civility, ExerciseName: p.DisplayName(), FirstName: firstNonEmpty(p.ExerciseFirstName, p.FirstName),
		BirthName: p.BirthName, RPPS: p.RPPS, IDNPS: p.IDNPS(),
	}
	for _, pr := range p.Professions {
		label := c.ProfessionLabel(pr.Code)
		if pr.SkillCode != "" {
			label += " — " + c.Label(refdata.TableSpecialty, pr.SkillCode)
		}
		d.Professions = append(d.Professions, label)
	}
	for _, a := range p.OpenActivities(now.Format("2006-01-02")) {
		d.Activities = append(d.Activities, Activity{
			Structure: firstNonEmpty(a.Structure.CompanyName, a.Structure.TradeName),
			Address:   oneLine(a.Structure.Address),
			Mode:      c.Label(refdata.TableMode, a.ModeCode),
			Since:     dayMonthYear(a.StartDate),
		})
	}
	return d
}

// issuerOf is the record's registration authority (refdata): the ARS of
// the region for the professions it registers, else the Ordre or the SSA.
func (i *Issuer) issuerOf(p *erpps.Practitioner, now time.Time) string {
	return i.Catalog.RecordAuthority(p, now.Format("2006-01-02")).Label
}

func oneLine(a erpps.Address) string {
	street := strings.TrimSpace(a.Number + " " + a.Street)
	if a.Number != "" && strings.HasPrefix(a.Street, a.Number+" ") {
		street = a.Street
	}
	var parts []string
	for _, s := range []string{street, a.Complement, strings.TrimSpace(a.PostalCode + " " + a.City)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func dayMonthYear(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.Format("02/01/2006")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
