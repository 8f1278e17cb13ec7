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
	paraGroup    = practice{Mode: "L", Sector: "SA08", Function: "FON-02", Name: "Cabinet paramédical de %s"}
	dentalOffice = practice{Mode: "S", Sector: "SA08", Function: "FON-33", Name: "Cabinet dentaire de %s"}
	healthHouse  = practice{Mode: "L", Sector: "SA52", Function: "FON-01", Name: "Maison de santé pluriprofessionnelle de %s"}
	hospital     = practice{Mode: "S", Sector: "SA01", Function: "FON-33", Name: "Centre hospitalier de %s", Hospital: true}
	clinic       = practice{Mode: "S", Sector: "SA04", Function: "FON-33", Name: "Clinique de %s", Hospital: true}
	elderlyHome  = practice{Mode: "S", Sector: "SA17", Function: "FON-33", Name: "EHPAD de %s", Hospital: true}
	laboratory   = practice{Mode: "S", Sector: "SA25", Function: "FON-33", Name: "Laboratoire de biologie médicale de %s"}
	opticShop    = practice{Mode: "L", Sector: "SA42", Function: "FON-23", Name: "Optique %s", ByName: true}
	hearingShop  = practice{Mode: "L", Sector: "SA42", Function: "FON-23", Name: "Audition %s", ByName: true}
)

// profiles are mostly professions the ARS registers in the RPPS (the portal's
// users: former ADELI professions and usagers de titre), with a few whose
// record an Ordre keeps (médecin, infirmier, masseur-kinésithérapeute), for
// whom the portal shows where to turn instead of its actions.
var profiles = []professionProfile{
	{Code: "91", Practices: []practice{cabinet, healthHouse}},                                                     // Orthophoniste
	{Code: "28", Practices: []practice{opticShop}, SecondProfession: "26", SecondProfessionPractice: hearingShop}, // Opticien-Lunetier, Audioprothésiste
	{Code: "92", Practices: []practice{paraGroup, hospital}},                                                      // Orthoptiste
	{Code: "94", Practices: []practice{hospital, elderlyHome}},                                                    // Ergothérapeute
	{Code: "96", Practices: []practice{cabinet, healthHouse}},                                                     // Psychomotricien
	{Code: "98", Practices: []practice{hospital, clinic}},                                                         // Manipulateur ERM
	{Code: "95", Practices: []practice{cabinet, hospital}},                                                        // Diététicien
	{Code: "93", Practices: []practice{cabinet, hospital}},                                                        // Psychologue
	{Code: "71", Practices: []practice{cabinet}},                                                                  // Ostéopathe
	{Code: "86", Practices: []practice{laboratory}},                                                               // Technicien de labo médical
	{Code: "10", Civility: "DR", SkillType: "S", Skill: "SM54", Practices: []practice{cabinet, groupCabinet, healthHouse}},
	{Code: "31", Practices: []practice{dentalOffice}}, // Assistant dentaire
	{Code: "60", Practices: []practice{cabinet, healthHouse, hospital}},
	{Code: "70", Practices: []practice{cabinet, paraGroup}},
}
