// Package messages writes the French e-mails and SMS the server sends (a
// one-time activation code, an ARS decision), with the headers the
// desktop's mailbox pickup recognises, and routes a message to the sender
// of its channel.
package messages
