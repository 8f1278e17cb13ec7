import type { ApiError, Case, DecisionAction, DecisionInput, RequestEvent, RequestStatus } from "../api";
import { formatDate, formatDateTime } from "../format";
import { dayToSave } from "../forms/dates";
import type { BackOfficeLabels } from "./labels";

// The agent's decisions: what must be typed for each, what is sent, what is
// said after, and the request's history as the agent reads it.

export interface DecisionDraft {
    action: DecisionAction;
    /** A refusal's reason or a complement's message. */
    reason: string;
    /** A complement's deadline as typed, jj/mm/aaaa (or YYYY-MM-DD). */
    deadline: string;
}

/** The errors of a decision's fields, by field; empty when it may be sent. */
export type DecisionErrors = Partial<Record<"reason" | "deadline", string>>;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(day: string): boolean {
    const m = DAY_RE.exec(day);
    if (m === null) {
        return false;
    }
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.toISOString().slice(0, 10) === day;
}

/** validateDecision checks a decision before it is sent; today is YYYY-MM-DD (the agent's day). */
export function validateDecision(d: DecisionDraft, today: string): DecisionErrors {
    const errors: DecisionErrors = {};
    if (d.action === "refuse" && d.reason.trim() === "") {
        errors.reason = "Indiquez le motif du refus : le professionnel le lira.";
    }
    if (d.action === "complement") {
        if (d.reason.trim() === "") {
            errors.reason = "Indiquez ce que le professionnel doit compléter.";
        }
        const day = dayToSave(d.deadline.trim());
        if (day === "") {
            errors.deadline = "Indiquez la date limite de réponse.";
        } else if (!isRealDay(day)) {
            errors.deadline = "La date limite n'est pas une date valide : écrivez-la jj/mm/aaaa.";
        } else if (day <= today) {
            errors.deadline = "La date limite doit être postérieure à aujourd'hui.";
        }
    }
    return errors;
}

/** decisionInput is what is sent for a decision taken on the revision the agent saw. */
export function decisionInput(d: DecisionDraft, baseRevision: number): DecisionInput {
    switch (d.action) {
        case "refuse":
            return { action: d.action, baseRevision, reason: d.reason.trim() };
        case "complement":
            return { action: d.action, baseRevision, reason: d.reason.trim(), deadline: dayToSave(d.deadline.trim()) };
        default:
            return { action: d.action, baseRevision };
    }
}

/** doneMessage tells the agent what their decision did. */
export function doneMessage(d: DecisionDraft, labels: BackOfficeLabels): string {
    switch (d.action) {
        case "take":
            return `Vous avez pris en charge la demande : elle est « ${labels.status("under_review")} ».`;
        case "accept":
            return "La demande est acceptée : le dossier du professionnel est mis à jour au RPPS.";
        case "refuse":
            return "La demande est refusée : le professionnel verra le motif du refus.";
        case "complement":
            return `Le complément est demandé au professionnel, qui doit répondre au plus tard le ${formatDate(dayToSave(d.deadline.trim()))}.`;
        case "close":
            return "La demande est classée sans suite.";
    }
}

/** fieldErrorsOf reads the server's refusal of a decision's fields (reason, deadline). */
export function fieldErrorsOf(e: ApiError): DecisionErrors {
    const errors: DecisionErrors = {};
    for (const f of e.fields) {
        if (f.field === "reason" || f.field === "deadline") {
            errors[f.field] = f.message;
        }
    }
    return errors;
}

/** failureMessage explains why a decision was not recorded; a conflict means someone else acted first. */
export function failureMessage(e: ApiError): { title: string; text: string } {
    if (e.code === "conflict") {
        return {
            title: "Cette demande a changé entre-temps",
            text: `Quelqu'un d'autre a agi sur cette demande (un autre agent, ou le professionnel qui l'a retirée) : votre décision n'a pas été enregistrée. La demande a été relue ; vérifiez son état avant d'agir. ${e.message}`
        };
    }
    if (e.code === "forbidden" || e.code === "not_found") {
        return { title: "Décision impossible", text: e.message };
    }
    return { title: "La décision n'a pas été enregistrée", text: e.message };
}

const ACTION_OF_STATUS: Partial<Record<RequestStatus, DecisionAction>> = {
    under_review: "take",
    accepted: "accept",
    refused: "refuse",
    complement_requested: "complement",
    closed_no_action: "close"
};

/** One line of a request's history, written for people. */
export interface HistoryRow {
    at: string;
    when: string;
    what: string;
    who: string;
    note: string;
}

function stepLabel(e: RequestEvent, labels: BackOfficeLabels): string {
    if ((e.from as string) === "") {
        return "Demande commencée (brouillon)";
    }
    return labels.status(e.to);
}

function noteOf(reason: string | undefined, deadline: string | undefined): string {
    const parts = [];
    if (reason !== undefined && reason !== "") {
        parts.push(reason);
    }
    if (deadline !== undefined && deadline !== "") {
        parts.push(`Date limite : ${formatDate(deadline)}`);
    }
    return parts.join(" — ");
}

/**
 * historyOf is the request's history, oldest first: each dated, attributed
 * step of its life, completed by the agents' decisions (their reason and
 * deadline); a decision the history lacks gets a line of its own. Go names
 * the statuses, the decisions and the roles (labels).
 */
export function historyOf(c: Pick<Case, "request" | "decisions">, labels: BackOfficeLabels): HistoryRow[] {
    const decisions = [...(c.decisions ?? [])];
    const rows: HistoryRow[] = (c.request.history ?? []).map(e => {
        const action = ACTION_OF_STATUS[e.to];
        const i = action === undefined ? -1 : decisions.findIndex(d => d.action === action && Math.abs(Date.parse(d.at) - Date.parse(e.at)) < 60_000);
        const d = i < 0 ? undefined : decisions.splice(i, 1)[0];
        const comment = e.comment ?? "";
        return {
            at: e.at,
            when: formatDateTime(e.at),
            what: stepLabel(e, labels),
            who: labels.actor(e.actor),
            note: noteOf(comment !== "" ? comment : d?.reason, d?.deadline ?? (e.to === "complement_requested" && c.request.status === "complement_requested" ? c.request.deadline : undefined))
        };
    });
    for (const d of decisions) {
        rows.push({ at: d.at, when: formatDateTime(d.at), what: labels.actionDone(d.action), who: labels.actor(d.actor), note: noteOf(d.reason, d.deadline) });
    }
    return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
