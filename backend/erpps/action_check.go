package erpps

// notPrincipals is the error of an action on a request of another record.
func notPrincipals() *Error {
	return Errorf(EFORBIDDEN, "Cette demande ne relève pas de ce dossier.")
}

// CheckPlannedOn rejects an action (transmission, withdrawal) planned at
// baseRevision on principal's record, on the request as a store read it
// (its owner rpps and revision): EFORBIDDEN when it is not principal's,
// ECONFLICT (StaleDraft) when it moved since.
func CheckPlannedOn(rpps string, revision int64, principal string, baseRevision int64) error {
	if rpps != principal {
		return notPrincipals()
	}
	if revision != baseRevision {
		return StaleDraft()
	}
	return nil
}

// WhyNotSaved explains why a save of a draft at baseRevision did not change
// the request, read as it is (status and revision): ECONFLICT when it may no
// longer be changed or moved since; nil when neither explains it.
func WhyNotSaved(status RequestStatus, revision, baseRevision int64) error {
	if !status.Editable() {
		return Errorf(ECONFLICT, "Cette demande est « %s » : elle ne peut plus être modifiée.", status.Label())
	}
	if revision != baseRevision {
		return StaleDraft()
	}
	return nil
}
