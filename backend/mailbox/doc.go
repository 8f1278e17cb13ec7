// Package mailbox picks up, from the cabinet's mailbox (IMAP over TLS), the
// e-mails the desktop knows: e-CPS activation codes sent to a practitioner
// of the cabinet, and ARS decisions on a request. It recognises them by the
// headers the eRPPS server writes (X-ERPPS-*), and by their text when a
// relay stripped those headers. It never logs a code nor an address.
package mailbox
