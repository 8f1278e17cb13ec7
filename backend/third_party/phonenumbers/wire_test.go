package phonenumbers

// erpps patch: tests of the metadata decoder (wire.go, metadata_decode.go)
// and of the helpers replacing proto.Merge and the messages' String.

import (
	"encoding/binary"
	"reflect"
	"strings"
	"testing"
)

// Encoding helpers: a field's key, a varint field, a length-delimited field.
func wKey(num, wireType int) []byte { return binary.AppendUvarint(nil, uint64(num<<3|wireType)) }

func wVarint(num int, v uint64) []byte {
	return binary.AppendUvarint(wKey(num, wireVarint), v)
}

func wBytes(num int, parts ...[]byte) []byte {
	v := cat(parts...)
	return append(binary.AppendUvarint(wKey(num, wireBytes), uint64(len(v))), v...)
}

func wString(num int, s string) []byte { return wBytes(num, []byte(s)) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func TestDecodeMetadataWellFormed(t *testing.T) {
	format := func(pattern string, leading ...string) []byte {
		b := cat(wString(1, pattern), wString(2, "$1 $2"))
		for _, l := range leading {
			b = append(b, wString(3, l)...)
		}
		return b
	}
	entry := cat(
		wString(9, "FR"),
		wVarint(10, 33),
		wString(11, "00"),
		wVarint(22, 1), // main_country_for_code
		wBytes(1, wString(2, `\d{9}`), wVarint(9, 9)), // general_desc
		wBytes(1, wBytes(9, []byte{10, 11})),          // general_desc again, merged; possible_length packed
		wVarint(99, 7),                                // unknown fields of each wire type, skipped
		append(wKey(98, wireFixed64), 1, 2, 3, 4, 5, 6, 7, 8),
		append(wKey(97, wireFixed32), 1, 2, 3, 4),
		wString(96, "ignored"),
		wBytes(19, format(`(\d)(\d{8})`, "[1-5]")),
		wBytes(19, format(`(\d{3})(\d{6})`), wString(3, "6"), wString(3, "7"), wVarint(6, 1)),
		wBytes(20, format(`(\d)(\d{8})`)),
	)
	got, err := decodePhoneMetadataCollection(cat(wBytes(1, entry), wBytes(1, wString(9, "001"))))
	if err != nil {
		t.Fatal(err)
	}
	nf := func(pattern string, leading ...string) *NumberFormat {
		return &NumberFormat{Pattern: protoString(pattern), Format: protoString("$1 $2"), LeadingDigitsPattern: leading}
	}
	fr2 := nf(`(\d{3})(\d{6})`, "6", "7")
	fr2.NationalPrefixOptionalWhenFormatting = protoBool(true)
	want := &PhoneMetadataCollection{Metadata: []*PhoneMetadata{{
		Id:                  protoString("FR"),
		CountryCode:         protoInt32(33),
		InternationalPrefix: protoString("00"),
		MainCountryForCode:  protoBool(true),
		GeneralDesc:         &PhoneNumberDesc{NationalNumberPattern: protoString(`\d{9}`), PossibleLength: []int32{9, 10, 11}},
		NumberFormat:        []*NumberFormat{nf(`(\d)(\d{8})`, "[1-5]"), fr2},
		IntlNumberFormat:    []*NumberFormat{nf(`(\d)(\d{8})`)},
	}, {Id: protoString("001")}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got.Metadata[0], want.Metadata[0])
	}

	empty, err := decodePhoneMetadataCollection(nil)
	if err != nil || len(empty.GetMetadata()) != 0 {
		t.Errorf("empty input: %v, %v", empty, err)
	}
}

func TestDecodeMetadataMalformed(t *testing.T) {
	id := wString(9, "FR")
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"truncated key", []byte{0x80}, "truncated"},
		{"truncated length", []byte{0x0a}, "truncated"},
		{"length past the end", append(wKey(1, wireBytes), 5, 1, 2), "truncated"},
		{"varint of 11 bytes", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, "overflows"},
		{"varint past 64 bits", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}, "overflows"},
		{"length of 2^64-1", append(wKey(1, wireBytes), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), "truncated"},
		{"field number 0", []byte{0x00, 0x00}, "invalid field number"},
		{"field number too large", binary.AppendUvarint(nil, 1<<32|wireVarint), "invalid field number"},
		{"group", append(wKey(2, 3), wKey(2, 4)...), "unsupported wire type 3"},
		{"wire type 7", wKey(2, 7), "unsupported wire type 7"},
		{"truncated fixed64", append(wKey(2, wireFixed64), 1, 2, 3), "truncated"},
		{"truncated fixed32", append(wKey(2, wireFixed32), 1), "truncated"},
		{"metadata as a varint", wVarint(1, 3), "wire type 0, want 2"},
		{"metadata without id", wBytes(1, wVarint(10, 33)), "PhoneMetadata.id"},
		{"id as a varint", wBytes(1, wVarint(9, 1)), "wire type 0, want 2"},
		{"bool as bytes", wBytes(1, id, wString(22, "x")), "wire type 2, want 0"},
		{"truncated desc", wBytes(1, id, append(wKey(1, wireBytes), 9, 0x12)), "truncated"},
		{"desc as varint", wBytes(1, id, wVarint(3, 1)), "wire type 0, want 2"},
		{"truncated packed lengths", wBytes(1, id, wBytes(1, wBytes(9, []byte{9, 0x80}))), "truncated"},
		{"format without format", wBytes(1, id, wBytes(19, wString(1, `(\d)`))), "NumberFormat"},
		{"truncated format", wBytes(1, id, wBytes(19, wString(1, `(\d)`)[:3])), "truncated"},
		{"truncated 2nd entry", cat(wBytes(1, id), wBytes(1, id)[:4]), "truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodePhoneMetadataCollection(tt.input)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("decode(%x) = %v, %v; want an error containing %q", tt.input, got, err, tt.want)
			}
			if got != nil {
				t.Errorf("decode(%x) returned a collection with its error", tt.input)
			}
		})
	}
}

