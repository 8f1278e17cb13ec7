package storekit

import (
	"strings"

	"erpps/backend/erpps"
)

// PrepareOneTimeCode checks a code and its send before a store keeps them
// (EINVALID) and draws the code's ID when it has none. A nil code (a decoy
// send) has only its send checked.
func PrepareOneTimeCode(c *erpps.OneTimeCode, send erpps.CodeSend, limits erpps.CodeLimits) error {
	if send.RecipientKey == "" || send.ClientKey == "" || limits.PerRecipient < 1 || limits.PerClient < 1 {
		return erpps.Invalid("L'envoi d'un code doit nommer son destinataire et sa provenance, sous des limites.")
	}
	if c == nil {
		return nil
	}
	if strings.TrimSpace(c.Purpose) == "" || strings.TrimSpace(c.Subject) == "" ||
		(c.Channel != erpps.ChannelEmail && c.Channel != erpps.ChannelSMS) || c.Hash == "" ||
		!c.ExpiresAt.After(c.CreatedAt) {
		return erpps.Invalid("Le code doit nommer son objet, son canal, son empreinte et expirer après sa création.")
	}
	if c.ID == "" {
		id, err := NewID()
		if err != nil {
			return err
		}
		c.ID = id
	}
	c.Tries, c.UsedAt = 0, nil
	return nil
}

// TooManyCodes is the refusal of a send past the rate limits.
func TooManyCodes() *erpps.Error {
	return erpps.Errorf(erpps.ETOOMANY,
		"Trop de codes ont été demandés récemment. Patientez une heure avant d'en demander un nouveau.")
}

// NoLiveCode is the answer when a code is not live (none, expired, used,
// replaced or tried too often).
func NoLiveCode() *erpps.Error {
	return erpps.NotFound("Aucun code valable n'est en attente.")
}
