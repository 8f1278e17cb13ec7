package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// Seed is the default seed: the same demo records on every computer.
const Seed = 20240927

// Generate returns n practitioners, the same for the same seed.
func Generate(n int, seed uint64) ([]*erpps.Practitioner, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]*erpps.Practitioner, 0, n)
	for i := 0; i < n; i++ {
		p, err := practitioner(rng, i)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func practitioner(rng *rand.Rand, i int) (*erpps.Practitioner, error) {
	rpps, err := identifiers.CompleteRPPS(fmt.Sprintf("99%08d", 10000000+i*7919%90000000))
	if err != nil {
		return nil, fmt.Errorf("demo: unable to make an RPPS number: %w", err)
	}
	prof := profiles[i%len(profiles)]
	first := firstNames[rng.IntN(len(firstNames))]
	last := lastNames[rng.IntN(len(lastNames))]
	home := cities[rng.IntN(len(cities))]
	civility := "M"
	if first.Feminine {
		civility = "MME"
	}
	p := &erpps.Practitioner{
		RPPS: rpps, Civility: civility, ExerciseCivility: prof.Civility,
		BirthName: last, ExerciseName: last, FirstName: first.Name, ExerciseFirstName: first.Name,
		BirthDate: fmt.Sprintf("%d-%02d-%02d", 1955+rng.IntN(45), 1+rng.IntN(12), 1+rng.IntN(28)),
		UpdatedAt: time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC),
	}
	// One in five practises under a married name: the exercise name differs.
	if first.Feminine && rng.IntN(5) == 0 {
		p.ExerciseName = lastNames[rng.IntN(len(lastNames))]
	}
	p.Contact = erpps.Contact{
		Email:   fmt.Sprintf("%s.%s@example.com", ascii(first.Name), ascii(last)),
		Phone:   fmt.Sprintf("+336000%05d", rng.IntN(100000)),
		Address: address(rng, home),
	}
	since := fmt.Sprintf("%d-%02d-01", 1985+rng.IntN(35), 1+rng.IntN(12))
	p.Professions = []erpps.Profession{{Code: prof.Code, CategoryCode: "C", ExerciseCivility: prof.Civility, SkillTypeCode: prof.SkillType, SkillCode: prof.Skill, Since: since}}
	nActs := 1 + rng.IntN(len(prof.Practices))
	for k := 0; k < nActs; k++ {
		c := home
		if k > 0 && rng.IntN(3) == 0 {
			c = cities[rng.IntN(len(cities))]
		}
		a, err := activity(rng, p, prof.Code, prof.Practices[k], c, fmt.Sprintf("act-%s-%d", rpps, k+1))
		if err != nil {
			return nil, err
		}
		p.Activities = append(p.Activities, a)
	}
	if prof.SecondProfession != "" {
		p.Professions = append(p.Professions, erpps.Profession{Code: prof.SecondProfession, CategoryCode: "C", Since: "2019-09-01"})
		a, err := activity(rng, p, prof.SecondProfession, prof.SecondProfessionPractice, home, fmt.Sprintf("act-%s-%d", rpps, nActs+1))
		if err != nil {
			return nil, err
		}
		p.Activities = append(p.Activities, a)
	}
	// Some have a past activity, ended, to show history.
	if rng.IntN(3) == 0 {
		old := cities[rng.IntN(len(cities))]
		a, err := activity(rng, p, prof.Code, prof.Practices[0], old, fmt.Sprintf("act-%s-0", rpps))
		if err != nil {
			return nil, err
		}
		a.StartDate, a.EndDate, a.EndReasonCode = since, "2015-06-30", "CHL"
		p.Activities = append(p.Activities, a)
	}
	return p, nil
}

func activity(rng *rand.Rand, p *erpps.Practitioner, profession string, pr practice, c city, id string) (erpps.Activity, error) {
	name := c.Name
	if pr.ByName {
		name = p.ExerciseName
		if pr.Name == "Cabinet %s" {
			name = "du Dr " + p.ExerciseName
			if p.ExerciseCivility == "" {
				name = p.FirstName + " " + p.ExerciseName
			}
		}
	}
	st := erpps.Structure{CompanyName: fmt.Sprintf(pr.Name, name), Address: address(rng, c), Department: c.Department,
		Phone: fmt.Sprintf("+33199%06d", rng.IntN(1000000))}
	if pr.Hospital {
		finess, err := finessFor(rng, c.Department)
		if err != nil {
			return erpps.Activity{}, err
		}
		st.FINESS = finess
	}
	siret, err := siretFor(rng)
	if err != nil {
		return erpps.Activity{}, err
	}
	st.SIRET, st.SIREN = siret, siret[:9]
	return erpps.Activity{
		ID: id, ProfessionCode: profession, Structure: st,
		ModeCode: pr.Mode, SectorCode: pr.Sector, FunctionCode: pr.Function, GenreCode: "GENR01",
		StartDate: fmt.Sprintf("%d-%02d-%02d", 2016+rng.IntN(9), 1+rng.IntN(12), 1+rng.IntN(28)),
	}, nil
}

func address(rng *rand.Rand, c city) erpps.Address {
	s := streets[rng.IntN(len(streets))]
	return erpps.Address{Number: fmt.Sprint(1 + rng.IntN(120)), Street: s.Type + " " + s.Name,
		PostalCode: c.PostalCode, CommuneCode: c.INSEE, City: strings.ToUpper(c.Name), Country: "France"}
}

// siretFor makes a SIREN then a SIRET, both with valid Luhn keys.
func siretFor(rng *rand.Rand) (string, error) {
	siren, err := withKey(fmt.Sprintf("%d%07d", 3+rng.IntN(6), rng.IntN(10000000)))
	if err != nil {
		return "", err
	}
	return withKey(fmt.Sprintf("%s%04d", siren, 1+rng.IntN(99)))
}

// finessFor makes a FINESS géographique in the département: Luhn keys for
// numeric ones; Corsica's have no known key rule.
func finessFor(rng *rand.Rand, dept string) (string, error) {
	if len(dept) == 3 { // overseas: 971 → 9701..., 974 → 9704...
		return withKey(fmt.Sprintf("970%s%04d", dept[2:], rng.IntN(10000)))
	}
	if dept == "2A" || dept == "2B" {
		return fmt.Sprintf("%s%07d", dept, rng.IntN(10000000)), nil
	}
	return withKey(fmt.Sprintf("%s%06d", dept, rng.IntN(1000000)))
}

func withKey(payload string) (string, error) {
	k, err := identifiers.LuhnCheckDigit(payload)
	if err != nil {
		return "", fmt.Errorf("demo: unable to compute a key: %w", err)
	}
	return payload + string(k), nil
}

// ascii lowers a name and strips its accents and spaces for an e-mail address.
func ascii(s string) string {
	r := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ï", "i", "î", "i",
		"ô", "o", "ç", "c", "ù", "u", "û", "u", "É", "e", "È", "e", " ", "-", "'", "")
	return r.Replace(strings.ToLower(s))
}
