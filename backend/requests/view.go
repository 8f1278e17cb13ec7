package requests

import (
	"erpps/backend/erpps"
)

// View is a request as the UI shows it: its content, what is wrong or missing,
// and what the user may do next.
type View struct {
	Request      *erpps.Request        `json:"request"`
	Validation   Validation            `json:"validation"`
	NextStatuses []erpps.RequestStatus `json:"nextStatuses"`
	// Resumed is true when starting a request found a draft of the same kind
	// on the same object and returned it instead of a second one.
	Resumed bool `json:"resumed"`
}

// Validation is the result of checking a request's payload.
type Validation struct {
	// Fields are the errors to show beside the fields. While a draft is
	// typed, a field left empty is not reported; at transmission it is.
	Fields []erpps.FieldError `json:"fields"`
	// Guidance explains a rule of the guide and offers a way forward.
	Guidance []Guidance `json:"guidance"`
	// Complete is true when the request can be transmitted.
	Complete bool `json:"complete"`
}

// Guidance levels.
const (
	LevelInfo    = "info"
	LevelWarning = "warning"
	LevelError   = "error" // blocks transmission
)

// Guidance is a rule of the guide applied to this request, in French.
type Guidance struct {
	Code    string          `json:"code"`
	Level   string          `json:"level"`
	Title   string          `json:"title"`
	Message string          `json:"message"`
	Action  *GuidanceAction `json:"action,omitempty"`
	// Actions are further ways forward, when there are several.
	Actions []GuidanceAction `json:"actions,omitempty"`
}

// GuidanceAction is a way forward the UI offers as a button or a link.
type GuidanceAction struct {
	Label string `json:"label"`
	// Kind is what to do: "start_request" (of RequestKind with TargetID),
	// "set_field" (Field to Value in the current form), "open" (a page).
	Kind        string            `json:"kind"`
	RequestKind erpps.RequestKind `json:"requestKind,omitempty"`
	TargetID    string            `json:"targetId,omitempty"`
	Field       string            `json:"field,omitempty"`
	Value       string            `json:"value,omitempty"`
}

// checks collects field errors and guidance while validating.
type checks struct {
	complete bool // transmission: report missing fields too
	fields   []erpps.FieldError
	missing  int // required fields left empty (reported only when complete)
	guidance []Guidance
	// bad are the fields whose string failed checkStrings: one error each.
	bad map[string]bool
}

func (c *checks) markBad(field string) {
	if c.bad == nil {
		c.bad = map[string]bool{}
	}
	c.bad[field] = true
}

func (c *checks) fail(field, code, message string) {
	if c.bad[field] {
		return
	}
	c.fields = append(c.fields, erpps.FieldError{Field: field, Code: code, Message: message})
}

func (c *checks) failErr(field string, err error) {
	if c.bad[field] {
		return
	}
	c.fields = append(c.fields, erpps.FieldErrorFor(field, err))
}

// required reports an empty required field; true when value is empty.
func (c *checks) required(field, value, message string) bool {
	if value != "" {
		return false
	}
	c.missing++
	if c.complete {
		c.fail(field, "required", message)
	}
	return true
}

func (c *checks) guide(g Guidance) { c.guidance = append(c.guidance, g) }

func (c *checks) result() Validation {
	blocked := false
	for _, g := range c.guidance {
		if g.Level == LevelError {
			blocked = true
		}
	}
	fields := c.fields
	if fields == nil {
		fields = []erpps.FieldError{}
	}
	guidance := c.guidance
	if guidance == nil {
		guidance = []Guidance{}
	}
	return Validation{
		Fields:   fields,
		Guidance: guidance,
		Complete: len(c.fields) == 0 && c.missing == 0 && !blocked,
	}
}
