// How a professional's name is written in lists and headings.

const CIVILITY_SHORT: Partial<Record<string, string>> = { M: "M.", MME: "Mme" };

/** civilityShort abbreviates a TRE_R81 civilité: "M" → "M.", "MME" → "Mme". */
export function civilityShort(code: string | undefined): string {
    if (code === undefined || code === "") {
        return "";
    }
    return CIVILITY_SHORT[code.toUpperCase()] ?? code;
}

export interface NameParts {
    civility?: string;
    exerciseName?: string;
    birthName?: string;
    firstName?: string;
    exerciseFirstName?: string;
}

/**
 * displayName writes "Mme DUPONT Claire": civilité, nom d'exercice (the birth
 * name when none was chosen, as the Annuaire Santé does), prénom.
 */
export function displayName(p: NameParts): string {
    const name = p.exerciseName !== undefined && p.exerciseName !== "" ? p.exerciseName : (p.birthName ?? "");
    const first = p.exerciseFirstName !== undefined && p.exerciseFirstName !== "" ? p.exerciseFirstName : (p.firstName ?? "");
    return [civilityShort(p.civility), name, first].filter(w => w !== "").join(" ");
}
