package requests

import (
	"strings"
	"unicode"

	"erpps/backend/erpps"
)

var exerciseNameRules = rules{
	initial: func(p *erpps.Practitioner, _ string) any {
		return erpps.ExerciseNamePayload{ExerciseName: p.DisplayName(), ExerciseFirstName: p.ExerciseFirstName, UseBirthName: p.ExerciseName == "" || p.ExerciseName == p.BirthName}
	},
	decode: decodeStrict[erpps.ExerciseNamePayload],
	target: noTarget,
	check:  checkExerciseName,
}

// checkExerciseName: the name shown on the Annuaire Santé; by default the
// birth name, to which it can be reset.
func checkExerciseName(s *subject, payload any, c *checks) string {
	p := payload.(*erpps.ExerciseNamePayload)
	if p.UseBirthName {
		p.ExerciseName = s.practitioner.BirthName
	}
	// The register writes the exercise name in capitals, as the Annuaire
	// Santé shows it.
	p.ExerciseName = strings.ToUpper(strings.Join(strings.Fields(p.ExerciseName), " "))
	if !c.required("exerciseName", p.ExerciseName, "Indiquez le nom d'exercice.") {
		if msg := nameProblem(p.ExerciseName); msg != "" {
			c.fail("exerciseName", "format", msg)
		}
	}
	if p.ExerciseFirstName != "" {
		if msg := nameProblem(p.ExerciseFirstName); msg != "" {
			c.fail("exerciseFirstName", "format", strings.Replace(msg, "Le nom", "Le prénom", 1))
		}
	}
	if c.complete && strings.EqualFold(p.ExerciseName, s.practitioner.DisplayName()) && p.ExerciseFirstName == s.practitioner.ExerciseFirstName {
		c.fail("exerciseName", "unchanged", "C'est déjà votre nom d'exercice : indiquez le nouveau nom.")
	}
	return mainDepartment(s.practitioner, s.today)
}

// nameProblem says what is wrong with a name, in French: letters (accents
// included), spaces, hyphens and apostrophes only, 1 to 50 characters.
func nameProblem(name string) string {
	if len([]rune(name)) > 50 {
		return "Le nom ne peut pas dépasser 50 caractères."
	}
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '-' || r == '\'' || r == '’':
		default:
			return "Le nom ne peut contenir que des lettres, des espaces, des traits d'union et des apostrophes."
		}
	}
	if letters == 0 {
		return "Le nom doit contenir au moins une lettre."
	}
	return ""
}
