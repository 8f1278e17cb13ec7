// Dates typed as French people write them (jj/mm/aaaa), whatever the
// system's locale: the browser's <input type="date"> shows and accepts the
// OS locale's order, so the forms use a text field and convert here. The
// payload carries YYYY-MM-DD; a text that is not a day is sent as typed, for
// the Go side to say what is wrong with it beside the field.

const FRENCH_DAY = /^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(y: number, m: number, d: number): boolean {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** parseFrenchDay reads « 30/06/2015 » (or 30-06-2015, 30.06.2015, 1/7/2015) as "2015-06-30"; undefined when it is no day. */
export function parseFrenchDay(typed: string): string | undefined {
    const m = FRENCH_DAY.exec(typed);
    if (m === null) {
        return undefined;
    }
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) {
        return undefined;
    }
    return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** frenchDay writes "2015-06-30" as « 30/06/2015 »; anything else is shown as it is. */
export function frenchDay(value: string): string {
    const m = ISO_DAY.exec(value);
    return m === null ? value : `${m[3] ?? ""}/${m[2] ?? ""}/${m[1] ?? ""}`;
}

/** dayToSave is what a typed date puts in the payload: YYYY-MM-DD when it is a day, else the text as typed. */
export function dayToSave(typed: string): string {
    return parseFrenchDay(typed) ?? typed;
}

/**
 * dayShown is what a date field shows: the text typed while it still means
 * the payload's value (never rewritten while typing), else the payload's
 * value in French.
 */
export function dayShown(typed: string | null, saved: string): string {
    if (typed !== null && dayToSave(typed) === saved) {
        return typed;
    }
    return frenchDay(saved);
}
