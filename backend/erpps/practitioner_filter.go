package erpps

// Limits of a list of practitioners.
const (
	DefaultPractitionerLimit = 100
	MaxPractitionerLimit     = 1000
)

// PageLimit is how many practitioners a list with f returns at most: f.Limit,
// DefaultPractitionerLimit when it is 0 or less, MaxPractitionerLimit at
// most.
func (f PractitionerFilter) PageLimit() int {
	if f.Limit <= 0 {
		return DefaultPractitionerLimit
	}
	return min(f.Limit, MaxPractitionerLimit)
}
