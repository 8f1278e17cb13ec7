package gofpdf

import "sync"

// This copy of github.com/phpdave11/gofpdf v1.4.3 (MIT licence, see LICENSE)
// carries three changes for eRPPS, which adds the same embedded UTF-8 fonts
// to every document it draws (see ERPPS.md):
//
//   - a UTF-8 font added from the same bytes is parsed once per process
//     (parsedUTF8Fonts), instead of once per document;
//   - the font subset is cut from a fresh reader of the font's bytes, so that
//     documents drawn at the same time share the parse safely, without
//     computing character widths the cut does not use;
//   - what every subset of a font shares (its character map and glyph
//     offsets) is computed once, with the parse (cutBase);
//   - a document's CIDToGIDMap runs to its last character, not to U+FFFF,
//     and its widths (W) list the characters it uses only;
//   - zlib compressors are reused (sliceCompress), and the document's buffer
//     is grown once to the size of its pages (enddoc).

// parsedFontKey names the bytes of a UTF-8 font added under a font key.
type parsedFontKey struct {
	data    *byte
	size    int
	fontkey string
}

// parsedUTF8Fonts holds the parse (fontDefType without usedRunes) of every
// UTF-8 font added from bytes, by parsedFontKey. The entries are never
// modified once stored; they live as long as the process, which suits fonts
// embedded in the program (not fonts read from ever new buffers).
var parsedUTF8Fonts sync.Map

// cutBase is what GenerateCutFont reads of a font whatever the subset: the
// glyph of each character and the glyph offsets. Read only once built.
type cutBase struct {
	charSymbol     map[int]int
	symbolPosition []int
}

// newCutBase reads the cutBase of a TrueType font; nil when the font has no
// Unicode character map (GenerateCutFont then reports it).
func newCutBase(data []byte) *cutBase {
	utf := newUTF8Font(&fileReader{array: data})
	utf.tableDescriptions = make(map[string]*tableDescription)
	utf.skip(4)
	utf.generateTableDescriptions()
	utf.SeekTable("head")
	utf.skip(50)
	locaFormat := utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()
	if utf.generateCMAP() == nil {
		return nil
	}
	utf.parseLOCATable(locaFormat, numSymbols)
	return &cutBase{charSymbol: utf.charSymbolDictionary, symbolPosition: utf.symbolPosition}
}
