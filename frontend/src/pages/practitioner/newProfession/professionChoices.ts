import type { Profession, ReferenceCode } from "../../../api";

// Which professions the form offers, decided without React.

export interface ProfessionChoice {
    value: string;
    label: string;
}

/**
 * offeredProfessions lists the professions that may be added: those offered
 * today (TRE_G15 active and TRE_R95, not retired) that the practitioner does
 * not hold yet, sorted by label. A chosen code that is no longer offered
 * (held since, or retired) stays listed so the select shows it, with the Go
 * side's error beside it.
 */
export function offeredProfessions(offered: readonly ReferenceCode[], held: readonly Profession[] | null, chosen: string, labelOf: (code: string) => string): ProfessionChoice[] {
    const heldCodes = new Set((held ?? []).map(p => p.code));
    const out = offered.filter(c => !c.retired && !heldCodes.has(c.code)).map(c => ({ value: c.code, label: c.label }));
    if (chosen !== "" && !out.some(c => c.value === chosen)) {
        out.push({ value: chosen, label: labelOf(chosen) });
    }
    return out.sort((a, b) => a.label.localeCompare(b.label, "fr"));
}
