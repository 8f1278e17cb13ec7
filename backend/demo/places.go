package demo

// city is a real commune with its postal code and INSEE code.
type city struct {
	Name, PostalCode, INSEE, Department string
}

// cities spread over several regions, overseas and Corsica included.
var cities = []city{
	{"Paris", "75011", "75111", "75"},
	{"Paris", "75015", "75115", "75"},
	{"Marseille", "13006", "13206", "13"},
	{"Lyon", "69003", "69383", "69"},
	{"Toulouse", "31000", "31555", "31"},
	{"Montpellier", "34000", "34172", "34"},
	{"Perpignan", "66000", "66136", "66"},
	{"Nîmes", "30000", "30189", "30"},
	{"Bordeaux", "33000", "33063", "33"},
	{"Lille", "59000", "59350", "59"},
	{"Nantes", "44000", "44109", "44"},
	{"Strasbourg", "67000", "67482", "67"},
	{"Rennes", "35000", "35238", "35"},
	{"Nice", "06000", "06088", "06"},
	{"Dijon", "21000", "21231", "21"},
	{"Clermont-Ferrand", "63000", "63113", "63"},
	{"Rouen", "76000", "76540", "76"},
	{"Orléans", "45000", "45234", "45"},
	{"Grenoble", "38000", "38185", "38"},
	{"Tours", "37000", "37261", "37"},
	{"Ajaccio", "20000", "2A004", "2A"},
	{"Bastia", "20200", "2B033", "2B"},
	{"Saint-Denis", "97400", "97411", "974"},
	{"Pointe-à-Pitre", "97110", "97120", "971"},
	{"Fort-de-France", "97200", "97209", "972"},
	{"Cayenne", "97300", "97302", "973"},
	{"Mamoudzou", "97600", "97611", "976"},
}

var streets = []struct{ Type, Name string }{
	{"rue", "de la République"},
	{"avenue", "Jean Jaurès"},
	{"boulevard", "Victor Hugo"},
	{"rue", "Pasteur"},
	{"place", "de la Mairie"},
	{"rue", "du Général Leclerc"},
	{"avenue", "de la Libération"},
	{"rue", "des Lilas"},
	{"chemin", "des Vignes"},
	{"rue", "Émile Zola"},
	{"allée", "des Tilleuls"},
	{"rue", "Sainte-Catherine"},
	{"quai", "des Chartrons"},
	{"rue", "de l'Hôpital"},
}

var lastNames = []string{
	"MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
	"SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
	"MOREL", "GIRARD", "ANDRÉ", "MERCIER", "BONNET", "FRANÇOIS", "NGUYEN", "PAOLI", "HOARAU", "SAINTE-ROSE",
}

var firstNames = []struct {
	Name     string
	Feminine bool
}{
	{"Claire", true}, {"Julien", false}, {"Sophie", true}, {"Nicolas", false}, {"Camille", true},
	{"Thomas", false}, {"Élodie", true}, {"Mathieu", false}, {"Léa", true}, {"Antoine", false},
	{"Chloé", true}, {"François", false}, {"Inès", true}, {"Hugo", false}, {"Marie-Hélène", true},
	{"Jean-Baptiste", false}, {"Anaïs", true}, {"Benoît", false}, {"Manon", true}, {"Raphaël", false},
}
