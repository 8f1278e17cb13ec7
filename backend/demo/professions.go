package demo

// practice is how a profession is typically exercised: the codes of its
// activities (NOS TRE_R23 mode, TRE_R02 secteur, TRE_R21 fonction) and the
// structure's name.
type practice struct {
	Mode, Sector, Function string
	// Name is the structure's raison sociale; %s is the city or the name.
	Name string
	// ByName builds the name from the practitioner's, else from the city.
	ByName bool
	// Hospital structures are found by FINESS, the others by SIRET.
	Hospital bool
}

// professionProfile is a profession with its usual savoir-faire and practices.
type professionProfile struct {
	Code, Civility           string // TRE_G15/TRE_R95, TRE_R11 ("" for none)
	SkillType, Skill         string // TRE_R04, TRE_R38
	Practices                []practice
	SecondProfession         string // the guide's example: Opticien-Lunetier → Audioprothésiste
	SecondProfessionPractice practice
}

var (
	cabinet      = practice{Mode: "L", Sector: "SA07", Function: "FON-01", Name: "Cabinet %s", ByName: true}
	groupCabinet = practice{Mode: "L", Sector: "SA08", Function: "FON-02", Name: "Cabinet médical de %s"}
	healthHouse  = practice{Mode: "L", Sector: "SA52", Function: "FON-01", Name: "Maison de santé pluriprofessionnelle de %s"}
	hospital     = practice{Mode: "S", Sector: "SA01", Function: "FON-33", Name: "Centre hospitalier de %s", Hospital: true}
	pharmacy     = practice{Mode: "L", Sector: "SA33", Function: "FON-03", Name: "Pharmacie du Centre %s"}
	pharmacyAdj  = practice{Mode: "S", Sector: "SA33", Function: "FON-05", Name: "Pharmacie de la Gare %s"}
	opticShop    = practice{Mode: "L", Sector: "SA42", Function: "FON-23", Name: "Optique %s", ByName: true}
	hearingShop  = practice{Mode: "L", Sector: "SA42", Function: "FON-23", Name: "Audition %s", ByName: true}
)

var profiles = []professionProfile{
	{Code: "10", Civility: "DR", SkillType: "S", Skill: "SM54", Practices: []practice{cabinet, groupCabinet, healthHouse}},
	{Code: "10", Civility: "DR", SkillType: "S", Skill: "SM42", Practices: []practice{hospital, cabinet}},
	{Code: "21", Civility: "DR", Practices: []practice{pharmacy, pharmacyAdj}},
	{Code: "60", Practices: []practice{cabinet, healthHouse, hospital}},
	{Code: "70", Practices: []practice{cabinet, groupCabinet}},
	{Code: "50", Practices: []practice{cabinet, hospital}},
	{Code: "40", Civility: "DR", Practices: []practice{cabinet, groupCabinet}},
	{Code: "71", Practices: []practice{cabinet}},
	{Code: "93", Practices: []practice{cabinet, hospital}},
	{Code: "91", Practices: []practice{cabinet, healthHouse}},
	{Code: "28", Practices: []practice{opticShop}, SecondProfession: "26", SecondProfessionPractice: hearingShop},
}
