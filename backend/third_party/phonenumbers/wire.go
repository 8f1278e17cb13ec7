package phonenumbers

// erpps patch: a decoder of the protobuf wire format for the embedded metadata
// (PhoneMetadataCollection, phonemetadata.proto), replacing proto.Unmarshal so
// that google.golang.org/protobuf is not linked. Unknown fields are skipped,
// a message field seen twice is merged (as proto.Unmarshal does), the required
// fields are checked; truncated or malformed input gives an error, never a
// panic. See ERPPS.md.

import (
	"errors"
	"fmt"
)

// wire types (https://protobuf.dev/programming-guides/encoding/)
const (
	wireVarint  = 0
	wireFixed64 = 1
	wireBytes   = 2
	wireFixed32 = 5
)

var errWireTruncated = errors.New("truncated input")

// wireReader reads protobuf fields from a buffer.
type wireReader struct{ b []byte }

func (r *wireReader) varint() (uint64, error) {
	var v uint64
	for i := 0; i < 10; i++ {
		if i >= len(r.b) {
			return 0, errWireTruncated
		}
		c := r.b[i]
		if i == 9 && c > 1 {
			return 0, errors.New("varint overflows 64 bits")
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			r.b = r.b[i+1:]
			return v, nil
		}
	}
	return 0, errors.New("varint overflows 64 bits")
}

// field reads a field's key: its number and wire type.
func (r *wireReader) field() (num int, wireType int, err error) {
	key, err := r.varint()
	if err != nil {
		return 0, 0, err
	}
	if key>>3 == 0 || key>>3 > 1<<29-1 {
		return 0, 0, fmt.Errorf("invalid field number %d", key>>3)
	}
	return int(key >> 3), int(key & 7), nil
}

// bytes reads a length-delimited value.
func (r *wireReader) bytes() ([]byte, error) {
	n, err := r.varint()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(r.b)) {
		return nil, errWireTruncated
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v, nil
}

// skip skips the value of an unknown field (groups are not supported).
func (r *wireReader) skip(wireType int) error {
	var n int
	switch wireType {
	case wireVarint:
		_, err := r.varint()
		return err
	case wireBytes:
		_, err := r.bytes()
		return err
	case wireFixed64:
		n = 8
	case wireFixed32:
		n = 4
	default:
		return fmt.Errorf("unsupported wire type %d", wireType)
	}
	if n > len(r.b) {
		return errWireTruncated
	}
	r.b = r.b[n:]
	return nil
}

// value reads a known field's value, which must have the wire type want
// (wireVarint: the value is in v; wireBytes: in b).
func (r *wireReader) value(num, wireType, want int) (v uint64, b []byte, err error) {
	if wireType != want {
		return 0, nil, fmt.Errorf("field %d has wire type %d, want %d", num, wireType, want)
	}
	if want == wireVarint {
		v, err = r.varint()
		return v, nil, err
	}
	b, err = r.bytes()
	return 0, b, err
}

// int32s reads a repeated int32 field, packed (wireBytes) or not (wireVarint).
func (r *wireReader) int32s(dst []int32, num, wireType int) ([]int32, error) {
	if wireType == wireVarint {
		v, err := r.varint()
		if err != nil {
			return dst, err
		}
		return append(dst, int32(v)), nil
	}
	_, b, err := r.value(num, wireType, wireBytes)
	for p := (wireReader{b}); err == nil && len(p.b) > 0; {
		var v uint64
		if v, err = p.varint(); err == nil {
			dst = append(dst, int32(v))
		}
	}
	return dst, err
}

// string reads a string field into *dst.
func (r *wireReader) string(num, wireType int, dst **string) error {
	_, b, err := r.value(num, wireType, wireBytes)
	if err == nil {
		*dst = protoString(string(b))
	}
	return err
}

// bool reads a bool field into *dst.
func (r *wireReader) bool(num, wireType int, dst **bool) error {
	v, _, err := r.value(num, wireType, wireVarint)
	if err == nil {
		*dst = protoBool(v != 0)
	}
	return err
}

// message reads an embedded message and decodes it with decode.
func (r *wireReader) message(num, wireType int, decode func([]byte) error) error {
	_, b, err := r.value(num, wireType, wireBytes)
	if err == nil {
		err = decode(b)
	}
	return err
}
