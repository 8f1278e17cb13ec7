// Package requests applies the eRPPS portal's rules to the requests of its
// actions: it starts drafts (one per kind and object), validates what the
// professional types as they type it, enforces the guide's rules with a way
// forward (cease first on a change of département, a moved cabinet is a new
// place plus the end of the old one), and transmits complete requests.
package requests
