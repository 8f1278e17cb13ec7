package demo

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
)

// Count is how many records a first start creates.
const Count = 24

// SeedIfEmpty creates the demo records when the store holds none, and returns
// how many it created.
func SeedIfEmpty(ctx context.Context, store erpps.PractitionerService) (int, error) {
	existing, err := store.ListPractitioners(ctx, erpps.PractitionerFilter{Limit: 1})
	if err != nil {
		return 0, fmt.Errorf("demo: unable to list practitioners: %w", err)
	}
	if len(existing) > 0 {
		return 0, nil
	}
	list, err := Generate(Count, Seed)
	if err != nil {
		return 0, err
	}
	for _, p := range list {
		if err := store.SavePractitioner(ctx, p); err != nil {
			return 0, fmt.Errorf("demo: unable to save a practitioner: %w", err)
		}
	}
	return len(list), nil
}
