import type { ApiError, Case, DecisionAction, DecisionInput } from "../api";
import { formatDate, formatDateTime } from "../format";
import { dayToSave } from "../forms/dates";
import type { BackOfficeLabels } from "./labels";

// The agent's decisions: what is sent (the server checks it and says which
// field is wrong), what is said after, and the request's history as Go
// writes it.

export interface DecisionDraft {
    action: DecisionAction;
    /** A refusal's reason or a complement's message. */
    reason: string;
    /** A complement's deadline as typed, jj/mm/aaaa (or YYYY-MM-DD). */
    deadline: string;
}

/** The errors of a decision's fields, by field; empty when it may be sent. */
export type DecisionErrors = Partial<Record<"reason" | "deadline", string>>;

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

/**
 * historyTable is the history table's rows (date, step, by, comment), oldest
 * first, as Go wrote them (Case.history): only the date is formatted here.
 */
export function historyTable(c: Pick<Case, "history">): string[][] {
    return (c.history ?? []).map(h => [formatDateTime(h.at), h.what, h.who, h.note]);
}
