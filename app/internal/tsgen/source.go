package tsgen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// source is what reflection cannot tell about one Go package, read from its
// files: doc comments, the values declared for each named type, and the
// parameter names of methods.
type source struct {
	docs   map[string]string   // "Type", "Type.Field", "Recv.Method" -> comment
	consts map[string][]string // named type -> its string constants, in order
	params map[string][]string // "Recv.Method" -> parameter names
}

// readSource parses the non-test Go files of the package in dir.
func readSource(dir string) (*source, error) {
	src := &source{docs: map[string]string{}, consts: map[string][]string{}, params: map[string][]string{}}
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, fmt.Errorf("tsgen: unable to list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("tsgen: no Go file in %s: %w", dir, fs.ErrNotExist)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("tsgen: unable to parse %s: %w", name, err)
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				src.genDecl(d)
			case *ast.FuncDecl:
				src.funcDecl(d)
			}
		}
	}
	return src, nil
}

func (s *source) genDecl(d *ast.GenDecl) {
	// In a group of constants, an untyped string constant counts with the
	// group's named type (a value added without repeating the type).
	group := ""
	if d.Tok == token.CONST {
		for _, spec := range d.Specs {
			if sp, ok := spec.(*ast.ValueSpec); ok {
				if id, ok := sp.Type.(*ast.Ident); ok && group == "" {
					group = id.Name
				}
			}
		}
	}
	for _, spec := range d.Specs {
		switch sp := spec.(type) {
		case *ast.TypeSpec:
			doc := sp.Doc
			if doc == nil && len(d.Specs) == 1 {
				doc = d.Doc
			}
			s.docs[sp.Name.Name] = text(doc)
			if st, ok := sp.Type.(*ast.StructType); ok {
				for _, f := range st.Fields.List {
					c := text(f.Doc)
					if c == "" {
						c = text(f.Comment)
					}
					for _, n := range f.Names {
						s.docs[sp.Name.Name+"."+n.Name] = c
					}
				}
			}
		case *ast.ValueSpec:
			if d.Tok != token.CONST {
				continue
			}
			typ := group
			if id, ok := sp.Type.(*ast.Ident); ok {
				typ = id.Name
			}
			if typ == "" {
				continue
			}
			for _, v := range sp.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				if value, err := strconv.Unquote(lit.Value); err == nil {
					s.consts[typ] = append(s.consts[typ], value)
				}
			}
		}
	}
}

func (s *source) funcDecl(d *ast.FuncDecl) {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return
	}
	recv := d.Recv.List[0].Type
	if star, ok := recv.(*ast.StarExpr); ok {
		recv = star.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return
	}
	key := id.Name + "." + d.Name.Name
	s.docs[key] = text(d.Doc)
	var names []string
	for _, p := range d.Type.Params.List {
		if len(p.Names) == 0 {
			names = append(names, fmt.Sprintf("arg%d", len(names)))
		}
		for _, n := range p.Names {
			names = append(names, n.Name)
		}
	}
	s.params[key] = names
}

func text(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return strings.TrimSpace(g.Text())
}
