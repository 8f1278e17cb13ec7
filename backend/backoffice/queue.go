package backoffice

import (
	"context"
	"time"

	"erpps/backend/erpps"
)

// QueueQuery is what an agent filters the queue by.
type QueueQuery struct {
	Status     erpps.RequestStatus `json:"status,omitempty"`     // "" = every request waiting for the ARS
	Department string              `json:"department,omitempty"` // "" = the whole region
	Kind       erpps.RequestKind   `json:"kind,omitempty"`
	MinAgeDays int                 `json:"minAgeDays,omitempty"` // transmitted at least that many days ago
	Page       int                 `json:"page,omitempty"`       // 1-based, default 1
	PageSize   int                 `json:"pageSize,omitempty"`   // 1..100, default 20
}

// Paging limits.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	maxPage         = 100000
	maxAgeDays      = 3660
)

// Queue returns a page of the requests of the agent's region, oldest
// transmission first. A département outside the region is refused, never
// listed.
func (s *Service) Queue(ctx context.Context, agent *erpps.Account, q QueueQuery) (*erpps.QueuePage, error) {
	reg, err := s.regionOf(agent)
	if err != nil {
		return nil, err
	}
	filter, err := s.filterOf(reg, q)
	if err != nil {
		return nil, err
	}
	page, err := s.Store.ListQueue(ctx, filter)
	if err != nil {
		return nil, err
	}
	if page.Items == nil {
		page.Items = []erpps.QueueItem{}
	}
	return page, nil
}

// filterOf checks q and turns it into the store's filter, limited to reg.
func (s *Service) filterOf(reg region, q QueueQuery) (erpps.QueueFilter, error) {
	var fields []erpps.FieldError
	bad := func(field, message string) {
		fields = append(fields, erpps.FieldError{Field: field, Code: erpps.EINVALID, Message: message})
	}
	f := erpps.QueueFilter{Departments: reg.departments, Kind: q.Kind}
	if q.Department != "" {
		d, err := s.Catalog.Department(q.Department)
		if err != nil || !reg.in[d.Code] {
			bad("department", "Choisissez un département de votre région.")
		} else {
			f.Departments = []string{d.Code}
		}
	}
	if q.Status != "" {
		if !q.Status.Valid() || q.Status == erpps.StatusDraft {
			bad("status", "Statut inconnu.")
		} else {
			f.Statuses = []erpps.RequestStatus{q.Status}
		}
	}
	if q.Kind != "" && !q.Kind.Valid() {
		bad("kind", "Type de demande inconnu.")
	}
	switch {
	case q.MinAgeDays < 0 || q.MinAgeDays > maxAgeDays:
		bad("minAgeDays", "L'ancienneté doit être un nombre de jours entre 0 et 3660.")
	case q.MinAgeDays > 0:
		before := s.Now().Add(-time.Duration(q.MinAgeDays) * 24 * time.Hour)
		f.TransmittedBefore = &before
	}
	page, size := q.Page, q.PageSize
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = DefaultPageSize
	}
	if page < 1 || page > maxPage {
		bad("page", "Numéro de page invalide.")
	}
	if size < 1 || size > MaxPageSize {
		bad("pageSize", "Une page compte de 1 à 100 demandes.")
	}
	if len(fields) > 0 {
		return erpps.QueueFilter{}, erpps.Invalid("Les filtres de la file sont invalides.", fields...)
	}
	f.Offset, f.Limit = (page-1)*size, size
	return f, nil
}
