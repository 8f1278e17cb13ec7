import { ApiError, type MailboxSignIn, type MailFindingView, type PickupStatus } from "../api";

// The logic of « Boîte aux lettres du cabinet »: where the form's errors go, where the
// pickup stands, the activation codes grouped by practitioner, the decisions'
// wording. Pure functions: the page only draws them.

export type MailboxField = "host" | "port" | "username" | "password";
export type MailboxErrors = Partial<Record<MailboxField, string>>;

/** The form as typed (the port is text until checked). */
export interface MailboxForm {
    host: string;
    port: string;
    username: string;
    password: string;
    folder: string;
}

export const emptyMailboxForm: MailboxForm = { host: "", port: "993", username: "", password: "", folder: "" };

/** mailboxErrorsOf puts ConnectMailbox's field errors on the form's fields (the checks are Go's). */
export function mailboxErrorsOf(e: unknown): MailboxErrors {
    const errors: MailboxErrors = {};
    if (e instanceof ApiError) {
        for (const f of ["host", "port", "username", "password"] as const) {
            const m = e.fieldMessage(f);
            if (m !== undefined) {
                errors[f] = m;
            }
        }
    }
    return errors;
}

/** signInOf is what ConnectMailbox receives from the form: a port that is not a number goes as -1, which Go refuses with its message. */
export function signInOf(f: MailboxForm): MailboxSignIn {
    const port = f.port.trim();
    return { host: f.host.trim(), port: /^\d{1,5}$/.test(port) ? Number(port) : -1, username: f.username.trim(), password: f.password, folder: f.folder.trim() };
}

export type Tone = "success" | "info" | "warning" | "error";

/** pickupDisplay says where the pickup stands. */
export function pickupDisplay(s: PickupStatus, now: Date): { label: string; tone: Tone; detail: string } {
    switch (s.state) {
        case "idle":
            return { label: "Relevée en continu", tone: "success", detail: "Le serveur signale chaque nouveau courriel dès son arrivée." };
        case "polling":
            return { label: "Relevée chaque minute", tone: "success", detail: "Ce serveur ne signale pas les nouveaux courriels : la boîte est relevée chaque minute." };
        case "connecting":
            return { label: "Connexion…", tone: "info", detail: "" };
        case "retrying": {
            const wait = s.retryAt === undefined ? 0 : Math.max(0, Math.round((new Date(s.retryAt).getTime() - now.getTime()) / 1000));
            const when = wait <= 1 ? "Nouvel essai dans un instant." : `Nouvel essai dans ${wait} secondes.`;
            return { label: "Injoignable", tone: "warning", detail: `${s.error ?? "La connexion a échoué."} ${when}` };
        }
        default:
            return { label: "Arrêtée", tone: "info", detail: "" };
    }
}

/** A practitioner with the activation codes received for them, newest first. */
export interface CodesOf {
    rpps: string;
    idnps: string;
    name: string;
    codes: MailFindingView[];
}

/**
 * codesByPractitioner groups the activation codes by practitioner, the
 * practitioner with the newest code first; expired codes stay listed after
 * the valid ones.
 */
export function codesByPractitioner(findings: MailFindingView[]): CodesOf[] {
    const groups = new Map<string, CodesOf>();
    for (const f of findings) {
        if (f.kind !== "activation-code") {
            continue;
        }
        let g = groups.get(f.rpps);
        if (g === undefined) {
            g = { rpps: f.rpps, idnps: f.idnps ?? `8${f.rpps}`, name: f.practitionerName === "" ? `RPPS ${f.rpps}` : f.practitionerName, codes: [] };
            groups.set(f.rpps, g);
        }
        g.codes.push(f);
    }
    const newest = (c: CodesOf) => Math.max(...c.codes.map(f => new Date(f.receivedAt).getTime()));
    const out = [...groups.values()];
    for (const g of out) {
        g.codes.sort((a, b) => Number(a.expired) - Number(b.expired) || new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime());
    }
    return out.sort((a, b) => newest(b) - newest(a));
}

/** minutesLeft is how long an activation code still works ("" once expired). */
export function validityLabel(f: MailFindingView, now: Date): string {
    if (f.expiresAt === undefined) {
        return "";
    }
    const left = Math.ceil((new Date(f.expiresAt).getTime() - now.getTime()) / 60000);
    if (f.expired || left <= 0) {
        return "Expiré : demandez un nouveau code depuis le téléphone.";
    }
    return left === 1 ? "Valable encore 1 minute." : `Valable encore ${left} minutes.`;
}

const DECISIONS: Record<string, { label: string; tone: Tone }> = {
    accepted: { label: "Demande acceptée", tone: "success" },
    refused: { label: "Demande refusée", tone: "error" },
    info_requested: { label: "Complément demandé", tone: "warning" }
};

/** decisionDisplay words an ARS decision e-mail. */
export function decisionDisplay(decision: string | undefined): { label: string; tone: Tone } {
    return DECISIONS[decision ?? ""] ?? { label: "Décision de l'ARS (voir le courriel)", tone: "info" };
}

/** decisionsFor lists the decision e-mails filed against one request, newest first. */
export function decisionsFor(findings: MailFindingView[], requestId: string): MailFindingView[] {
    return findings
        .filter(f => f.kind === "decision" && f.requestId === requestId)
        .sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime());
}

/** readHow says how the e-mail was recognised. */
export function readHow(f: MailFindingView): string {
    return f.byHeaders ? "Reconnu par ses en-têtes eRPPS" : "Reconnu par son texte (en-têtes retirés en chemin)";
}
