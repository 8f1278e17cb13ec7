package refdata

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// tsvFile is a parsed data file: "# key: value" metadata lines, one header
// row, then rows of tab-separated fields with as many fields as the header.
type tsvFile struct {
	meta    map[string][]string // key -> values, in file order
	columns map[string]int      // column name -> index
	rows    []tsvRow
}

type tsvRow struct {
	line   int
	fields []string
}

// field returns the row's value for column name, or "" when the file has no
// such column.
func (f *tsvFile) field(r tsvRow, name string) string {
	i, ok := f.columns[name]
	if !ok {
		return ""
	}
	return r.fields[i]
}

// first returns the first value of a metadata key, or "".
func (f *tsvFile) first(key string) string {
	if v := f.meta[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// parseTSV reads a data file. required names the columns the file must have.
func parseTSV(data []byte, required ...string) (*tsvFile, error) {
	f := &tsvFile{meta: map[string][]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	var width int
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		switch {
		case strings.HasPrefix(text, "#"):
			if f.columns != nil {
				return nil, fmt.Errorf("line %d: comment after the header row", line)
			}
			key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(text, "#")), ":")
			if ok {
				key = strings.TrimSpace(key)
				f.meta[key] = append(f.meta[key], strings.TrimSpace(value))
			}
		case strings.TrimSpace(text) == "":
			continue
		case f.columns == nil:
			names := strings.Split(text, "\t")
			f.columns = make(map[string]int, len(names))
			for i, n := range names {
				n = strings.TrimSpace(n)
				if _, dup := f.columns[n]; dup || n == "" {
					return nil, fmt.Errorf("line %d: empty or repeated column %q", line, n)
				}
				f.columns[n] = i
			}
			width = len(names)
			for _, r := range required {
				if _, ok := f.columns[r]; !ok {
					return nil, fmt.Errorf("line %d: missing column %q", line, r)
				}
			}
		default:
			fields := strings.Split(text, "\t")
			if len(fields) != width {
				return nil, fmt.Errorf("line %d: %d fields, the header has %d", line, len(fields), width)
			}
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
			f.rows = append(f.rows, tsvRow{line: line, fields: fields})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if f.columns == nil {
		return nil, fmt.Errorf("no header row")
	}
	return f, nil
}
