package server

import (
	"net/http"
	"strings"

	"erpps/backend/erpps"
)

// access says who may call a route.
type access int

const (
	public   access = iota // anyone, signed in or not
	signedIn               // a valid session (cookie or bearer token)
)

// handlerFunc serves one route for caller c (nil on a public route); an
// error is replied with the error shape.
type handlerFunc func(w http.ResponseWriter, r *http.Request, c *caller) error

// route is one operation of the API; the table of routes is what is served
// and what the OpenAPI document must describe, no more, no less.
type route struct {
	method string
	path   string
	access access
	h      handlerFunc
}

// routes is every operation the server serves.
func (s *Server) routes() []route {
	return []route{
		{"POST", "/api/v1/session", public, s.signIn},
		{"GET", "/api/v1/session", signedIn, s.currentSession},
		{"DELETE", "/api/v1/session", public, s.signOut},

		{"GET", "/api/v1/practitioners/{rpps}", signedIn, s.practitioner},
		{"GET", "/api/v1/practitioners/{rpps}/requests", signedIn, s.practitionerRequests},
		{"GET", "/api/v1/practitioners/{rpps}/attestation", signedIn, s.attestation},

		{"POST", "/api/v1/requests", signedIn, s.startRequest},
		{"GET", "/api/v1/requests/{id}", signedIn, s.getRequest},
		{"PUT", "/api/v1/requests/{id}/draft", signedIn, s.saveDraft},
		{"DELETE", "/api/v1/requests/{id}", signedIn, s.deleteRequest},
		{"POST", "/api/v1/requests/{id}/transmit", signedIn, s.transmit},
		{"POST", "/api/v1/requests/{id}/withdraw", signedIn, s.withdraw},
		{"POST", "/api/v1/requests/{id}/approvals", signedIn, s.approve},

		{"GET", "/api/v1/queue", signedIn, s.queue},
		{"GET", "/api/v1/cases/{id}", signedIn, s.caseOf},
		{"POST", "/api/v1/requests/{id}/decisions", signedIn, s.decide},

		{"POST", "/api/v1/mandates", signedIn, s.grantMandate},
		{"GET", "/api/v1/mandates", signedIn, s.listMandates},
		{"DELETE", "/api/v1/mandates/{id}", signedIn, s.revokeMandate},

		{"POST", "/api/v1/sync/push", signedIn, s.syncPush},
		{"GET", "/api/v1/sync/pull", signedIn, s.syncPull},
		{"GET", "/api/v1/sync/snapshot", signedIn, s.syncSnapshot},
		{"GET", "/api/v1/sync/wait", signedIn, s.syncWait},

		{"GET", "/api/v1/ecps/time", public, s.ecpsTime},
		{"POST", "/api/v1/ecps/identifier", public, s.ecpsIdentifier},
		{"POST", "/api/v1/ecps/activation/lookup", public, s.ecpsLookup},
		{"POST", "/api/v1/ecps/activation/send", public, s.ecpsSend},
		{"POST", "/api/v1/ecps/activation/confirm", public, s.ecpsConfirm},
		{"POST", "/api/v1/ecps/device/challenge", public, s.ecpsChallenge},
		{"POST", "/api/v1/ecps/device/pending", public, s.ecpsPending},
		{"POST", "/api/v1/ecps/device/answer", public, s.ecpsAnswer},
		{"POST", "/api/v1/ecps/login", public, s.ecpsStartLogin},
		{"GET", "/api/v1/ecps/login/{id}", public, s.ecpsLoginStatus},
		{"DELETE", "/api/v1/ecps/login/{id}", public, s.ecpsCancelLogin},
		{"POST", "/api/v1/ecps/approvals", signedIn, s.ecpsStartApproval},
		{"GET", "/api/v1/ecps/approvals/{id}", signedIn, s.ecpsApprovalStatus},
		{"GET", "/api/v1/ecps/companion.svg", public, s.companionQR},
		{"GET", "/api/v1/franceconnect/login", public, s.franceConnectLogin},
		{"GET", "/api/v1/franceconnect/callback", public, s.franceConnectCallback},
		{"DELETE", "/api/v1/franceconnect/session", public, s.franceConnectSignOut},
		{"GET", "/api/v1/registration", public, s.registrationStatus},
		{"POST", "/api/v1/registration", public, s.submitRegistration},
		{"GET", "/api/v1/registrations", signedIn, s.registrations},
		{"GET", "/api/v1/registrations/{id}", signedIn, s.registration},
		{"POST", "/api/v1/registrations/{id}/decisions", signedIn, s.decideRegistration},

		{"GET", "/api/v1/reference", public, s.reference},
		{"GET", "/api/v1/keys", public, s.keys},
		{"GET", "/api/v1/openapi.json", public, s.openAPI},
		{"GET", "/healthz", public, s.healthz},
		{"GET", "/readyz", public, s.readyz},
	}
}

// caller is who calls a signed-in route.
type caller struct {
	account *erpps.Account
	session *erpps.Session
	cookie  bool // the token came from the cookie (a browser)
}

// actor is who acts when the caller acts.
func (c *caller) actor() erpps.Actor { return c.account.Actor() }

// endpoint wraps a route: the session when it needs one, the error reply.
func (s *Server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var c *caller
		if rt.access == signedIn {
			var err error
			if c, err = s.authenticate(r); err != nil {
				s.writeError(w, r, err)
				return
			}
			if c.cookie && r.Method != http.MethodGet && !sameOrigin(r) {
				s.writeError(w, r, erpps.Errorf(erpps.EFORBIDDEN, "Requête d'un autre site refusée."))
				return
			}
		}
		if err := rt.h(w, r, c); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// sameOrigin refuses a browser's request sent by a page of another site
// (the SameSite=Strict cookie already keeps it out; this is a second lock).
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	return origin == "" || strings.TrimPrefix(strings.TrimPrefix(origin, "https://"), "http://") == r.Host
}
