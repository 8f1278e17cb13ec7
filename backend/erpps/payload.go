package erpps

// The payload of each kind of request: what the professional typed. A draft's
// payload may be incomplete or wrong; it is validated as it is typed and
// completely before it is transmitted.

// CeaseActivityPayload ends an activity (Cesser une activité).
type CeaseActivityPayload struct {
	ActivityID string `json:"activityId"`
	EndDate    string `json:"endDate"`    // YYYY-MM-DD
	ReasonCode string `json:"reasonCode"` // TRE_R25
	Comment    string `json:"comment,omitempty"`
}

// NewActivityPayload declares a new place of practice (Déclarer une nouvelle
// activité).
type NewActivityPayload struct {
	ProfessionCode string    `json:"professionCode"`
	LookupBy       string    `json:"lookupBy,omitempty"` // "siret", "finess" or "manual"
	Structure      Structure `json:"structure"`
	ModeCode       string    `json:"modeCode"`
	SectorCode     string    `json:"sectorCode"`
	FunctionCode   string    `json:"functionCode"`
	GenreCode      string    `json:"genreCode,omitempty"`
	StartDate      string    `json:"startDate"`
	// ReplacesActivityID is set for a moved cabinet: the old place ends the day
	// before the new one starts, through a linked cessation request.
	ReplacesActivityID string `json:"replacesActivityId,omitempty"`
	// KeepsOtherActivities confirms an additional activity in another
	// département, not a change of département.
	KeepsOtherActivities bool `json:"keepsOtherActivities,omitempty"`
}

// NewProfessionPayload adds a profession to the RPPS number.
type NewProfessionPayload struct {
	ProfessionCode string `json:"professionCode"`
	CategoryCode   string `json:"categoryCode"`
	Since          string `json:"since"`
	Diploma        string `json:"diploma,omitempty"` // titre ou diplôme permettant l'exercice
}

// ContactPayload changes the coordonnées de correspondance.
type ContactPayload struct {
	Email   string  `json:"email"`
	Phone   string  `json:"phone"` // as typed; E.164 once validated
	Address Address `json:"address"`
}

// ExerciseNamePayload changes the name shown on the Annuaire Santé.
type ExerciseNamePayload struct {
	ExerciseName      string `json:"exerciseName"`
	ExerciseFirstName string `json:"exerciseFirstName,omitempty"`
	UseBirthName      bool   `json:"useBirthName"`
}
