import type { NewActivityPayload, Structure, StructureLookupBy } from "../../../api";
import type { FieldErrors } from "../../../forms";

// The new activity's form without React: its steps, which step holds which
// field, the answers of the "moved cabinet" step, the sector filter, dates.

export type StepNumber = 1 | 2 | 3 | 4;

export const STEP_COUNT = 4;

export interface StepInfo {
    number: StepNumber;
    title: string;
    /** The payload's fields shown on this step (a field and everything under it). */
    fields: readonly string[];
}

export const STEPS: readonly StepInfo[] = [
    { number: 1, title: "Structure", fields: ["professionCode", "lookupBy", "structure"] },
    { number: 2, title: "Exercice", fields: ["modeCode", "sectorCode", "functionCode", "genreCode", "startDate"] },
    { number: 3, title: "Déménagement ?", fields: ["replacesActivityId", "keepsOtherActivities"] },
    { number: 4, title: "Vérification et transmission", fields: [] }
];

/** Each field's label by JSON path, in the form's order (the error summary's order and links). */
export const LABELS: Readonly<Record<string, string>> = {
    professionCode: "Profession exercée",
    lookupBy: "Identification de la structure",
    "structure.siret": "Numéro SIRET",
    "structure.finess": "Numéro FINESS",
    structure: "Structure",
    "structure.companyName": "Raison sociale",
    "structure.tradeName": "Enseigne",
    "structure.address.number": "Numéro de voie",
    "structure.address.street": "Voie",
    "structure.address.complement": "Complément d'adresse",
    "structure.address.postalCode": "Code postal",
    "structure.address.communeCode": "Code commune",
    "structure.address.city": "Commune",
    modeCode: "Mode d'exercice",
    sectorCode: "Secteur d'activité",
    functionCode: "Fonction",
    genreCode: "Genre d'activité",
    startDate: "Date de début d'activité",
    replacesActivityId: "Activité remplacée",
    keepsOtherActivities: "Lieu supplémentaire"
};

const ORDER = Object.keys(LABELS);

function under(path: string, field: string): boolean {
    return path === field || path.startsWith(field + ".");
}

/** parseStep reads the ?etape= parameter: 1 when missing or out of range. */
export function parseStep(raw: string | null): StepNumber {
    const n = Number(raw);
    return n === 2 || n === 3 || n === 4 ? n : 1;
}

/** stepOf tells which step shows a field (a field no step names is shown on the first). */
export function stepOf(path: string): StepNumber {
    return STEPS.find(s => s.fields.some(f => under(path, f)))?.number ?? 1;
}

export interface StepError {
    field: string;
    label: string;
    message: string;
}

function rank(field: string): number {
    let best = -1;
    ORDER.forEach((o, i) => {
        if (under(field, o) && (best === -1 || o.length > (ORDER[best] ?? "").length)) {
            best = i;
        }
    });
    return best === -1 ? ORDER.length : best;
}

/** errorsOfStep lists a step's errors in the form's order, each with its field's label. */
export function errorsOfStep(errors: FieldErrors, step: StepNumber): StepError[] {
    return Object.entries(errors)
        .filter(([field]) => stepOf(field) === step)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([field, message]) => ({ field, label: LABELS[field] ?? field, message }));
}

/** The answer of the third step: an activity it replaces, an additional place, or no answer yet. */
export const ADDITIONAL_PLACE = "none";

export function moveChoice(p: Pick<NewActivityPayload, "replacesActivityId" | "keepsOtherActivities">): string {
    if (p.replacesActivityId !== undefined && p.replacesActivityId !== "") {
        return p.replacesActivityId;
    }
    return p.keepsOtherActivities === true ? ADDITIONAL_PLACE : "";
}

/** movePatch is what choosing an answer of the third step sets. */
export function movePatch(choice: string): Pick<NewActivityPayload, "replacesActivityId" | "keepsOtherActivities"> {
    if (choice === ADDITIONAL_PLACE) {
        return { replacesActivityId: "", keepsOtherActivities: true };
    }
    return { replacesActivityId: choice, keepsOtherActivities: false };
}

export type LookupMethod = StructureLookupBy | "manual";

export function lookupMethod(p: Pick<NewActivityPayload, "lookupBy">): LookupMethod {
    return p.lookupBy === "finess" || p.lookupBy === "manual" ? p.lookupBy : "siret";
}

/** The numbers a method leaves aside, put back when the user comes back to it. */
export interface StashedNumbers {
    siret?: string;
    finess?: string;
}

/**
 * switchLookup changes how the structure is identified: the number of the
 * method left is cleared (it is no longer shown, so an error on it could not
 * be corrected) and stashed; a manual entry keeps the name and address but no
 * number.
 */
export function switchLookup(structure: Structure, to: LookupMethod, stash: StashedNumbers): { structure: Structure; stash: StashedNumbers } {
    const next: Structure = { ...structure };
    const kept: StashedNumbers = { ...stash };
    if (to !== "siret" && (structure.siret ?? "") !== "") {
        kept.siret = structure.siret;
        next.siret = "";
        next.siren = "";
    }
    if (to !== "finess" && (structure.finess ?? "") !== "") {
        kept.finess = structure.finess;
        next.finess = "";
        next.finessEJ = "";
    }
    if (to === "siret" && (next.siret ?? "") === "" && kept.siret !== undefined) {
        next.siret = kept.siret;
        delete kept.siret;
    }
    if (to === "finess" && (next.finess ?? "") === "" && kept.finess !== undefined) {
        next.finess = kept.finess;
        delete kept.finess;
    }
    return { structure: next, stash: kept };
}

/**
 * cleanStructure is where a new lookup starts: only the number looked up,
 * nothing of a structure found (or typed) before — its name, address and
 * the errors about it would otherwise stay beside a number they are not about.
 */
export function cleanStructure(method: StructureLookupBy, number: string): Structure {
    return { [method]: number, companyName: "", address: { postalCode: "", city: "" }, department: "" };
}

/** sameNumber compares two SIRET or FINESS as typed (spaces and case aside). */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
    const clean = (s: string | undefined) => (s ?? "").replace(/[\s.-]/g, "").toUpperCase();
    return clean(a) === clean(b);
}

/** fold lowers case and drops accents, for matching what is typed in a filter. */
export function fold(s: string): string {
    return s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** filterCodes keeps the codes whose label or code contain every word typed; the chosen one always stays. */
export function filterCodes<T extends { code: string; label: string }>(codes: readonly T[], query: string, chosen: string): T[] {
    const words = fold(query).split(/\s+/).filter(w => w !== "");
    if (words.length === 0) {
        return [...codes];
    }
    return codes.filter(c => c.code === chosen || words.every(w => fold(`${c.code} ${c.label}`).includes(w)));
}

/** A postal address's street parts. */
export interface StreetParts {
    streetType?: string;
    street?: string;
}

/**
 * mergedStreet puts the street type into the street, once ("rue" + "rue
 * Pasteur" gives "rue Pasteur"; "rue" + "Pasteur" gives "rue Pasteur"): the
 * form has one field for both.
 */
export function mergedStreet(a: StreetParts): string {
    const type = (a.streetType ?? "").trim();
    const street = (a.street ?? "").trim();
    if (type === "" || fold(street).startsWith(fold(type) + " ") || fold(street) === fold(type)) {
        return street;
    }
    return street === "" ? type : `${type} ${street}`;
}
