// Display helpers, in French: dates, phone numbers, addresses, names.

import type { Address } from "./api";

const MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre"
] as const;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayText(year: number, month: number, day: number): string {
    const monthName = MONTHS[month - 1];
    if (monthName === undefined || day < 1 || day > 31) {
        return "";
    }
    return `${day === 1 ? "1er" : String(day)} ${monthName} ${year}`;
}

/**
 * formatDate writes a calendar day ("2026-11-27") or an RFC 3339 instant the
 * French way: "27 novembre 2026", "1er mars 2025". An instant is shown in the
 * local time zone. Empty or unreadable input gives "".
 */
export function formatDate(value: string | undefined | null): string {
    if (value === undefined || value === null || value === "") {
        return "";
    }
    const m = DAY_RE.exec(value);
    if (m !== null) {
        return dayText(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) {
        return "";
    }
    return dayText(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** formatDateTime writes an instant as "27 novembre 2026 à 14 h 05" (local time). */
export function formatDateTime(value: string | undefined | null): string {
    if (value === undefined || value === null || value === "") {
        return "";
    }
    const d = new Date(value);
    if (Number.isNaN(d.getTime()) || DAY_RE.test(value)) {
        return formatDate(value);
    }
    const hh = String(d.getHours()).padStart(2, "0");
    const mm = String(d.getMinutes()).padStart(2, "0");
    return `${formatDate(value)} à ${hh} h ${mm}`;
}

/** isoDay returns the local calendar day of an instant as YYYY-MM-DD. */
export function isoDay(d: Date): string {
    const y = String(d.getFullYear()).padStart(4, "0");
    const m = String(d.getMonth() + 1).padStart(2, "0");
    const day = String(d.getDate()).padStart(2, "0");
    return `${y}-${m}-${day}`;
}

// Country codes whose numbers are written in France with a leading 0 and
// pairs of digits: metropolitan France and the overseas départements.
const NATIONAL_FORMAT_PREFIXES = ["+33", "+262", "+590", "+594", "+596"];

function pairs(digits: string): string {
    return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/**
 * formatPhone shows an E.164 number as French people write it:
 * "+33612345678" → "06 12 34 56 78", "+262692123456" → "06 92 12 34 56".
 * Other numbers keep their international form, with a space after the
 * country code when it can be told; anything else is returned as it is.
 */
export function formatPhone(e164: string | undefined | null): string {
    if (e164 === undefined || e164 === null) {
        return "";
    }
    const value = e164.replace(/[\s.-]/g, "");
    if (/^0\d{9}$/.test(value)) {
        return pairs(value);
    }
    for (const prefix of NATIONAL_FORMAT_PREFIXES) {
        if (value.startsWith(prefix)) {
            const rest = value.slice(prefix.length);
            if (/^\d{9}$/.test(rest)) {
                return pairs("0" + rest);
            }
        }
    }
    return e164.trim();
}

/** A postal address as Go sends it (erpps.Address). */
export type AddressLike = Address;

function joinWords(...words: (string | undefined)[]): string {
    return words
        .map(w => (w ?? "").trim())
        .filter(w => w !== "")
        .join(" ");
}

/** addressLines writes a postal address as its lines, La Poste order, empty lines left out. */
export function addressLines(a: AddressLike | undefined | null): string[] {
    if (a === undefined || a === null) {
        return [];
    }
    const numberPart = joinWords(a.number, a.repetition);
    // The register splits the type of street ("rue") from its name; a street
    // typed on one line already holds it.
    const type = a.streetType ?? "";
    const streetType = type !== "" && (a.street ?? "").toLowerCase().startsWith(type.toLowerCase() + " ") ? undefined : type;
    const lines = [
        joinWords(a.recipient),
        joinWords(a.complement),
        joinWords(numberPart, streetType, a.street),
        joinWords(a.distribution),
        joinWords(a.postalCode, a.city, a.cedex === undefined || a.cedex === "" ? undefined : `CEDEX ${a.cedex}`),
        a.country !== undefined && a.country !== "" && a.country.toUpperCase() !== "FRANCE" ? a.country : ""
    ];
    return lines.filter(l => l !== "");
}

/** formatSIRET spaces a 14-digit SIRET for reading: "732 829 320 00074". */
export function formatSIRET(siret: string | undefined): string {
    if (siret === undefined) {
        return "";
    }
    if (/^\d{14}$/.test(siret)) {
        return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    }
    return siret;
}

/** plural picks the singular or plural form after a count: plural(2, "demande", "demandes"). */
export function plural(count: number, one: string, many: string): string {
    return `${count} ${count > 1 ? many : one}`;
}
