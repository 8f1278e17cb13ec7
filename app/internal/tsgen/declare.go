package tsgen

import (
	"fmt"
	"reflect"
	"strings"
)

// What is declared besides the types reached from Add: unions of values,
// keyed unions and method sets.

// Enum declares a union of string literals not carried by a Go type (error
// codes kept as untyped constants, for instance).
func (g *Generator) Enum(name, doc string, values []string) {
	g.init()
	g.extra = append(g.extra, comment(doc, "")+"export type "+name+" = "+literals(values)+";\n")
}

// Keyed declares an interface name whose keys are the given values and whose
// members are the TypeScript types of the Go types, and the union of those
// types as unionName: what a json.RawMessage holds for each key.
func (g *Generator) Keyed(name, unionName, doc string, keys []string, types []reflect.Type) {
	g.init()
	var b strings.Builder
	b.WriteString(comment(doc, "") + "export interface " + name + " {\n")
	for i, k := range keys {
		fmt.Fprintf(&b, "    %s: %s;\n", quoteKey(k), g.expr(types[i]))
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "export type %s = %s[keyof %s];\n", unionName, name, name)
	g.extra = append(g.extra, b.String())
}

// Methods declares an interface name with one member per exported method of
// t (a pointer type, as bound): its parameters, and a Promise of its result.
func (g *Generator) Methods(name string, t reflect.Type) {
	g.init()
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	var b strings.Builder
	b.WriteString(comment(g.doc(base, base.Name()), "") + "export interface " + name + " {\n")
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		key := base.Name() + "." + m.Name
		var params []string
		var names []string
		if s := g.source(base); s != nil {
			names = s.params[key]
		}
		for j := 1; j < m.Type.NumIn(); j++ {
			pname := fmt.Sprintf("arg%d", j-1)
			if j-1 < len(names) && names[j-1] != "_" {
				pname = names[j-1]
			}
			if reserved[pname] {
				pname += "_"
			}
			params = append(params, pname+": "+g.expr(m.Type.In(j)))
		}
		result := "void"
		outs := m.Type.NumOut()
		if outs == 0 || m.Type.Out(outs-1) != errorType || outs > 2 {
			g.fail("method %s must return (T, error) or error", m.Name)
		} else if outs == 2 {
			result = g.expr(m.Type.Out(0))
		}
		b.WriteString(comment(g.doc(base, key), "    "))
		fmt.Fprintf(&b, "    %s(%s): Promise<%s>;\n", m.Name, strings.Join(params, ", "), result)
	}
	b.WriteString("}\n")
	g.extra = append(g.extra, b.String())
}

// Consts returns the string constants declared with the type named name in
// the package of t (an alias such as `type Code = string` included).
func (g *Generator) Consts(t reflect.Type, name string) []string {
	g.init()
	if s := g.source(t); s != nil {
		return s.consts[name]
	}
	return nil
}
