package phonenumbers

// erpps patch: small replacements for the google.golang.org/protobuf/proto
// functions the library used (proto.String, proto.Int32, proto.Uint64,
// proto.Bool, proto.Merge), so that the desktop does not link protobuf's
// reflection runtime. See ERPPS.md.

func protoString(v string) *string { return &v }
func protoInt32(v int32) *int32    { return &v }
func protoUint64(v uint64) *uint64 { return &v }
func protoBool(v bool) *bool       { return &v }

// mergeValue sets *dst to a copy of *src when src is set (proto.Merge's rule
// for a scalar field: a field set in src overwrites dst).
func mergeValue[T any](dst **T, src *T) {
	if src != nil {
		v := *src
		*dst = &v
	}
}

// mergePhoneNumber merges src into dst as proto.Merge(dst, src) does: each
// field set in src overwrites dst's (PhoneNumber has no repeated field).
func mergePhoneNumber(dst, src *PhoneNumber) {
	if src == nil {
		return
	}
	mergeValue(&dst.CountryCode, src.CountryCode)
	mergeValue(&dst.NationalNumber, src.NationalNumber)
	mergeValue(&dst.Extension, src.Extension)
	mergeValue(&dst.ItalianLeadingZero, src.ItalianLeadingZero)
	mergeValue(&dst.NumberOfLeadingZeros, src.NumberOfLeadingZeros)
	mergeValue(&dst.RawInput, src.RawInput)
	mergeValue(&dst.CountryCodeSource, src.CountryCodeSource)
	mergeValue(&dst.PreferredDomesticCarrierCode, src.PreferredDomesticCarrierCode)
}

// mergeNumberFormat merges src into dst as proto.Merge(dst, src) does: each
// scalar field set in src overwrites dst's, the repeated one is appended.
func mergeNumberFormat(dst, src *NumberFormat) {
	if src == nil {
		return
	}
	mergeValue(&dst.Pattern, src.Pattern)
	mergeValue(&dst.Format, src.Format)
	dst.LeadingDigitsPattern = append(dst.LeadingDigitsPattern, src.LeadingDigitsPattern...)
	mergeValue(&dst.NationalPrefixFormattingRule, src.NationalPrefixFormattingRule)
	mergeValue(&dst.NationalPrefixOptionalWhenFormatting, src.NationalPrefixOptionalWhenFormatting)
	mergeValue(&dst.DomesticCarrierCodeFormattingRule, src.DomesticCarrierCodeFormattingRule)
}
