package messages

import (
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
)

// ActivationSubject is the subject of an activation code's e-mail.
const ActivationSubject = "Votre code d'activation e-CPS"

// Activation is the message carrying an e-CPS activation code to the
// practitioner idnps ("8" + RPPS) named name, valid for validity.
func Activation(channel, to, idnps, name, code string, validity time.Duration) (erpps.Message, error) {
	minutes := int(validity / time.Minute)
	switch channel {
	case erpps.ChannelSMS:
		return erpps.Message{Channel: channel, To: to, Text: fmt.Sprintf(
			"e-CPS : votre code d'activation est %s. Il est valable %d minutes. Ne le communiquez à personne.",
			code, minutes)}, nil
	case erpps.ChannelEmail:
		var b strings.Builder
		fmt.Fprintf(&b, "Bonjour %s,\n\n", strings.TrimSpace(name))
		fmt.Fprintf(&b, "Vous avez demandé l'activation de votre e-CPS (identifiant %s).\n\n", idnps)
		fmt.Fprintf(&b, "Votre code d'activation : %s\n\n", code)
		fmt.Fprintf(&b, "Ce code est valable %d minutes et ne sert qu'une fois. Saisissez-le sur votre téléphone, "+
			"dans la page « Demande d'activation e-CPS », puis choisissez votre mot de passe e-CPS.\n\n", minutes)
		b.WriteString("Ne communiquez ce code à personne : l'ARS ne vous le demandera jamais.\n" +
			"Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n" +
			"-- \neRPPS, pour votre Agence régionale de santé\n")
		return erpps.Message{Channel: channel, To: to, Subject: ActivationSubject, Text: b.String(),
			Headers: map[string]string{
				erpps.HeaderKind:  erpps.MessageKindActivationCode,
				erpps.HeaderIDNPS: idnps,
			}}, nil
	}
	return erpps.Message{}, fmt.Errorf("messages: unknown channel %q", channel)
}
