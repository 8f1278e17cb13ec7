package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"erpps/backend/erpps"
)

// DefaultMaxBodyBytes bounds a request's body when Config.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 256 << 10

// decode reads r's JSON body into v: JSON content type, at most
// maxBytes (ETOOLARGE), no unknown field, right types, one value (EINVALID,
// with the field when it can be told). An empty body is an error unless
// optional, when v is left as it is.
func decode(w http.ResponseWriter, r *http.Request, maxBytes int64, v any, optional bool) error {
	if optional && r.ContentLength == 0 && r.Header.Get("Content-Type") == "" {
		return nil
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return erpps.Errorf(erpps.EINVALID, "Le contenu envoyé doit être du JSON (Content-Type: application/json).")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) && optional {
			return nil
		}
		return decodeError(err, maxBytes)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return decodeError(err, maxBytes)
		}
		return erpps.Errorf(erpps.EINVALID, "Le contenu envoyé doit être une seule valeur JSON.")
	}
	return nil
}

// decodeError says in French what is wrong with a body.
func decodeError(err error, maxBytes int64) error {
	var tooLarge *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooLarge):
		return erpps.Errorf(erpps.ETOOLARGE, "Le contenu envoyé est trop volumineux (%d Kio au plus).", maxBytes>>10)
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return erpps.Invalid("Le contenu envoyé n'a pas la forme attendue.")
		}
		return erpps.Invalid("Une valeur envoyée n'a pas le type attendu.",
			erpps.FieldError{Field: field, Code: "type", Message: fmt.Sprintf("Type attendu : %s.", typeName(typeErr.Type.Kind().String()))})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return erpps.Invalid("Le contenu envoyé contient un champ inconnu.",
			erpps.FieldError{Field: field, Code: "unknown", Message: "Champ inconnu."})
	}
	return erpps.Errorf(erpps.EINVALID, "Le contenu envoyé n'est pas du JSON valide.")
}

// typeName names a Go kind as a JSON type, in French.
func typeName(kind string) string {
	switch kind {
	case "string":
		return "texte"
	case "bool":
		return "booléen"
	case "slice", "array":
		return "liste"
	case "struct", "map":
		return "objet"
	}
	return "nombre"
}
