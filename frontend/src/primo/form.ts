import type { ApiError } from "../api";
import type { Identity, RegistrationForm, RegistrationState } from "../api/registration";

// The primo-registration form's logic, without React: the draft, what is
// sent, where the server's field errors go (the checks are the server's
// alone: backend/primo tells every wrong field at once), and which screen the
// person's state calls for.

export interface Draft {
    professionCode: string;
    diplomaTitle: string;
    diplomaInstitution: string;
    diplomaDate: string;
    department: string;
    email: string;
    phone: string;
    noRpps: boolean;
}

/** Field names: the server's (its FieldError.field), so that its errors land on the same fields. */
export type Field = "professionCode" | "diploma.title" | "diploma.institution" | "diploma.date" | "department" | "email" | "phone" | "noRpps";

export type Errors = Partial<Record<Field, string>>;

/** FIELD_OF is the field (the server's name) of each part of the draft. */
const FIELD_OF: Record<keyof Draft, Field> = {
    professionCode: "professionCode",
    diplomaTitle: "diploma.title",
    diplomaInstitution: "diploma.institution",
    diplomaDate: "diploma.date",
    department: "department",
    email: "email",
    phone: "phone",
    noRpps: "noRpps"
};

/** withoutError drops the error of the field the person just changed (the others stay until the next sending). */
export function withoutError(errors: Errors, key: keyof Draft): Errors {
    const field = FIELD_OF[key];
    if (errors[field] === undefined) {
        return errors;
    }
    return Object.fromEntries(Object.entries(errors).filter(([f]) => f !== field));
}

/** initialDraft starts the form, the e-mail taken from FranceConnect. */
export function initialDraft(identity: Identity): Draft {
    return { professionCode: "", diplomaTitle: "", diplomaInstitution: "", diplomaDate: "", department: "", email: identity.email ?? "", phone: "", noRpps: false };
}

/** toWire is what POST /api/v1/registration reads. */
export function toWire(d: Draft): RegistrationForm {
    return {
        professionCode: d.professionCode,
        diploma: { title: d.diplomaTitle.trim(), institution: d.diplomaInstitution.trim(), date: d.diplomaDate.trim() },
        department: d.department,
        email: d.email.trim(),
        phone: d.phone.trim(),
        noRpps: d.noRpps
    };
}

const FIELDS: readonly Field[] = ["professionCode", "diploma.title", "diploma.institution", "diploma.date", "department", "email", "phone", "noRpps"];

/** serverErrors puts the server's field errors on the form's fields. */
export function serverErrors(err: ApiError): Errors {
    const e: Errors = {};
    for (const f of err.fields) {
        if ((FIELDS as readonly string[]).includes(f.field)) {
            e[f.field as Field] = f.message;
        }
    }
    return e;
}

export type Screen = "form" | "submitted" | "accepted";

/** screenOf says what the person sees: the form (none yet, or refused or withdrawn: a new one is possible), the wait, or the number. */
export function screenOf(s: RegistrationState): Screen {
    switch (s.registration?.status) {
        case "submitted":
            return "submitted";
        case "accepted":
            return "accepted";
        default:
            return "form";
    }
}

/** idnps is the identifier typed at Pro Santé Connect: « 8 » then the RPPS number. */
export function idnps(rpps: string): string {
    return `8${rpps}`;
}

/** pageError explains /inscription?erreur=… (the server's redirect after a failed FranceConnect sign-in). */
export function pageError(code: string | null): string | undefined {
    switch (code) {
        case null:
        case "":
            return undefined;
        case "annulee":
            return "Vous avez annulé l'identification FranceConnect.";
        case "indisponible":
            return "L'identification FranceConnect n'est pas disponible pour le moment. Réessayez plus tard ; si le problème persiste, contactez votre ARS.";
        default:
            return "L'identification FranceConnect n'a pas abouti. Recommencez.";
    }
}

/** genderLabel is FranceConnect's gender in French. */
export function genderLabel(g: string): string {
    return g === "female" ? "Femme" : g === "male" ? "Homme" : g;
}
