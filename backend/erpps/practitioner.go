package erpps

import (
	"context"
	"time"
)

// Address is a French postal address, as the RPPS and La Poste write it.
type Address struct {
	Recipient    string `json:"recipient,omitempty"`    // complément destinataire
	Complement   string `json:"complement,omitempty"`   // complément point géographique
	Number       string `json:"number,omitempty"`       // numéro de voie
	Repetition   string `json:"repetition,omitempty"`   // indice de répétition (bis, ter)
	StreetType   string `json:"streetType,omitempty"`   // libellé type de voie (rue, avenue)
	Street       string `json:"street,omitempty"`       // libellé voie
	Distribution string `json:"distribution,omitempty"` // mention de distribution (BP, lieu-dit)
	PostalCode   string `json:"postalCode"`
	CommuneCode  string `json:"communeCode,omitempty"` // code INSEE de la commune
	City         string `json:"city"`
	Cedex        string `json:"cedex,omitempty"` // bureau cedex
	Country      string `json:"country,omitempty"`
}

// Contact holds the coordonnées de correspondance: where the ARS writes, where
// the CPS card is posted, where e-CPS activation codes are sent.
type Contact struct {
	Email   string  `json:"email"`
	Phone   string  `json:"phone"` // E.164
	Address Address `json:"address"`
}

// Profession is one profession a practitioner holds under their RPPS number.
type Profession struct {
	Code             string `json:"code"`                       // TRE_G15 or TRE_R95
	CategoryCode     string `json:"categoryCode"`               // TRE_R09
	ExerciseCivility string `json:"exerciseCivility,omitempty"` // TRE_R11
	SkillTypeCode    string `json:"skillTypeCode,omitempty"`    // TRE_R04
	SkillCode        string `json:"skillCode,omitempty"`        // TRE_R38 and siblings
	Since            string `json:"since,omitempty"`            // YYYY-MM-DD
}

// Structure is the place where an activity is exercised.
type Structure struct {
	SIRET       string  `json:"siret,omitempty"`
	SIREN       string  `json:"siren,omitempty"`
	FINESS      string  `json:"finess,omitempty"`   // FINESS géographique (ET)
	FINESSEJ    string  `json:"finessEJ,omitempty"` // FINESS juridique (EJ)
	TechnicalID string  `json:"technicalId,omitempty"`
	CompanyName string  `json:"companyName"`         // raison sociale
	TradeName   string  `json:"tradeName,omitempty"` // enseigne commerciale
	Address     Address `json:"address"`
	Phone       string  `json:"phone,omitempty"`
	Email       string  `json:"email,omitempty"`
	Department  string  `json:"department"` // code département (01..95, 2A, 2B, 971..976)
}

// Activity is one place of practice of one profession.
type Activity struct {
	ID             string    `json:"id"`
	ProfessionCode string    `json:"professionCode"`
	Structure      Structure `json:"structure"`
	ModeCode       string    `json:"modeCode"`     // TRE_R23
	SectorCode     string    `json:"sectorCode"`   // TRE_R02
	FunctionCode   string    `json:"functionCode"` // TRE_R21
	GenreCode      string    `json:"genreCode"`    // TRE_R22
	StartDate      string    `json:"startDate"`    // YYYY-MM-DD
	EndDate        string    `json:"endDate,omitempty"`
	EndReasonCode  string    `json:"endReasonCode,omitempty"` // TRE_R25
}

// Open tells whether the activity is still exercised on day (YYYY-MM-DD).
func (a Activity) Open(day string) bool {
	return a.EndDate == "" || a.EndDate >= day
}

// Practitioner is a health professional's record in the RPPS.
type Practitioner struct {
	RPPS              string       `json:"rpps"`
	Civility          string       `json:"civility"`                   // TRE_R81: M, MME
	ExerciseCivility  string       `json:"exerciseCivility,omitempty"` // TRE_R11: DR, PR...
	BirthName         string       `json:"birthName"`
	ExerciseName      string       `json:"exerciseName"`
	FirstName         string       `json:"firstName"`
	ExerciseFirstName string       `json:"exerciseFirstName,omitempty"`
	BirthDate         string       `json:"birthDate,omitempty"`
	Contact           Contact      `json:"contact"`
	Professions       []Profession `json:"professions"`
	Activities        []Activity   `json:"activities"`
	UpdatedAt         time.Time    `json:"updatedAt"`
}

// IDNPS is the national professional identifier: "8" then the RPPS number.
func (p *Practitioner) IDNPS() string { return "8" + p.RPPS }

// DisplayName is the name the Annuaire Santé shows: the exercise name, or the
// birth name when none was chosen.
func (p *Practitioner) DisplayName() string {
	if p.ExerciseName != "" {
		return p.ExerciseName
	}
	return p.BirthName
}

// ActivityByID returns the practitioner's activity with that id.
func (p *Practitioner) ActivityByID(id string) (Activity, error) {
	for _, a := range p.Activities {
		if a.ID == id {
			return a, nil
		}
	}
	return Activity{}, NotFound("Cette activité n'existe pas dans votre dossier.")
}

// OpenActivities returns the activities still exercised on day (YYYY-MM-DD).
func (p *Practitioner) OpenActivities(day string) []Activity {
	var out []Activity
	for _, a := range p.Activities {
		if a.Open(day) {
			out = append(out, a)
		}
	}
	return out
}

// HasProfession tells whether the practitioner already holds that profession.
func (p *Practitioner) HasProfession(code string) bool {
	for _, pr := range p.Professions {
		if pr.Code == code {
			return true
		}
	}
	return false
}

// PractitionerSummary is one line of a list of practitioners.
type PractitionerSummary struct {
	RPPS            string   `json:"rpps"`
	Civility        string   `json:"civility"`
	ExerciseName    string   `json:"exerciseName"`
	FirstName       string   `json:"firstName"`
	ProfessionCodes []string `json:"professionCodes"`
	Departments     []string `json:"departments"`
	OpenRequests    int      `json:"openRequests"`
	Drafts          int      `json:"drafts"`
	// Demo marks a fictional record (a test identity): shown « DÉMO ».
	Demo bool `json:"demo"`
}

// PractitionerFilter narrows a list of practitioners.
type PractitionerFilter struct {
	Query  string `json:"query"` // part of a name or of the RPPS number
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
}

// PractitionerService reads and writes the register's view of practitioners.
type PractitionerService interface {
	FindPractitionerByRPPS(ctx context.Context, rpps string) (*Practitioner, error)
	ListPractitioners(ctx context.Context, filter PractitionerFilter) ([]PractitionerSummary, error)
	// SavePractitioner writes the register's data for a practitioner (from the
	// server, an import or the demo generator), replacing what was held.
	SavePractitioner(ctx context.Context, p *Practitioner) error
}