// TestDecodeMetadataTruncated cuts the real metadata's first entries at every
// byte: each cut inside an entry is an error, none panics.
func TestDecodeMetadataTruncated(t *testing.T) {
	raw, err := decodeUnzip(numberData)
	if err != nil {
		t.Fatal(err)
	}
	r := wireReader{raw}
	r.field()
	first, err := r.bytes()
	if err != nil {
		t.Fatal(err)
	}
	end := len(raw) - len(r.b) // the first entry is raw[:end]
	for cut := 1; cut < end; cut++ {
		if _, err := decodePhoneMetadataCollection(raw[:cut]); err == nil {
			t.Fatalf("cut at %d of %d (%d bytes of content): no error", cut, end, len(first))
		}
	}
	if c, err := decodePhoneMetadataCollection(raw[:end]); err != nil || len(c.Metadata) != 1 {
		t.Fatalf("first entry alone: %v, %v", c, err)
	}
}

func FuzzDecodeMetadata(f *testing.F) {
	raw, err := decodeUnzip(shortNumberData)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw[:2000])
	f.Add(wBytes(1, wString(9, "FR"), wBytes(1, wBytes(9, []byte{9}))))
	f.Fuzz(func(t *testing.T, b []byte) {
		decodePhoneMetadataCollection(b) // must not panic
	})
}

func TestMergePhoneNumber(t *testing.T) {
	src := &PhoneNumber{CountryCode: protoInt32(33), NationalNumber: protoUint64(612345678), Extension: protoString("12")}
	dst := &PhoneNumber{CountryCode: protoInt32(1), RawInput: protoString("06 12")}
	mergePhoneNumber(dst, src)
	want := &PhoneNumber{CountryCode: protoInt32(33), NationalNumber: protoUint64(612345678),
		Extension: protoString("12"), RawInput: protoString("06 12")}
	if !reflect.DeepEqual(dst, want) {
		t.Fatalf("merged %v, want %v", dst, want)
	}
	*dst.CountryCode = 44 // the copy shares no field with src
	if src.GetCountryCode() != 33 {
		t.Errorf("merge aliased src's country code")
	}
}

func TestMergeNumberFormat(t *testing.T) {
	src := &NumberFormat{Pattern: protoString(`(\d)`), LeadingDigitsPattern: []string{"6"},
		NationalPrefixOptionalWhenFormatting: protoBool(true)}
	dst := &NumberFormat{Format: protoString("$1"), LeadingDigitsPattern: []string{"1"}}
	mergeNumberFormat(dst, src)
	want := &NumberFormat{Pattern: protoString(`(\d)`), Format: protoString("$1"),
		LeadingDigitsPattern: []string{"1", "6"}, NationalPrefixOptionalWhenFormatting: protoBool(true)}
	if !reflect.DeepEqual(dst, want) {
		t.Fatalf("merged %v, want %v", dst, want)
	}
}

func TestMessageString(t *testing.T) {
	n := &PhoneNumber{CountryCode: protoInt32(33), NationalNumber: protoUint64(612345678),
		CountryCodeSource: PhoneNumber_FROM_NUMBER_WITH_PLUS_SIGN.Enum()}
	if got, want := n.String(), "country_code:33 national_number:612345678 country_code_source:FROM_NUMBER_WITH_PLUS_SIGN"; got != want {
		t.Errorf("PhoneNumber.String() = %q, want %q", got, want)
	}
	f := &NumberFormat{Pattern: protoString(`(\d)`), Format: protoString("$1"), LeadingDigitsPattern: []string{"6"}}
	if got, want := f.String(), `pattern:"(\\d)" format:"$1" leading_digits_pattern:"6"`; got != want {
		t.Errorf("NumberFormat.String() = %q, want %q", got, want)
	}
}

// BenchmarkDecodeMetadata: the first-use cost of the territories' metadata
// (gunzip excluded).
func BenchmarkDecodeMetadata(b *testing.B) {
	raw, err := decodeUnzip(numberData)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := decodePhoneMetadataCollection(raw); err != nil {
			b.Fatal(err)
		}
	}
}
