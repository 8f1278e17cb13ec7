import type { Address } from "../../../api";
import { addressLines, formatPhone } from "../../../format";

// What the contact form shows back, decided without React: the phone number
// recognised by the Go side (read from its validation, never parsed here),
// the masked coordonnées where e-CPS activation codes go, the street line.

/** The guidance the Go side adds when a valid number cannot receive an SMS. */
export const NOT_MOBILE = "not_mobile";

export type PhoneCheck =
    | { kind: "empty" }
    /** Typed, not validated yet (the autosave is pending) or refused. */
    | { kind: "unknown" }
    | { kind: "valid"; national: string; mobile: boolean };

export interface PhoneCheckInput {
    /** What the field shows. */
    typed: string;
    /** The phone of the payload the latest validation checked. */
    validated: string;
    /** The error beside the field, if any. */
    error: string | undefined;
    /** The codes of the latest validation's guidance. */
    guidance: readonly string[];
}

/**
 * phoneCheck reads the latest validation: a number that was validated as it
 * is typed now and has no error is valid; it is a mobile unless the Go side
 * warned it is not.
 */
export function phoneCheck({ typed, validated, error, guidance }: PhoneCheckInput): PhoneCheck {
    if (typed.trim() === "") {
        return { kind: "empty" };
    }
    if (typed !== validated || (error !== undefined && error !== "")) {
        return { kind: "unknown" };
    }
    return { kind: "valid", national: nationalDisplay(typed), mobile: !guidance.includes(NOT_MOBILE) };
}

/**
 * nationalDisplay writes a number the Go side accepted the way French people
 * write it ("0033 6 12 34 56 78" → "06 12 34 56 78"): separators dropped, the
 * international prefix 00 read as +, then formatPhone. Anything it cannot
 * write so stays as typed.
 */
export function nationalDisplay(typed: string): string {
    const compact = typed.replace(/[\s.\-/()]/g, "").replace(/^00/, "+");
    const shown = formatPhone(compact);
    return shown === compact && !/^0\d{9}$/.test(compact) ? typed.trim() : shown;
}

/** phoneRecognised is the line shown under a valid number. */
export function phoneRecognised(check: PhoneCheck): string {
    if (check.kind !== "valid") {
        return "";
    }
    return `Numéro reconnu : ${check.national} (${check.mobile ? "portable" : "pas un portable"})`;
}

/**
 * maskEmail hides an e-mail address the way the e-CPS activation screen does:
 * "claire.martin@gmail.com" → "c...n@gmail.com".
 */
export function maskEmail(email: string): string {
    const at = email.lastIndexOf("@");
    if (at <= 0) {
        return "";
    }
    const local = email.slice(0, at);
    const first = local.slice(0, 1);
    const last = local.length > 2 ? local.slice(-1) : "";
    return `${first}...${last}${email.slice(at)}`;
}

/**
 * maskPhone keeps the first pair and the last two digits of a number written
 * nationally: "06 12 34 56 78" → "06 •• •• •• 78".
 */
export function maskPhone(national: string): string {
    const digits = national.replace(/\D/g, "");
    if (digits.length < 4) {
        return "";
    }
    if (/^0\d{9}$/.test(digits)) {
        return `${digits.slice(0, 2)} •• •• •• ${digits.slice(8)}`;
    }
    return `${"•".repeat(digits.length - 2)}${digits.slice(-2)}`;
}

function words(...parts: (string | undefined)[]): string {
    return parts
        .map(p => (p ?? "").trim())
        .filter(p => p !== "")
        .join(" ");
}

/**
 * streetLine is the "numéro et voie" line of an address: the record may split
 * it (number, repetition, type of street, street) or not; the type of street
 * is not repeated when the street's name already starts with it.
 */
export function streetLine(a: Address): string {
    const street = (a.street ?? "").trim();
    const type = (a.streetType ?? "").trim();
    const typeShown = type !== "" && street.toLocaleLowerCase("fr-FR").startsWith(type.toLocaleLowerCase("fr-FR") + " ") ? "" : type;
    return words(a.number, a.repetition, typeShown, street);
}

/** splitStreet tells whether the record's street line is split over several fields. */
export function splitStreet(a: Address): boolean {
    return [a.number, a.repetition, a.streetType].some(v => v !== undefined && v.trim() !== "");
}

/**
 * streetFieldValue is what the « Numéro et voie » field shows: the record's
 * split street joined once (typing replaces the parts), then exactly what was
 * typed, spaces included. Never trim or join a value being typed: every space
 * typed would vanish (« 12 rue de la Paix » became « 12ruedelaPaix »). The Go
 * side normalises the address when it checks and transmits it.
 */
export function streetFieldValue(a: Address): string {
    return splitStreet(a) ? streetLine(a) : (a.street ?? "");
}

/** postalAddress writes an address on one line, its street line as streetLine does. */
export function postalAddress(a: Address): string {
    return addressLines({ ...a, number: undefined, repetition: undefined, streetType: undefined, street: streetLine(a) }).join(", ");
}
