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
//	ERPPS1|<document number>|<RPPS>|<first name> <exercise name>|<issuer>|<YYYY-MM-DD>|<digest>|<key id>|<signature>
//
// where digest is base64url (no padding) of the first 16 bytes of
// SHA-256(Canonical(d)), key id is signing.KeyIDOf the authority's key, and
// signature is base64url (no padding) of the Ed25519 signature of every byte
// before the last "|" (so the key id is signed too). A phone's QR reader shows
// the document number, RPPS number, name, issuer and date in clear; the full
// content (activities included) is bound through the digest, which
// Verified.Matches compares with a Data. The readable fields are cleaned for
// the payload ("|" and control characters become spaces, lengths are capped);
// the digest always covers the exact, uncut content.
//
// A payload is about 220 bytes (the sample's: 222), a version 11 QR code
// (61 modules) at error correction level M, with an ECI designator saying the
// bytes are UTF-8 (without it some readers show accents as Shift-JIS). It is
// drawn 44 mm wide (0.72 mm modules) from a 1-bit bitmap of 4 pixels per
// module, and scans from a page image at 72 dpi and more.
//
// # Rendering
//
// Renderer draws the PDF with maroto v2, pages uncompressed (about 55 KB for
// two pages; zlib would cost 2 MB of allocations per document), and the PDF
// core font Helvetica: text is Windows-1252, so French accents, œ, € and the
// Latin-1 letters are kept, other letters lose their diacritics, or become "?"
// when they have none to lose. Dates are written in French ("1er mars 2026"),
// in the location of Data.IssuedAt. The table of activities runs onto as many
// pages as it needs, its column headings repeated atop each.
package attestation
