// The desktop hands an activation code to the phone companion with a link (a
// QR code): /mobile#identifiant=8…&code=123456. The fragment never reaches
// the server (nor its logs).

export interface Prefill {
    /** The identifier as the link gives it (digits, spaces, dots), for the form to read like a typed one. */
    identifier?: string;
    /** The 6-digit activation code, when the link holds one. */
    code?: string;
    /** The channel the code came by ("email" unless the link says "sms"). */
    channel?: "email" | "sms";
}

/** parsePrefill reads location.hash ("#identifiant=…&code=…", in any order; "#/…" and "?" tolerated). */
export function parsePrefill(hash: string): Prefill {
    const params = new URLSearchParams(hash.replace(/^#\/?\??/, ""));
    const out: Prefill = {};
    const typed = params.get("identifiant");
    if (typed !== null && /^[\d .]{1,20}$/.test(typed.trim())) {
        out.identifier = typed.trim();
    }
    const code = params.get("code")?.replace(/\s/g, "");
    if (code !== undefined && /^\d{6}$/.test(code)) {
        out.code = code;
        out.channel = params.get("canal") === "sms" ? "sms" : "email";
    }
    return out;
}
