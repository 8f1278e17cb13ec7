// Package attestation produces the "Attestation d'enregistrement au RPPS": a
// signed A4 PDF whose QR code lets anyone check that the issuing authority (the
// ARS) issued it and that its key fields were not changed.
//
// # What is signed
//
// Canonical serialises the whole content printed on the attestation (identity,
// professions, activities, issuer, date, document number). The QR code carries
// a compact, readable, versioned payload:
//
//	ERPPS2|<document number>|<RPPS>|<first name> <exercise name>|<issuer>|<YYYY-MM-DD>|<professions>|<digest>|<key id>|<signature>
//
// where professions are joined by " ; ", digest is base64url (no padding) of
// the first 16 bytes of SHA-256(Canonical(d)), key id is signing.KeyIDOf the authority's key, and
// signature is base64url (no padding) of the Ed25519 signature of every byte
// before the last "|" (so the key id is signed too). A phone's QR reader shows
// the document number, RPPS number, name, issuer, date and professions in
// clear, and so does « Vérifier une attestation », for the reader to compare
// them with the paper: the signature proves the QR code's content, not the
// paper's. ERPPS1 payloads (without the professions) still verify; a payload
// is put in Unicode NFC before it is checked, as it is before it is signed; the full
// content (activities included) is bound through the digest, which
// Verified.Matches compares with a Data. The readable fields are cleaned for
// the payload ("|" and control characters become spaces, lengths are capped);
// the digest always covers the exact, uncut content.
//
// A payload is about 250 bytes (the sample's: 253), a version 12 QR code
// (65 modules) at error correction level M, with an ECI designator saying the
// bytes are UTF-8 (without it some readers show accents as Shift-JIS). It is
// drawn 44 mm wide (0.68 mm modules) from a 1-bit bitmap of 4 pixels per
// module, and scans from a page image at 72 dpi and more.
//
// # Rendering
//
// Renderer draws the PDF with maroto v2, pages uncompressed (zlib would cost
// 2 MB of allocations per document), in DejaVu Sans embedded in the program
// (fonts/, from Debian's fonts-dejavu-core, cut to the Latin, Greek and
// Cyrillic scripts by fonts/subset.sh; italics drawn upright), so that every
// name, Polish, Czech, Romanian or Vietnamese, is printed and read back by
// pdftotext exactly. The PDF embeds only the glyphs the document uses. gofpdf,
// under maroto, is patched (third_party/gofpdf) to parse the font once per
// process instead of once per document. Dates are written in French ("1er
// mars 2026"), in the location of Data.IssuedAt. The table of activities runs
// onto as many pages as it needs, its column headings repeated atop each.
//
// An attestation signed by a local stand-in key (signing.IsLocal) says, under
// its header and at the foot of every page, that it is an offline preview of
// no official value; a demo record's says « DÉMO ».
package attestation
