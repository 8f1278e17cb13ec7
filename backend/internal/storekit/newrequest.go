package storekit

import "erpps/backend/erpps"

// PrepareNewRequest checks r for creation (erpps.Request.CheckNew) and
// completes it as both stores store it: an empty payload becomes {}, which
// must then be a valid payload, and an empty ID a random UUID. Errors other
// than an *erpps.Error are the drawing of the id's.
func PrepareNewRequest(r *erpps.Request) error {
	if err := r.CheckNew(); err != nil {
		return err
	}
	if len(r.Payload) == 0 {
		r.Payload = []byte("{}")
	}
	if err := erpps.CheckPayload(r.Payload); err != nil {
		return err
	}
	// A new request starts at revision 1, or 2 when it was created with
	// content already saved (a desktop's draft arriving through the sync):
	// it is not an untouched draft.
	if r.Revision != 2 {
		r.Revision = 1
	}
	if r.ID == "" {
		id, err := NewID()
		if err != nil {
			return err
		}
		r.ID = id
	}
	return nil
}
