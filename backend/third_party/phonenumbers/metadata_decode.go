package phonenumbers

// erpps patch: decoding of the embedded metadata's messages (field numbers and
// types from phonemetadata.proto) with the wire reader of wire.go, replacing
// proto.Unmarshal. See ERPPS.md.

import (
	"errors"
	"fmt"
)

// decodePhoneMetadataCollection decodes a serialized PhoneMetadataCollection.
func decodePhoneMetadataCollection(b []byte) (*PhoneMetadataCollection, error) {
	c := &PhoneMetadataCollection{}
	r := wireReader{b}
	for len(r.b) > 0 {
		num, wireType, err := r.field()
		if err == nil && num != 1 {
			err = r.skip(wireType)
		} else if err == nil {
			m := &PhoneMetadata{}
			err = r.message(num, wireType, func(v []byte) error { return decodePhoneMetadata(v, m) })
			c.Metadata = append(c.Metadata, m)
		}
		if err != nil {
			return nil, fmt.Errorf("phonenumbers: unable to decode metadata (entry %d): %w", len(c.Metadata), err)
		}
	}
	return c, nil
}

// decodePhoneMetadata decodes b into m (merging, as proto.Unmarshal does).
func decodePhoneMetadata(b []byte, m *PhoneMetadata) error {
	r := wireReader{b}
	for len(r.b) > 0 {
		num, wireType, err := r.field()
		if err != nil {
			return err
		}
		switch {
		case m.descField(num) != nil:
			d := m.descField(num)
			if *d == nil {
				*d = &PhoneNumberDesc{}
			}
			err = r.message(num, wireType, func(v []byte) error { return decodePhoneNumberDesc(v, *d) })
		case m.stringField(num) != nil:
			err = r.string(num, wireType, m.stringField(num))
		case m.boolField(num) != nil:
			err = r.bool(num, wireType, m.boolField(num))
		case num == 10:
			var v uint64
			if v, _, err = r.value(num, wireType, wireVarint); err == nil {
				m.CountryCode = protoInt32(int32(v))
			}
		case num == 19 || num == 20:
			f := &NumberFormat{}
			err = r.message(num, wireType, func(v []byte) error { return decodeNumberFormat(v, f) })
			if num == 19 {
				m.NumberFormat = append(m.NumberFormat, f)
			} else {
				m.IntlNumberFormat = append(m.IntlNumberFormat, f)
			}
		default:
			err = r.skip(wireType)
		}
		if err != nil {
			return fmt.Errorf("PhoneMetadata field %d: %w", num, err)
		}
	}
	if m.Id == nil {
		return errors.New("required field PhoneMetadata.id not set")
	}
	return nil
}

func (m *PhoneMetadata) descField(num int) **PhoneNumberDesc {
	switch num {
	case 1:
		return &m.GeneralDesc
	case 2:
		return &m.FixedLine
	case 3:
		return &m.Mobile
	case 4:
		return &m.TollFree
	case 5:
		return &m.PremiumRate
	case 6:
		return &m.SharedCost
	case 7:
		return &m.PersonalNumber
	case 8:
		return &m.Voip
	case 21:
		return &m.Pager
	case 24:
		return &m.NoInternationalDialling
	case 25:
		return &m.Uan
	case 27:
		return &m.Emergency
	case 28:
		return &m.Voicemail
	case 29:
		return &m.ShortCode
	case 30:
		return &m.StandardRate
	case 31:
		return &m.CarrierSpecific
	case 33:
		return &m.SmsServices
	}
	return nil
}

func (m *PhoneMetadata) stringField(num int) **string {
	switch num {
	case 9:
		return &m.Id
	case 11:
		return &m.InternationalPrefix
	case 12:
		return &m.NationalPrefix
	case 13:
		return &m.PreferredExtnPrefix
	case 15:
		return &m.NationalPrefixForParsing
	case 16:
		return &m.NationalPrefixTransformRule
	case 17:
		return &m.PreferredInternationalPrefix
	case 23:
		return &m.LeadingDigits
	}
	return nil
}

func (m *PhoneMetadata) boolField(num int) **bool {
	switch num {
	case 18:
		return &m.SameMobileAndFixedLinePattern
	case 22:
		return &m.MainCountryForCode
	case 26:
		return &m.LeadingZeroPossible
	case 32:
		return &m.MobileNumberPortableRegion
	}
	return nil
}

// decodePhoneNumberDesc decodes b into d (merging).
func decodePhoneNumberDesc(b []byte, d *PhoneNumberDesc) error {
	r := wireReader{b}
	for len(r.b) > 0 {
		num, wireType, err := r.field()
		if err != nil {
			return err
		}
		switch num {
		case 2:
			err = r.string(num, wireType, &d.NationalNumberPattern)
		case 6:
			err = r.string(num, wireType, &d.ExampleNumber)
		case 9:
			d.PossibleLength, err = r.int32s(d.PossibleLength, num, wireType)
		case 10:
			d.PossibleLengthLocalOnly, err = r.int32s(d.PossibleLengthLocalOnly, num, wireType)
		default:
			err = r.skip(wireType)
		}
		if err != nil {
			return fmt.Errorf("PhoneNumberDesc field %d: %w", num, err)
		}
	}
	return nil
}

// decodeNumberFormat decodes b into f (merging).
func decodeNumberFormat(b []byte, f *NumberFormat) error {
	r := wireReader{b}
	for len(r.b) > 0 {
		num, wireType, err := r.field()
		if err != nil {
			return err
		}
		switch num {
		case 1:
			err = r.string(num, wireType, &f.Pattern)
		case 2:
			err = r.string(num, wireType, &f.Format)
		case 3:
			var v []byte
			if _, v, err = r.value(num, wireType, wireBytes); err == nil {
				f.LeadingDigitsPattern = append(f.LeadingDigitsPattern, string(v))
			}
		case 4:
			err = r.string(num, wireType, &f.NationalPrefixFormattingRule)
		case 5:
			err = r.string(num, wireType, &f.DomesticCarrierCodeFormattingRule)
		case 6:
			err = r.bool(num, wireType, &f.NationalPrefixOptionalWhenFormatting)
		default:
			err = r.skip(wireType)
		}
		if err != nil {
			return fmt.Errorf("NumberFormat field %d: %w", num, err)
		}
	}
	if f.Pattern == nil || f.Format == nil {
		return errors.New("required field NumberFormat.pattern or format not set")
	}
	return nil
}
