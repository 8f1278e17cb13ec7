package mailbox

import (
	"encoding/base64"
	"io"
	"strings"
	"unicode/utf8"
)

// base64Reader decodes a base64 body, ignoring its line breaks.
func base64Reader(r io.Reader) io.Reader {
	return base64.NewDecoder(base64.StdEncoding, newlineStripper{r})
}

type newlineStripper struct{ r io.Reader }

func (s newlineStripper) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	j := 0
	for i := 0; i < n; i++ {
		if p[i] != '\r' && p[i] != '\n' && p[i] != ' ' && p[i] != '\t' {
			p[j] = p[i]
			j++
		}
	}
	return j, err
}

// toUTF8 returns b as UTF-8: UTF-8 and ASCII as they are, ISO-8859-1 and
// Windows-1252 (the older French mailers') byte by byte.
func toUTF8(b []byte, charset string) string {
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs == "" || cs == "utf-8" || cs == "us-ascii" || utf8.Valid(b) && cs != "iso-8859-1" && cs != "windows-1252" && cs != "latin1" {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}
