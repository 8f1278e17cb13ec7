// Package tsgen writes the TypeScript side of the wire contract from Go: the
// types that cross between the Go methods and the UI, read by reflection as
// encoding/json sees them, and the methods' signatures. Doc comments and the
// values of named string types (their declared constants) are read from the
// Go sources, so that nothing is written twice by hand.
package tsgen

import (
	"encoding"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"
)

// Generator collects Go types and renders their TypeScript declarations.
type Generator struct {
	// Root is the module's folder and Module its path (from go.mod): a
	// package erpps/backend/x is read from Root/backend/x.
	Root, Module string

	decls   map[reflect.Type]*decl
	names   map[string]reflect.Type
	sources map[string]*source
	extra   []string // declarations added by Enum, Keyed, Methods
	errs    []error
}

// decl is one named TypeScript declaration.
type decl struct {
	name string
	body string
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	rawType         = reflect.TypeFor[json.RawMessage]()
	errorType       = reflect.TypeFor[error]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	textMarshalType = reflect.TypeFor[encoding.TextMarshaler]()
)

func (g *Generator) init() {
	if g.decls == nil {
		g.decls = map[reflect.Type]*decl{}
		g.names = map[string]reflect.Type{}
		g.sources = map[string]*source{}
	}
}

func (g *Generator) fail(format string, args ...any) {
	g.errs = append(g.errs, fmt.Errorf("tsgen: "+format, args...))
}

// source returns the parsed sources of t's package (nil outside the module).
func (g *Generator) source(t reflect.Type) *source {
	pkg := t.PkgPath()
	if pkg != g.Module && !strings.HasPrefix(pkg, g.Module+"/") {
		return nil
	}
	if s, ok := g.sources[pkg]; ok {
		return s
	}
	dir := filepath.Join(g.Root, filepath.FromSlash(strings.TrimPrefix(pkg, g.Module)))
	s, err := readSource(dir)
	if err != nil {
		g.errs = append(g.errs, err)
	}
	g.sources[pkg] = s
	return s
}

func (g *Generator) doc(t reflect.Type, key string) string {
	if s := g.source(t); s != nil {
		return s.docs[key]
	}
	return ""
}

// Add declares t (and every type it reaches) and returns its TypeScript
// expression.
func (g *Generator) Add(t reflect.Type) string {
	g.init()
	return g.expr(t)
}

// expr is the TypeScript expression of t, declaring the named types it uses.
func (g *Generator) expr(t reflect.Type) string {
	switch {
	case t == timeType:
		return "string"
	case t == rawType:
		return "unknown"
	case t.Kind() == reflect.Pointer:
		return g.expr(t.Elem())
	case t.Kind() == reflect.Struct && t.Name() == "":
		return g.object(t, "")
	}
	if t.Name() != "" && t.PkgPath() != "" {
		return g.named(t)
	}
	return g.structural(t)
}

// structural is the expression of an unnamed (or builtin) type.
func (g *Generator) structural(t reflect.Type) string {
	if t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType) {
		return "unknown"
	}
	if t.Implements(textMarshalType) || reflect.PointerTo(t).Implements(textMarshalType) {
		return "string"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Interface:
		return "unknown"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "string" // base64
		}
		return array(g.expr(t.Elem())) + " | null"
	case reflect.Array:
		return array(g.expr(t.Elem()))
	case reflect.Map:
		key := "string"
		if k := t.Key(); k.Kind() == reflect.String && k.Name() != "" && k.PkgPath() != "" {
			key = g.expr(k)
		}
		return "Partial<Record<" + key + ", " + g.expr(t.Elem()) + ">> | null"
	}
	g.fail("%s cannot cross the wire (kind %s)", t, t.Kind())
	return "never"
}

// named declares a named Go type and returns its TypeScript name.
func (g *Generator) named(t reflect.Type) string {
	if d, ok := g.decls[t]; ok {
		return d.name
	}
	name := t.Name()
	if other, taken := g.names[name]; taken && other != t {
		name = exported(filepath.Base(t.PkgPath())) + name
	}
	d := &decl{name: name}
	g.decls[t] = d // before the body: recursive types
	g.names[name] = t
	doc := comment(g.doc(t, t.Name()), "")
	switch {
	case t.Kind() == reflect.Struct && t != timeType:
		d.body = doc + "export interface " + name + g.extends(t) + " " + g.object(t, t.Name()) + "\n"
	case t.Kind() == reflect.String:
		values := []string(nil)
		if s := g.source(t); s != nil {
			values = s.consts[t.Name()]
		}
		if len(values) == 0 {
			d.body = doc + "export type " + name + " = string;\n"
		} else {
			d.body = doc + "export type " + name + " = " + literals(values) + ";\n"
		}
	default:
		d.body = doc + "export type " + name + " = " + g.structural(t) + ";\n"
	}
	return name
}

