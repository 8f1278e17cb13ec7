package tsgen

import (
	"reflect"
	"strings"
	"testing"

	"erpps/app/internal/tsgen/fixture"
)

func TestGenerator(t *testing.T) {
	g := &Generator{Root: "../../..", Module: "erpps"}
	g.Methods("ServiceMethods", reflect.TypeFor[*fixture.Service]())
	g.Enum("Letter", "Letters.", []string{"a", "b"})
	g.Keyed("ByKey", "Keyed", "", []string{"x", "y-z"}, []reflect.Type{reflect.TypeFor[fixture.Color](), reflect.TypeFor[fixture.Free]()})
	out, err := g.Render("// header\n")
	if err != nil {
		t.Fatal(err)
	}
	ts := string(out)
	for _, want := range []string{
		"// header\n",
		"/** Color is a named string with declared values. */\nexport type Color = \"red\" | \"green\" | \"blue\";",
		"export type Free = string;",
		"export interface Thing extends Omit<Base, \"shadow\"> {\n",
		"export interface Base {\n    id: string;\n",
		"    created: string;\n",
		"    /** the outer field wins */\n    shadow: number;\n",
		"    color: Color;\n",
		"    free?: Free;\n",
		"    tags: string[] | null;\n",
		"    colors?: Color[];\n",
		"    byColor: Partial<Record<Color, number>> | null;\n",
		"    payload: unknown;\n",
		"    next?: Thing;\n",
		"    when?: string;\n",
		"    count: string;\n",
		"    bytes: string;\n",
		"    any: unknown;\n",
		"    inline: {\n    A: boolean;\n}",
		"    fixed: number[];\n",
		"    nested: Partial<Record<string, Thing[] | null>> | null;\n",
		"    \"-\": string;\n",
		"    NoTag: string;\n",
		"    untagged?: Partial<Record<string, Partial<Record<string, Color>> | null>>;\n",
		"    Get(id: string, in_: Thing): Promise<Thing>;\n",
		"    /** Drop returns nothing but an error. */\n    Drop(arg0: string): Promise<void>;\n",
		"export type Letter = \"a\" | \"b\";",
		"export interface ByKey {\n    x: Color;\n    \"y-z\": Free;\n}",
		"export type Keyed = ByKey[keyof ByKey];",
	} {
		if !strings.Contains(ts, want) {
			t.Errorf("missing %q in\n%s", want, ts)
		}
	}
	for _, absent := range []string{"Skipped", "hidden"} {
		if strings.Contains(ts, absent) {
			t.Errorf("%q should not be in\n%s", absent, ts)
		}
	}
	if strings.Count(ts, "export interface Thing ") != 1 {
		t.Errorf("Thing declared %d times", strings.Count(ts, "export interface Thing "))
	}
}

func TestGeneratorRefusesWhatCannotCross(t *testing.T) {
	g := &Generator{Root: "../../..", Module: "erpps"}
	g.Add(reflect.TypeFor[struct {
		F func() `json:"f"`
	}]())
	if _, err := g.Render(""); err == nil || !strings.Contains(err.Error(), "cannot cross") {
		t.Fatalf("got %v, want an error for a func field", err)
	}
}
