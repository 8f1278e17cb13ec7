package attestation

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // the attestation is dated in Paris time, on Windows too

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
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
	// RemoteAuthority is set on a desktop: an attestation signed by a
	// trusted key other than Signer's (the authority's, kept from the
	// server) is genuine by its signature alone, the server's registry,
	// not this one, having recorded it.
	RemoteAuthority bool
}

// Issued is an attestation ready to save.
type Issued struct {
	Number   string `json:"number"`
	FileName string `json:"fileName"`
	PDF      []byte `json:"pdf"`
	Payload  string `json:"payload"` // the QR code's content
}

// Messages of Issue and Verify.
const (
	MsgNeverIssued = "Numéro inconnu : aucune attestation portant ce numéro n'a été délivrée pour ce professionnel. Le code QR ne correspond à aucune attestation enregistrée."
	msgNoNumber    = "Aucun numéro d'attestation n'a pu être attribué : réessayez."
)

// maxNumberAttempts bounds the retries when another attestation takes the
// number drawn meanwhile.
const maxNumberAttempts = 16

// FileName is the name under which the practitioner's attestation of today
// is saved; it checks that the practitioner exists and takes no number.
func (i *Issuer) FileName(ctx context.Context, rpps string) (string, error) {
	p, err := i.Practitioners.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		return "", err
	}
	now, err := i.parisNow()
	if err != nil {
		return "", err
	}
	return fileName(p.RPPS, now), nil
}

// Issue makes the attestation of the practitioner's record as it stands and
// hands it to deliver (which writes the file, or the HTTP response). The
// attestation's number is taken (recorded) just before deliver and given back
// when deliver fails: a document that does not reach the user takes no
// number.
func (i *Issuer) Issue(ctx context.Context, rpps string, deliver func(*Issued) error) (*Issued, error) {
	p, err := i.Practitioners.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		return nil, err
	}
	now, err := i.parisNow()
	if err != nil {
		return nil, err
	}
	for range maxNumberAttempts {
		issued, err := i.issueOnce(ctx, p, now)
		if erpps.ErrorCode(err) == erpps.ECONFLICT {
			continue // another attestation took this number meanwhile
		}
		if err != nil {
			return nil, err
		}
		if err := deliver(issued); err != nil {
			if rerr := i.Registry.ReleaseAttestation(context.WithoutCancel(ctx), issued.Number); rerr != nil {
				return nil, errors.Join(err, rerr)
			}
			return nil, err
		}
		return issued, nil
	}
	return nil, erpps.Errorf(erpps.ECONFLICT, msgNoNumber)
}

// issueOnce draws the next number, renders, and takes the number; ECONFLICT
// when another attestation took it meanwhile.
func (i *Issuer) issueOnce(ctx context.Context, p *erpps.Practitioner, now time.Time) (*Issued, error) {
	number, err := i.Registry.PeekAttestationNumber(ctx, now.Year())
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
	return &Issued{Number: number, FileName: fileName(p.RPPS, now), PDF: pdf, Payload: payload}, nil
}

func (i *Issuer) parisNow() (time.Time, error) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.Time{}, erpps.Internal(fmt.Errorf("attestation: unable to load Paris time: %w", err))
	}
	return i.Now().In(paris), nil
}

func fileName(rpps string, now time.Time) string {
	return fmt.Sprintf("attestation-rpps-%s-%s.pdf", rpps, now.Format("2006-01-02"))
}

// Verify says whether a QR code's content is a genuine attestation: its
// signature is valid for a trusted key, and its number was issued, for this
// RPPS number and this very content. It proves that the QR code's content is
// genuine, not that the paper it is printed on says the same: the user
// compares the two.
func (i *Issuer) Verify(ctx context.Context, payload string) (Verified, error) {
	v, err := Verify(payload, i.Verifier)
	if err != nil {
		return Verified{}, err
	}
	if i.RemoteAuthority && (i.Signer == nil || v.KeyID != i.Signer.KeyID()) {
		v.Demo = identifiers.IsTestRPPS(v.RPPS)
		return v, nil
	}
	rec, err := i.Registry.FindAttestation(ctx, v.DocumentNumber)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return Verified{}, erpps.Errorf(erpps.EINVALID, MsgNeverIssued)
	}
	if err != nil {
		return Verified{}, err
	}
	want, err := b64.DecodeString(v.ContentDigest)
	if err != nil {
		return Verified{}, erpps.Internal(fmt.Errorf("attestation: verified digest unreadable: %w", err))
	}
	got, err := hex.DecodeString(rec.PayloadHash)
	if err != nil || len(got) < len(want) || rec.RPPS != v.RPPS ||
		subtle.ConstantTimeCompare(got[:len(want)], want) != 1 {
		return Verified{}, erpps.Errorf(erpps.EINVALID, MsgNeverIssued)
	}
	v.LocalKey = i.Signer != nil && signing.IsLocal(i.Signer) && v.KeyID == i.Signer.KeyID()
	v.Demo = identifiers.IsTestRPPS(v.RPPS)
	return v, nil
}

// data labels the record for printing: current activities only.
func (i *Issuer) data(p *erpps.Practitioner, number string, now time.Time) Data {
	c := i.Catalog
	authority := i.issuerOf(p, now)
	civility := c.Label(refdata.TableCivility, p.Civility)
	if p.ExerciseCivility != "" {
		civility = c.Label(refdata.TableExerciseCivility, p.ExerciseCivility)
	}
	d := Data{
		DocumentNumber: number, IssuedAt: now, Issuer: authority.Label, IssuerTitle: authority.Title(),
		Civility: civility, ExerciseName: p.DisplayName(), FirstName: firstNonEmpty(p.ExerciseFirstName, p.FirstName),
		BirthName: p.BirthName, RPPS: p.RPPS, IDNPS: p.IDNPS(),
		Demo: identifiers.IsTestRPPS(p.RPPS),
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
func (i *Issuer) issuerOf(p *erpps.Practitioner, now time.Time) refdata.Authority {
	return i.Catalog.RecordAuthority(p, now.Format("2006-01-02"))
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