// embedded returns the struct types t embeds without a json name: their
// fields are promoted.
func embedded(t reflect.Type) []reflect.Type {
	var out []reflect.Type
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.Anonymous || name != "" || sf.Tag.Get("json") == "-" {
			continue
		}
		inner := sf.Type
		if inner.Kind() == reflect.Pointer {
			inner = inner.Elem()
		}
		if inner.Kind() == reflect.Struct && inner.Name() != "" {
			out = append(out, inner)
		}
	}
	return out
}

// extends is the heritage clause of a named struct: the named structs it
// embeds, without the members its own fields shadow.
func (g *Generator) extends(t reflect.Type) string {
	inner := embedded(t)
	if len(inner) == 0 {
		return ""
	}
	var own []field
	g.fields(t, t.Name(), 0, false, &own)
	shadowed := map[string]bool{}
	for _, f := range own {
		shadowed[f.name] = true
	}
	var bases []string
	for _, e := range inner {
		base := g.expr(e)
		var promoted []field
		g.fields(e, e.Name(), 1, true, &promoted)
		var omit []string
		for _, f := range promoted {
			if shadowed[f.name] {
				omit = append(omit, quote(f.name))
			}
		}
		if len(omit) > 0 {
			base = "Omit<" + base + ", " + strings.Join(omit, " | ") + ">"
		}
		bases = append(bases, base)
	}
	return " extends " + strings.Join(bases, ", ")
}

// field is one member of a JSON object.
type field struct {
	name     string
	optional bool
	expr     string
	doc      string
	depth    int
}

// object is the TypeScript object type of a struct, as encoding/json writes
// it: exported fields, json names, omitempty as optional, embedded structs'
// fields promoted (the shallowest wins).
func (g *Generator) object(t reflect.Type, goName string) string {
	var fields []field
	g.fields(t, goName, 0, goName == "", &fields)
	seen := map[string]int{}
	var kept []field
	for _, f := range fields {
		if i, ok := seen[f.name]; ok {
			if f.depth < kept[i].depth {
				kept[i] = f
			}
			continue
		}
		seen[f.name] = len(kept)
		kept = append(kept, f)
	}
	if len(kept) == 0 {
		return "{}"
	}
	var b strings.Builder
	b.WriteString("{\n")
	for _, f := range kept {
		b.WriteString(comment(f.doc, "    "))
		opt := ""
		if f.optional {
			opt = "?"
		}
		fmt.Fprintf(&b, "    %s%s: %s;\n", quoteKey(f.name), opt, f.expr)
	}
	b.WriteString("}")
	return b.String()
}

func (g *Generator) fields(t reflect.Type, goName string, depth int, promote bool, out *[]field) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if sf.Anonymous && name == "" {
			inner := ft
			if inner.Kind() == reflect.Pointer {
				inner = inner.Elem()
			}
			if inner.Kind() == reflect.Struct {
				if promote || inner.Name() == "" {
					g.fields(inner, inner.Name(), depth+1, true, out)
				}
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f := field{name: name, depth: depth, doc: g.doc(t, goName+"."+sf.Name)}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty", "omitzero":
				f.optional = true
			case "string":
				f.expr = "string"
			}
		}
		if f.expr == "" {
			f.expr = g.expr(ft)
		}
		if f.optional {
			f.expr = strings.TrimSuffix(f.expr, " | null")
		}
		*out = append(*out, f)
	}
}

// Render returns the TypeScript file, header first, declarations sorted by
// name, then the enums, keyed unions and method sets in the order added.
func (g *Generator) Render(header string) ([]byte, error) {
	g.init()
	if len(g.errs) > 0 {
		return nil, fmt.Errorf("tsgen: %d error(s), first: %w", len(g.errs), g.errs[0])
	}
	decls := make([]*decl, 0, len(g.decls))
	for _, d := range g.decls {
		decls = append(decls, d)
	}
	sort.Slice(decls, func(i, j int) bool { return decls[i].name < decls[j].name })
	var b strings.Builder
	b.WriteString(header)
	for _, d := range decls {
		b.WriteString("\n" + d.body)
	}
	for _, e := range g.extra {
		b.WriteString("\n" + e)
	}
	return []byte(b.String()), nil
}
