// The identifier typed on the connection pages: the IDNPS, "8" followed by
// the 11-digit RPPS number. People type it with or without the "8", with
// spaces or dots; we keep the digits, add the "8" when it is missing, check
// the RPPS number's Luhn key (on its 11 digits, never on the 12-digit IDNPS)
// and say which identifier was understood.

/** luhnValid checks a string of digits whose last digit is a Luhn key. */
export function luhnValid(digits: string): boolean {
    if (!/^\d+$/.test(digits)) {
        return false;
    }
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let d = digits.charCodeAt(digits.length - 1 - i) - 48;
        if (i % 2 === 1) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
    }
    return sum % 10 === 0;
}

/** formatIDNPS shows an IDNPS as « 8 10001234567 »: the type prefix apart from the RPPS number. */
export function formatIDNPS(idnps: string): string {
    return idnps.length === 12 ? `${idnps.slice(0, 1)} ${idnps.slice(1)}` : idnps;
}

export type Identifier =
    | {
          ok: true;
          /** "8" + RPPS, 12 digits: what the server expects. */
          idnps: string;
          rpps: string;
          /** The "8" was added by us (the number was typed without it). */
          prefixAdded: boolean;
          /** « Identifiant compris : 8 10001234567 », and how it was read. */
          message: string;
      }
    | { ok: false; empty: boolean; message: string };

const SEPARATORS = /[\s.\-_/]/g;

/**
 * normaliseIdentifier reads what was typed in « Votre identifiant RPPS ».
 * Accepted: the 11-digit RPPS number, or the 12-digit IDNPS "8" + RPPS.
 */
export function normaliseIdentifier(typed: string): Identifier {
    const raw = typed.replace(SEPARATORS, "");
    if (raw === "") {
        return { ok: false, empty: true, message: "Indiquez votre identifiant : votre numéro RPPS avec un « 8 » devant." };
    }
    if (!/^\d+$/.test(raw)) {
        return { ok: false, empty: false, message: "Votre identifiant ne contient que des chiffres : votre numéro RPPS (11 chiffres) avec un « 8 » devant." };
    }
    let rpps: string;
    let prefixAdded: boolean;
    if (raw.length === 11) {
        rpps = raw;
        prefixAdded = true;
    } else if (raw.length === 12 && raw.startsWith("8")) {
        rpps = raw.slice(1);
        prefixAdded = false;
    } else if (raw.length === 12) {
        return {
            ok: false,
            empty: false,
            message: `Un identifiant à 12 chiffres commence par « 8 » (le type RPPS), celui-ci commence par « ${raw.charAt(0)} ». Saisissez « 8 » suivi de vos 11 chiffres RPPS.`
        };
    } else if (raw.length === 10 && raw.startsWith("0")) {
        return {
            ok: false,
            empty: false,
            message: "Ceci ressemble à un identifiant ADELI (« 0 » suivi de 9 chiffres). La connexion e-CPS se fait avec votre numéro RPPS : retrouvez-le sur l'Annuaire Santé."
        };
    } else {
        const plural = raw.length > 1 ? "s" : "";
        return {
            ok: false,
            empty: false,
            message: `Votre identifiant compte 12 chiffres : un « 8 » suivi de vos 11 chiffres RPPS. Vous avez saisi ${raw.length} chiffre${plural}.`
        };
    }
    if (!luhnValid(rpps)) {
        return {
            ok: false,
            empty: false,
            message: `Le numéro RPPS ${rpps} n'existe pas : son dernier chiffre (la clé) ne correspond pas. Vérifiez-le sur l'Annuaire Santé ou votre carte CPS.`
        };
    }
    const idnps = `8${rpps}`;
    const how = prefixAdded
        ? `vous avez saisi votre numéro RPPS, le « 8 » a été ajouté devant.`
        : `« 8 » suivi de votre numéro RPPS ${rpps}.`;
    return { ok: true, idnps, rpps, prefixAdded, message: `Identifiant compris : ${formatIDNPS(idnps)} (${how})` };
}
