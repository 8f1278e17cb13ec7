package app

import (
	"erpps/backend/erpps"
)

// FormatError is the Wails ErrorFormatter and the HTTP adapter's error body:
// every Go error reaches the UI as {code, message, fields}. Internal causes are
// logged (personal data masked) and never shown.
func FormatError(a *App) func(error) any {
	return func(err error) any { return a.formatError(err) }
}

func (a *App) formatError(err error) *erpps.Error {
	e := erpps.AsError(err)
	if a.deps.Log != nil {
		switch e.Code {
		case erpps.EINTERNAL:
			a.deps.Log.WithError(err).Error("internal error")
		case erpps.EDISKFULL, erpps.EREADONLY, erpps.ESTORELOCKED, erpps.ESTORECORRUPT, erpps.ESTOREOPEN:
			// The store failed: what the user is told, and why, for support.
			a.deps.Log.WithField("code", e.Code).WithError(err).Error("store fault")
		}
	}
	return &erpps.Error{Code: e.Code, Message: e.Message, Fields: e.Fields}
}
