import type { Activity, Practitioner, Request, RequestEvent, RequestStatus, Role } from "../../api";
import { statusLabel } from "../../domain/requests";
import { addressLines, formatDate, formatDateTime, formatPhone } from "../../format";
import type { Reference } from "../../reference/lookup";

// How the requests page shows a request: in which filter it falls, what it
// asks in a few lines, and its history in words.

/** The filters of the requests page. */
export type RequestGroup = "all" | "in_progress" | "transmitted" | "finished";

export const REQUEST_GROUPS: { value: RequestGroup; label: string }[] = [
    { value: "all", label: "Toutes" },
    { value: "in_progress", label: "En cours" },
    { value: "transmitted", label: "Transmises" },
    { value: "finished", label: "Terminées" }
];

/**
 * groupOf files a request under one filter: "En cours" for what the
 * professional still has to finish (a draft, a complement asked by the ARS),
 * "Transmises" for what waits for the ARS, "Terminées" for the rest.
 */
export function groupOf(status: RequestStatus): Exclude<RequestGroup, "all"> {
    switch (status) {
        case "draft":
        case "complement_requested":
            return "in_progress";
        case "transmitted":
        case "under_review":
            return "transmitted";
        default:
            return "finished";
    }
}

/** canResume: the professional may still change the request. */
export function canResume(status: RequestStatus): boolean {
    return status === "draft" || status === "complement_requested";
}

/** canWithdraw: transmitted and not decided yet. */
export function canWithdraw(status: RequestStatus): boolean {
    return status === "transmitted" || status === "under_review" || status === "complement_requested";
}

/** A line of a request's summary; an empty value shows as "Non renseigné". */
export interface SummaryLine {
    term: string;
    value: string;
}

type Fields = Record<string, unknown>;

function fields(payload: unknown): Fields {
    return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? (payload as Fields) : {};
}

function text(f: Fields, key: string): string {
    const v = f[key];
    return typeof v === "string" ? v.trim() : "";
}

function activityName(a: Activity | undefined, id: string): string {
    if (a === undefined) {
        return id === "" ? "" : `Activité ${id}`;
    }
    const s = a.structure;
    const name = s.companyName !== "" ? s.companyName : (s.tradeName ?? "");
    const city = s.address.city;
    return city === "" ? name : `${name} (${city})`;
}

function findActivity(p: Practitioner, id: string): Activity | undefined {
    return id === "" ? undefined : (p.activities ?? []).find(a => a.id === id);
}

/** summaryLines says in a few lines what a request asks, from its payload. */
export function summaryLines(r: Request, p: Practitioner, ref: Reference): SummaryLine[] {
    const f = fields(r.payload);
    switch (r.kind) {
        case "cease_activity": {
            const id = text(f, "activityId") !== "" ? text(f, "activityId") : (r.targetId ?? "");
            return [
                { term: "Activité cessée", value: activityName(findActivity(p, id), id) },
                { term: "Date de fin", value: formatDate(text(f, "endDate")) },
                { term: "Motif", value: ref.label("TRE_R25", text(f, "reasonCode")) }
            ];
        }
        case "new_activity": {
            const s = fields(f.structure);
            const lines: SummaryLine[] = [
                { term: "Nouvelle structure", value: text(s, "companyName") !== "" ? text(s, "companyName") : text(s, "tradeName") },
                { term: "Adresse", value: addressLines(addressOf(fields(s.address))).join(", ") },
                { term: "Profession", value: text(f, "professionCode") === "" ? "" : ref.professionLabel(text(f, "professionCode")) },
                { term: "Début d'activité", value: formatDate(text(f, "startDate")) }
            ];
            const replaced = text(f, "replacesActivityId");
            if (replaced !== "") {
                lines.push({ term: "Remplace", value: activityName(findActivity(p, replaced), replaced) });
            }
            return lines;
        }
        case "new_profession":
            return [
                { term: "Profession", value: text(f, "professionCode") === "" ? "" : ref.professionLabel(text(f, "professionCode")) },
                { term: "Catégorie", value: ref.label("TRE_R09", text(f, "categoryCode")) },
                { term: "Exercée depuis le", value: formatDate(text(f, "since")) }
            ];
        case "contact":
            return [
                { term: "Adresse électronique", value: text(f, "email") },
                { term: "Téléphone", value: formatPhone(text(f, "phone")) },
                { term: "Adresse postale", value: addressLines(addressOf(fields(f.address))).join(", ") }
            ];
        case "exercise_name": {
            const birth = f.useBirthName === true;
            const lines: SummaryLine[] = [
                { term: "Nouveau nom d'exercice", value: birth ? `${p.birthName} (nom de naissance)` : text(f, "exerciseName") }
            ];
            if (text(f, "exerciseFirstName") !== "") {
                lines.push({ term: "Prénom d'exercice", value: text(f, "exerciseFirstName") });
            }
            return lines;
        }
        default:
            return [];
    }
}

function addressOf(a: Fields) {
    return {
        recipient: text(a, "recipient"),
        complement: text(a, "complement"),
        number: text(a, "number"),
        repetition: text(a, "repetition"),
        streetType: text(a, "streetType"),
        street: text(a, "street"),
        distribution: text(a, "distribution"),
        postalCode: text(a, "postalCode"),
        city: text(a, "city"),
        cedex: text(a, "cedex"),
        country: text(a, "country")
    };
}

/** linkNote explains a link between two requests (a moved cabinet). */
export function linkNote(r: Request): string {
    if (r.linkedRequestId === undefined || r.linkedRequestId === "") {
        return "";
    }
    return r.kind === "cease_activity" ? "Liée à la déclaration de la nouvelle activité" : "Liée à la cessation de l'activité précédente";
}

const ROLE_NAMES: Record<Role, string> = {
    professional: "Professionnel",
    secretary: "Secrétariat",
    ars_agent: "ARS",
    system: "eRPPS (automatique)"
};

export interface HistoryLine {
    when: string;
    what: string;
    who: string;
    note: string;
}

function eventLabel(e: RequestEvent): string {
    if (e.to === "draft" && (e.from as string) === "") {
        return "Demande créée (non transmise)";
    }
    if (e.to === "transmitted" && e.from === "complement_requested") {
        return "Transmise à nouveau, complétée";
    }
    if (e.to === "transmitted") {
        // The step, not the state: whether it has reached the server is the status's business.
        return "Transmise";
    }
    return statusLabel(e.to);
}

function noteOf(e: RequestEvent): string {
    const comment = e.comment?.trim() ?? "";
    if (comment === "") {
        return "";
    }
    switch (e.to) {
        case "refused":
            return `Motif du refus : ${comment}`;
        case "complement_requested":
            return `Complément demandé : ${comment}`;
        case "withdrawn":
            return `Motif du retrait : ${comment}`;
        default:
            return `Commentaire : ${comment}`;
    }
}

/** historyLines writes a request's steps, oldest first: "27 novembre 2026 à 10 h 42 — Transmise — par …". */
export function historyLines(r: Request): HistoryLine[] {
    const events = [...(r.history ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return events.map(e => ({
        when: formatDateTime(e.at),
        what: eventLabel(e),
        who: e.actor.name !== "" ? e.actor.name : (ROLE_NAMES[e.actor.role] as string | undefined) ?? e.actor.role,
        note: noteOf(e)
    }));
}
