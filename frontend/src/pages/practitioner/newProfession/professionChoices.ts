import type { ReferenceCode } from "../../../api";

// Which professions the form offers: Go decides which may be added
// (PractitionerView.addableProfessions: active, not held, registered by the
// ARS); this only turns them into options.

export interface ProfessionChoice {
    value: string;
    label: string;
}

/**
 * offeredProfessions turns the professions Go offers into options, in Go's
 * order. A chosen code that is no longer offered (held since, or retired)
 * stays listed so the select shows it, with the Go side's error beside it.
 */
export function offeredProfessions(addable: readonly ReferenceCode[] | null, chosen: string, labelOf: (code: string) => string): ProfessionChoice[] {
    const out = (addable ?? []).map(c => ({ value: c.code, label: c.label }));
    if (chosen !== "" && !out.some(c => c.value === chosen)) {
        out.push({ value: chosen, label: labelOf(chosen) });
    }
    return out;
}
