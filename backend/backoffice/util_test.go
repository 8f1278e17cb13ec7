package backoffice_test

import (
	"errors"

	"erpps/backend/erpps"
	"erpps/backend/register"
	"erpps/backend/requests"
)

type registerChange = register.Change

func errorAs(err error, target **erpps.Error) bool { return errors.As(err, target) }

func hasField(fields []erpps.FieldError, name string) bool {
	for _, f := range fields {
		if f.Field == name {
			return true
		}
	}
	return false
}

func requestsStart(kind erpps.RequestKind) requests.StartInput {
	return requests.StartInput{RPPS: rpps, Kind: kind}
}
