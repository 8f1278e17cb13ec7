package ecps

import (
	"context"
	"time"
	"unicode/utf8"

	"erpps/backend/auth"
	"erpps/backend/erpps"
	"erpps/backend/otp"
)

// Code lifetimes announced for an identifier nobody holds (the otp
// package's own for the others).
const (
	smsCodeLifetime   = 10 * time.Minute
	emailCodeLifetime = 30 * time.Minute
)

// Sent is the reply to an activation code asked for.
type Sent struct {
	Masked           string `json:"masked"`
	ExpiresInSeconds int    `json:"expiresInSeconds"`
}

// msgBadCode answers a wrong, used or expired activation code.
const msgBadCode = "Code incorrect ou expiré."

func badChannel() error {
	return erpps.Invalid("Moyen d'envoi inconnu.", erpps.FieldError{Field: "channel", Code: erpps.EINVALID,
		Message: "Choisissez l'envoi par e-mail ou par SMS."})
}

// SendCode sends an activation code for typed on channel ("email" or
// "sms") to the coordonnées on file. For an identifier nobody holds nothing
// is sent and the reply is the same; likewise on a channel the
// practitioner has no contact detail for.
func (s *Service) SendCode(ctx context.Context, typed, channel, clientAddr string) (*Sent, error) {
	id, err := ParseIdentifier(typed)
	if err != nil {
		return nil, err
	}
	lifetime := emailCodeLifetime
	switch channel {
	case ChannelEmail:
	case ChannelSMS:
		lifetime = smsCodeLifetime
	default:
		return nil, badChannel()
	}
	p, dests, _, err := s.contactOf(ctx, id)
	if err != nil {
		return nil, err
	}
	var dest *destination
	for i := range dests {
		if dests[i].channel == channel {
			dest = &dests[i]
		}
	}
	if dest == nil {
		return nil, badChannel()
	}
	if !s.allowSend(id.IDNPS, s.now()) {
		return nil, erpps.Errorf(erpps.ETOOMANY, "Trop de demandes de code pour cet identifiant : réessayez dans une heure.")
	}
	req := CodeRequest{Subject: id.IDNPS, Channel: channel, To: dest.to, ClientAddr: clientAddr}
	// A decoy destination (unknown identifier, or no contact detail of
	// that kind on file) answers the same, and nothing is sent.
	issue := s.codes.Decoy
	if p != nil && dest.to != "" {
		req.Name, issue = displayName(p), s.codes.Issue
	}
	valid, err := issue(ctx, req)
	if err != nil {
		return nil, err
	}
	if valid <= 0 {
		valid = lifetime
	}
	return &Sent{Masked: dest.masked, ExpiresInSeconds: int(valid / time.Second)}, nil
}

// displayName is how a practitioner is named in messages and histories.
func displayName(p *erpps.Practitioner) string {
	first := p.ExerciseFirstName
	if first == "" {
		first = p.FirstName
	}
	if first == "" {
		return p.DisplayName()
	}
	return first + " " + p.DisplayName()
}

// DeviceInput is the phone enrolled at activation.
type DeviceInput struct {
	PublicKey JWK    `json:"publicKey"`
	Name      string `json:"name"`
}

// Confirmation is what the phone sends to finish the activation.
type Confirmation struct {
	Identifier string      `json:"identifier"`
	Channel    string      `json:"channel"`
	Code       string      `json:"code"`
	Password   string      `json:"password"`
	Device     DeviceInput `json:"device"`
}

// Enrolled is the phone's new enrolment.
type Enrolled struct {
	DeviceID   string `json:"deviceId"`
	Identifier string `json:"identifier"`
}

// Confirm checks the activation code, sets the e-CPS password and enrols
// the phone's public key.
func (s *Service) Confirm(ctx context.Context, in Confirmation) (*Enrolled, error) {
	id, err := ParseIdentifier(in.Identifier)
	if err != nil {
		return nil, err
	}
	if in.Channel != ChannelEmail && in.Channel != ChannelSMS {
		return nil, badChannel()
	}
	// The shapes first, every one told at once; a code of the wrong shape
	// costs no try.
	var fields []erpps.FieldError
	if !otp.WellFormed(in.Code) {
		fields = append(fields, erpps.FieldError{Field: "code", Code: erpps.EINVALID, Message: "Le code d'activation compte 6 chiffres."})
	}
	if n := utf8.RuneCountInString(in.Password); n < MinPasswordLength || n > maxPasswordLength {
		fields = append(fields, erpps.FieldError{Field: "password", Code: erpps.EINVALID,
			Message: "Choisissez un mot de passe e-CPS d'au moins 8 caractères (128 au plus)."})
	}
	if len(fields) > 0 {
		return nil, erpps.Invalid("Vérifiez le code d'activation et le mot de passe.", fields...)
	}
	key, err := in.Device.PublicKey.point()
	if err != nil {
		return nil, err
	}
	name := in.Device.Name
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	if err := s.codes.Verify(ctx, id.IDNPS, in.Channel, in.Code); err != nil {
		if c := erpps.ErrorCode(err); c == erpps.EINTERNAL || c == erpps.EUNAVAILABLE || c == erpps.ETOOMANY {
			return nil, err
		}
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, msgBadCode)
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return nil, erpps.Internal(err)
	}
	now := s.now()
	if err := s.store.SetECPSPassword(ctx, id.RPPS, hash, now); err != nil {
		return nil, err
	}
	d := &erpps.ECPSDevice{RPPS: id.RPPS, Name: name, PublicKey: key, CreatedAt: now}
	if err := s.store.CreateECPSDevice(ctx, d); err != nil {
		return nil, err
	}
	s.log.Info("ecps: device enrolled", "device", d.ID)
	return &Enrolled{DeviceID: d.ID, Identifier: id.IDNPS}, nil
}
