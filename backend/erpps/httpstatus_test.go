package erpps

import (
	"net/http"
	"testing"
)

func TestHTTPStatus(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{EINVALID, http.StatusBadRequest},
		{EUNAUTHORIZED, http.StatusUnauthorized},
		{EFORBIDDEN, http.StatusForbidden},
		{ENOTFOUND, http.StatusNotFound},
		{ECONFLICT, http.StatusConflict},
		{ETOOLARGE, http.StatusRequestEntityTooLarge},
		{EDISKFULL, http.StatusInsufficientStorage},
		{ETOOMANY, http.StatusTooManyRequests},
		{EUNAVAILABLE, http.StatusServiceUnavailable},
		{EREADONLY, http.StatusServiceUnavailable},
		{ESTORELOCKED, http.StatusServiceUnavailable},
		{ESTOREOPEN, http.StatusServiceUnavailable},
		{EINTERNAL, http.StatusInternalServerError},
		{ESTORECORRUPT, http.StatusInternalServerError},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := HTTPStatus(tt.code); got != tt.want {
				t.Fatalf("HTTPStatus(%q) = %d, want %d", tt.code, got, tt.want)
			}
		})
	}
}
