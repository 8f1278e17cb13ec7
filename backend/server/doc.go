// Package server is erpps-server's HTTP JSON API under /api/v1 (plain
// net/http), described by the OpenAPI 3.1 document openapi.json of this
// folder, served at /api/v1/openapi.json.
//
// Every reply that is not a success is one JSON shape, {code, message,
// fields}, with the erpps error codes and a French message. Clients sign in
// with POST /api/v1/session and then send either the HttpOnly SameSite=Strict
// cookie erpps_session (browsers) or an Authorization: Bearer token
// (desktops). Authorization is decided here, never in a client: a person
// asking for what is not theirs gets not_found, never a byte of it.
package server
