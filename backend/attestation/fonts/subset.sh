#!/bin/sh
# Regenerates the attestation's fonts from Debian's DejaVu Sans (package
# fonts-dejavu-core), cut to the scripts of the names the register holds:
# Latin (French, the European languages, Vietnamese), Greek and Cyrillic,
# with their punctuation. Fewer glyphs make each document's font subset
# cheaper to compute (gofpdf reads every glyph of the font it is given).
# Needs fonttools (Debian: python3-fonttools) only to regenerate; the build
# and the binary use the committed files.
set -eu
cd "$(dirname "$0")"
src=/usr/share/fonts/truetype/dejavu
unicodes="U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-045F,U+0490-0491,U+1E00-1EFF,U+2000-206F,U+20A0-20BF,U+2116,U+2122,U+FFFD"
for f in DejaVuSans DejaVuSans-Bold; do
	/usr/bin/python3 -m fontTools.subset "$src/$f.ttf" --output-file="$f.ttf" \
		--unicodes="$unicodes" --layout-features= --no-hinting --notdef-outline --name-IDs='*' --name-languages='*'
done
