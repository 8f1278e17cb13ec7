package erpps

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestCheckPayload(t *testing.T) {
	big := json.RawMessage(`"` + strings.Repeat("a", MaxPayloadSize-2) + `"`)
	tests := []struct {
		name    string
		payload json.RawMessage
		ok      bool
	}{
		{"Object", json.RawMessage(`{"a":1}`), true},
		{"AtTheLimit", big, true},
		{"TooLarge", append(json.RawMessage(`"`+strings.Repeat("a", MaxPayloadSize-1)), '"'), false},
		{"Empty", nil, false},
		{"Truncated", json.RawMessage(`{`), false},
		{"TwoValues", json.RawMessage(`{} {}`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPayload(tt.payload)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPayload = %v, want ok %v", err, tt.ok)
			}
			if err != nil && ErrorCode(err) != EINVALID {
				t.Fatalf("code = %s, want EINVALID", ErrorCode(err))
			}
		})
	}
}

func TestRequestCheckNew(t *testing.T) {
	good := func() *Request { return &Request{RPPS: "10000000001", Kind: KindContact} }
	tests := []struct {
		name  string
		edit  func(r *Request) *Request
		field string // "" when valid
	}{
		{"Valid", func(r *Request) *Request { return r }, ""},
		{"GivenID", func(r *Request) *Request { r.ID = "abc"; return r }, ""},
		{"Draft", func(r *Request) *Request { r.Status = StatusDraft; return r }, ""},
		{"Nil", func(*Request) *Request { return nil }, "-"},
		{"NoRPPS", func(r *Request) *Request { r.RPPS = " "; return r }, "rpps"},
		{"UnknownKind", func(r *Request) *Request { r.Kind = "nope"; return r }, "kind"},
		{"NotDraft", func(r *Request) *Request { r.Status = StatusTransmitted; return r }, "status"},
		{"IDWithSpaces", func(r *Request) *Request { r.ID = " abc"; return r }, "id"},
		{"IDTooLong", func(r *Request) *Request { r.ID = strings.Repeat("a", MaxRequestIDLength+1); return r }, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFieldError(t, tt.edit(good()).CheckNew(), tt.field)
		})
	}
}

func TestRequestCheckReceived(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	good := func() *Request {
		return &Request{ID: "r1", RPPS: "10000000001", Kind: KindContact, Status: StatusTransmitted,
			Revision: 2, CreatedAt: at, UpdatedAt: at, Payload: json.RawMessage(`{}`)}
	}
	tests := []struct {
		name  string
		edit  func(r *Request) *Request
		field string
	}{
		{"Valid", func(r *Request) *Request { return r }, ""},
		{"Nil", func(*Request) *Request { return nil }, "-"},
		{"NoID", func(r *Request) *Request { r.ID = ""; return r }, "id"},
		{"IDTooLong", func(r *Request) *Request { r.ID = strings.Repeat("a", MaxRequestIDLength+1); return r }, "id"},
		{"NoRPPS", func(r *Request) *Request { r.RPPS = ""; return r }, "rpps"},
		{"UnknownKind", func(r *Request) *Request { r.Kind = "nope"; return r }, "kind"},
		{"UnknownStatus", func(r *Request) *Request { r.Status = "nope"; return r }, "status"},
		{"RevisionZero", func(r *Request) *Request { r.Revision = 0; return r }, "revision"},
		{"NoDates", func(r *Request) *Request { r.UpdatedAt = time.Time{}; return r }, "createdAt"},
		{"BadPayload", func(r *Request) *Request { r.Payload = json.RawMessage(`{`); return r }, "payload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFieldError(t, tt.edit(good()).CheckReceived(), tt.field)
		})
	}
}

// checkFieldError fails unless err is nil (field ""), EINVALID without
// fields (field "-") or EINVALID naming field.
func checkFieldError(t *testing.T, err error, field string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("err = %v, want nil", err)
		}
		return
	}
	e := AsError(err)
	if e == nil || e.Code != EINVALID {
		t.Fatalf("err = %v, want EINVALID", err)
	}
	if field == "-" {
		return
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("fields = %+v, want one on %q", e.Fields, field)
}
