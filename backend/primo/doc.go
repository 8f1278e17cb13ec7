// Package primo is the primo-registration (« primo enregistrement »): a
// person with no RPPS number signs in with FranceConnect (erpps-server is an
// OpenID Connect client of it), fills a form whose identity comes from
// FranceConnect (read only), with their diploma and profession (NOS
// tables); the ARS of the département where they will practise accepts it
// (the server assigns a new RPPS number, from a sequence that never goes
// back, and creates the record) or refuses it with a motif. FranceConnect
// opens nothing else: someone who has an RPPS number signs in with Pro
// Santé Connect.
package primo
