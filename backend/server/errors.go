package server

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"erpps/backend/erpps"
)

// errorBody is the one shape of every error reply.
type errorBody struct {
	Code    string             `json:"code"`
	Message string             `json:"message"`
	Fields  []erpps.FieldError `json:"fields"`
}

// msgUnavailable is said when the database cannot be reached or written.
const msgUnavailable = "Le service est momentanément indisponible : réessayez dans quelques instants."

// publicError is err as a client may see it: the desktop's store codes
// (locked, read-only, disk full...) say nothing useful to a client of the
// server and become unavailable; causes stay out of the reply.
func publicError(err error) *erpps.Error {
	e := erpps.AsError(err)
	switch e.Code {
	case erpps.ESTORECORRUPT, erpps.ESTORENEWER, erpps.EREADONLY, erpps.EDISKFULL, erpps.ESTORELOCKED, erpps.ESTOREOPEN:
		return &erpps.Error{Code: erpps.EUNAVAILABLE, Message: msgUnavailable, Err: e}
	}
	return e
}

// writeError replies err with the error shape; faults of the server are
// logged (the cause, never the body of the request).
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := publicError(err)
	status := erpps.HTTPStatus(e.Code)
	if status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "server: request failed",
			slog.String("method", r.Method), slog.String("route", r.Pattern), slog.String("code", e.Code), slog.Any("err", err))
	}
	fields := e.Fields
	if fields == nil {
		fields = []erpps.FieldError{}
	}
	writeJSON(w, status, errorBody{Code: e.Code, Message: e.Message, Fields: fields})
}

// writeJSON replies v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
