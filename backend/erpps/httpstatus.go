package erpps

import "net/http"

// HTTPStatus is the HTTP status that answers an error code, the same for
// the desktop's browser mode and for erpps-server.
func HTTPStatus(code string) int {
	switch code {
	case EINVALID:
		return http.StatusBadRequest
	case EUNAUTHORIZED:
		return http.StatusUnauthorized
	case EFORBIDDEN:
		return http.StatusForbidden
	case ENOTFOUND:
		return http.StatusNotFound
	case ECONFLICT:
		return http.StatusConflict
	case ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case ETOOMANY:
		return http.StatusTooManyRequests
	case EDISKFULL:
		return http.StatusInsufficientStorage
	case EUNAVAILABLE, EREADONLY, ESTORELOCKED, ESTOREOPEN:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
