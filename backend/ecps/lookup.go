package ecps

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// Channel is one way an activation code can reach the practitioner, masked.
type Channel struct {
	Channel string `json:"channel"` // ChannelEmail or ChannelSMS
	Masked  string `json:"masked"`
}

// ARS is the agency to contact when the coordonnées are wrong.
type ARS struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
}

// Lookup is what the activation screen shows for an identifier.
type Lookup struct {
	Identifier string    `json:"identifier"`
	Channels   []Channel `json:"channels"`
	ARS        ARS       `json:"ars"`
}

// destination is where a channel's code goes (never shown unmasked).
type destination struct {
	channel, to, masked string
}

// contactOf is a practitioner's activation destinations and ARS, or, for
// an identifier nobody holds, ones derived from an HMAC of it: the reply is
// the same shape, stable, and says nothing of whether it exists. known
// tells which (never shown).
func (s *Service) contactOf(ctx context.Context, id Identifier) (p *erpps.Practitioner, dests []destination, ars ARS, err error) {
	p, err = s.store.FindPractitionerByRPPS(ctx, id.RPPS)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		dests, ars = s.derived(id)
		return nil, dests, ars, nil
	}
	if err != nil {
		return nil, nil, ARS{}, err
	}
	// Both channels always: a channel with no contact detail on file gets
	// the decoy an unknown identifier would (no recipient: nothing is ever
	// sent on it), so the reply's shape says nothing of the record.
	dests, _ = s.derived(id)
	if e := strings.TrimSpace(p.Contact.Email); e != "" {
		dests[0] = destination{ChannelEmail, e, maskEmail(e)}
	}
	if ph := strings.TrimSpace(p.Contact.Phone); ph != "" {
		dests[1] = destination{ChannelSMS, ph, maskPhone(ph)}
	}
	return p, dests, s.arsOf(p), nil
}

// Lookup says where an activation code can be sent for typed, masked, and
// which ARS to contact when that is wrong.
func (s *Service) Lookup(ctx context.Context, typed string) (*Lookup, error) {
	id, err := ParseIdentifier(typed)
	if err != nil {
		return nil, err
	}
	_, dests, ars, err := s.contactOf(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &Lookup{Identifier: id.IDNPS, Channels: []Channel{}, ARS: ars}
	for _, d := range dests {
		out.Channels = append(out.Channels, Channel{Channel: d.channel, Masked: d.masked})
	}
	return out, nil
}

// arsOf is the ARS of the practitioner's region: of their first open
// activity, else of their postal address.
func (s *Service) arsOf(p *erpps.Practitioner) ARS {
	dept := ""
	for _, a := range p.OpenActivities(s.now().Format("2006-01-02")) {
		if a.Structure.Department != "" {
			dept = a.Structure.Department
			break
		}
	}
	if dept == "" {
		dept, _ = identifiers.DepartmentOfPostalCode(p.Contact.Address.PostalCode)
	}
	return arsNamed(s.catalog.ARSName(dept))
}

// arsNamed is the ARS reply for a name.
func arsNamed(name string) ARS {
	return ARS{Name: name, Contact: "Pour corriger vos coordonnées de correspondance, contactez l'" + name +
		" (coordonnées sur https://www.ars.sante.fr)."}
}

// Words the derived replies are made of.
var (
	derivedDomains = []string{"gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr", "sfr.fr", "outlook.fr"}
	letters        = "abcdefghijklmnopqrstuvwxyz"
)

// derived is the reply for an identifier nobody holds: an e-mail and a
// mobile number (in that order, without recipients) and an ARS drawn
// from HMAC(secret, IDNPS).
func (s *Service) derived(id Identifier) ([]destination, ARS) {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write([]byte("ecps lookup\n" + id.IDNPS))
	sum := mac.Sum(nil)
	n := func(i int, mod int) int { return int(binary.BigEndian.Uint16(sum[i:i+2])) % mod }
	email := fmt.Sprintf("%c…%c@%s", letters[n(0, 26)], letters[n(2, 26)], derivedDomains[n(4, len(derivedDomains))])
	phone := fmt.Sprintf("0%d •• •• •• %02d", 6+n(6, 2), n(8, 100))
	regions := s.catalog.Regions()
	ars := arsNamed("ARS")
	if len(regions) > 0 {
		ars = arsNamed(regions[n(10, len(regions))].ARS)
	}
	return []destination{{ChannelEmail, "", email}, {ChannelSMS, "", phone}}, ars
}

// maskEmail keeps the first and last characters of the local part and the
// domain: « c…l@gmail.com ».
func maskEmail(e string) string {
	local, domain, ok := strings.Cut(e, "@")
	r := []rune(local)
	if !ok || len(r) == 0 {
		return "…"
	}
	return string(r[0]) + "…" + string(r[len(r)-1]) + "@" + domain
}

// maskPhone keeps the first two and the last two digits of a number in
// national form: « 06 •• •• •• 42 ».
func maskPhone(ph string) string {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, ph)
	if strings.HasPrefix(ph, "+33") && len(digits) == 11 {
		digits = "0" + digits[2:]
	} else if strings.HasPrefix(ph, "+") {
		if len(digits) < 4 {
			return "••"
		}
		return "+" + digits[:2] + " •• •• " + digits[len(digits)-2:]
	}
	if len(digits) < 4 {
		return "••"
	}
	return digits[:2] + " •• •• •• " + digits[len(digits)-2:]
}
