package refdata

// Which secteurs d'activité (TRE_R02) and fonctions (TRE_R21) fit a
// profession. The NOS publishes no such table: this mapping is derived from
// the codes' labels and the professions' fields of practice (an officine is a
// pharmacist's, a biology laboratory is run by médecins and pharmaciens and
// staffed by techniciens de laboratoire, appareillage is the opticians',
// audioprothésistes' and orthésistes' trade, médecin scolaire / du travail are
// médecins...). A code absent from the maps below fits every profession.

// professionSet is a set of profession codes, or its complement.
type professionSet struct {
	except bool
	codes  map[string]bool
}

func only(codes ...string) professionSet { return professionSet{codes: setOf(codes)} }
func allBut(codes ...string) professionSet {
	return professionSet{except: true, codes: setOf(codes)}
}

func setOf(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

func (s professionSet) has(profession string) bool { return s.codes[profession] != s.except }

var (
	pharmacistOnly = only("21")
	biology        = only("10", "21", "86")
	appareillage   = only("26", "28", "80", "81", "82", "83", "84", "85")
	medicalDoctor  = only("10")
	notPharmacist  = allBut("21")
	// The médicales professions (médecins, pharmaciens, chirurgiens-dentistes).
	medical = only("10", "21", "40")
)

// sectorFit restricts the secteurs that belong to some professions only.
var sectorFit = map[string]professionSet{
	"SA07": notPharmacist, "SA08": notPharmacist, // cabinets
	"SA25": biology, "SA29": biology, "SA59": biology, // laboratoires de biologie médicale
	"SA31": pharmacistOnly, "SA32": pharmacistOnly, "SA33": pharmacistOnly, "SA35": pharmacistOnly,
	"SA38": pharmacistOnly, "SA39": pharmacistOnly, "SA46": pharmacistOnly, "SA55": pharmacistOnly,
	"SA56": pharmacistOnly, "SA61": pharmacistOnly, "SA65": pharmacistOnly,
	"SA40": medical,                // praticien hospitalier temps plein
	"SA50": only("10", "40"),       // permanence des soins ambulatoires
	"SA42": appareillage,           // appareillage médical
	"SA10": only(), "SA58": only(), // transport sanitaire, taxis: ambulanciers (no longer in the RPPS)
}

// functionFit restricts the fonctions that belong to some professions only.
var functionFit = map[string]professionSet{
	"FON-01": notPharmacist, // titulaire de cabinet
	"FON-03": pharmacistOnly, "FON-04": pharmacistOnly, "FON-07": pharmacistOnly, "FON-37": pharmacistOnly,
	"FON-49": pharmacistOnly, "FON-50": pharmacistOnly, "FON-59": pharmacistOnly,
	"FON-40": only("10", "21"), "FON-41": only("10", "21"), // biologistes
	"FON-21": medicalDoctor, "FON-24": medicalDoctor, "FON-29": medicalDoctor, "FON-32": medicalDoctor,
	"FON-54": medicalDoctor, "FON-55": medicalDoctor, "FON-57": medicalDoctor,
	"FON-19": medical, "FON-48": medical, // praticien conseil, interne
	"FON-47": only("10", "21", "40", "50", "70"),                           // étudiant remplaçant
	"FON-52": only("10", "21", "40", "60"),                                 // étudiant militaire
	"FON-58": only("70"),                                                   // activité en piscine ou bassin
	"FON-43": allBut("10", "21", "40"), "FON-45": allBut("10", "21", "40"), // cadre de santé, directeur des soins
}

// SectorFits tells whether a secteur d'activité fits a profession.
func SectorFits(professionCode, sectorCode string) bool {
	s, ok := sectorFit[sectorCode]
	return !ok || s.has(professionCode)
}

// FunctionFits tells whether a fonction fits a profession.
func FunctionFits(professionCode, functionCode string) bool {
	s, ok := functionFit[functionCode]
	return !ok || s.has(professionCode)
}

// ActivityCodes are the codes a new activity of one profession may use.
type ActivityCodes struct {
	Sectors   []Code `json:"sectors"`
	Functions []Code `json:"functions"`
}

// ActivityOptions returns the secteurs and fonctions a form offers for a new
// activity of the profession: offered (not retired) and fitting it.
func (c *Catalog) ActivityOptions(professionCode string) ActivityCodes {
	out := ActivityCodes{Sectors: []Code{}, Functions: []Code{}}
	for _, code := range c.Offered(TableSector) {
		if SectorFits(professionCode, code.Code) {
			out.Sectors = append(out.Sectors, code)
		}
	}
	for _, code := range c.Offered(TableFunction) {
		if FunctionFits(professionCode, code.Code) {
			out.Functions = append(out.Functions, code)
		}
	}
	return out
}
