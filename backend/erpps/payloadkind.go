package erpps

// PayloadOf returns a new, empty payload of the kind of request k (a pointer
// to one of the *Payload types), nil for an unknown kind: what a request's
// Payload holds once decoded.
func PayloadOf(k RequestKind) any {
	switch k {
	case KindCeaseActivity:
		return &CeaseActivityPayload{}
	case KindNewActivity:
		return &NewActivityPayload{}
	case KindNewProfession:
		return &NewProfessionPayload{}
	case KindContact:
		return &ContactPayload{}
	case KindExerciseName:
		return &ExerciseNamePayload{}
	}
	return nil
}
