import type { FieldError } from "../api";
import { isUnder } from "./paths";

// The errors shown beside the fields: those of the latest validation (each
// autosave returns one), and those of a refused transmission (which also name
// the required fields left empty) until the user changes the field.

/** FieldErrors maps a payload path to its French message. */
export type FieldErrors = Readonly<Record<string, string>>;

export const NO_ERRORS: FieldErrors = {};

/** toFieldErrors keeps the first message of each field. */
export function toFieldErrors(fields: readonly FieldError[] | null | undefined): FieldErrors {
    const out: Record<string, string> = {};
    for (const f of fields ?? []) {
        if (f.field !== "" && !(f.field in out)) {
            out[f.field] = f.message;
        }
    }
    return out;
}

/** withoutField drops the errors of a field and of the fields inside it. */
export function withoutField(errors: FieldErrors, field: string): FieldErrors {
    const keys = Object.keys(errors);
    if (!keys.some(k => isUnder(k, field) || isUnder(field, k))) {
        return errors;
    }
    const out: Record<string, string> = {};
    for (const k of keys) {
        const message = errors[k];
        if (message !== undefined && !isUnder(k, field) && !isUnder(field, k)) {
            out[k] = message;
        }
    }
    return out;
}

/** mergeErrors: the latest validation wins; a refused transmission adds what it alone reports. */
export function mergeErrors(transmit: FieldErrors, validation: FieldErrors): FieldErrors {
    if (Object.keys(transmit).length === 0) {
        return validation;
    }
    return { ...transmit, ...validation };
}

/** orderedErrors lists the errors in the form's order (fields not in `order` last). */
export function orderedErrors(errors: FieldErrors, order: readonly string[]): { field: string; message: string }[] {
    const rank = (field: string) => {
        const i = order.findIndex(o => isUnder(field, o));
        return i === -1 ? order.length : i;
    };
    return Object.entries(errors)
        .map(([field, message]) => ({ field, message }))
        .sort((a, b) => rank(a.field) - rank(b.field));
}
