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
// A payload is about 230 bytes: a version 10-11 QR code at level M, drawn as
// vector squares so it stays sharp at any zoom or print resolution.
//
// # Rendering
//
// Renderer draws the PDF with maroto v2 and the PDF core font Helvetica
// (Windows-1252 text: French accents, œ, € and the usual Latin-1 letters are
// kept; other letters lose their diacritics, or become "?" when they have no
// Latin-1 form). Dates are written in French ("1er mars 2026") in the
// location of Data.IssuedAt.
package attestation
