import type { ApiError } from "../api";
import type { Identity, RegistrationForm, RegistrationState } from "../api/registration";

// The primo-registration form's logic, without React: the draft, the checks
// the server also makes (told before sending), what is sent, and which
// screen the person's state calls for.

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(s: string): boolean {
    if (!DATE.test(s)) {
        return false;
    }
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** validate tells what is wrong before sending; today and the birth date are YYYY-MM-DD. */
export function validate(d: Draft, today: string, birthDate: string): Errors {
    const e: Errors = {};
    if (!d.noRpps) {
        e.noRpps = "Cochez cette case : FranceConnect sert uniquement au primo enregistrement. Si vous avez déjà un numéro RPPS, connectez-vous avec Pro Santé Connect.";
    }
    if (d.professionCode === "") {
        e.professionCode = "Choisissez votre profession.";
    }
    const text = (field: Field, value: string, missing: string) => {
        const v = value.trim();
        if (v === "") {
            e[field] = missing;
        } else if (Array.from(v).length > 200) {
            e[field] = "200 caractères au plus.";
        }
    };
    text("diploma.title", d.diplomaTitle, "Indiquez l'intitulé de votre diplôme.");
    text("diploma.institution", d.diplomaInstitution, "Indiquez l'établissement ou le lieu de délivrance du diplôme.");
    const date = d.diplomaDate.trim();
    if (date === "") {
        e["diploma.date"] = "Indiquez la date d'obtention du diplôme.";
    } else if (!isDate(date)) {
        e["diploma.date"] = "Date attendue au format AAAA-MM-JJ.";
    } else if (date > today) {
        e["diploma.date"] = "La date d'obtention ne peut pas être dans le futur.";
    } else if (date <= birthDate) {
        e["diploma.date"] = "La date d'obtention est antérieure à votre date de naissance.";
    }
    if (d.department === "") {
        e.department = "Choisissez le département où vous exercerez : il désigne l'ARS qui examinera votre demande.";
    }
    if (!EMAIL.test(d.email.trim())) {
        e.email = "Indiquez une adresse électronique valide (exemple : nom@domaine.fr).";
    }
    return e;
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
