import type { Request, RequestKind, RequestStatus } from "../api";

// The UI's words for requests; the same as Label() in backend/erpps. The maps
// are partial: a status sent by a newer Go side shows as its code.

const KIND_LABELS: Partial<Record<RequestKind, string>> = {
    cease_activity: "Cessation d'activité",
    new_activity: "Nouvelle activité",
    new_profession: "Nouvelle profession",
    contact: "Coordonnées de contact",
    exercise_name: "Nom d'exercice"
};

const STATUS_LABELS: Partial<Record<RequestStatus, string>> = {
    draft: "En cours (non transmise)",
    transmitted: "Transmise — en attente d'envoi au serveur",
    under_review: "En instruction",
    accepted: "Acceptée",
    refused: "Refusée",
    complement_requested: "Complément demandé",
    withdrawn: "Retirée",
    closed_no_action: "Classée sans suite"
};

export type StatusTone = "info" | "new" | "success" | "error" | "warning" | "neutral";

const STATUS_TONES: Partial<Record<RequestStatus, StatusTone>> = {
    draft: "new",
    transmitted: "info",
    under_review: "info",
    accepted: "success",
    refused: "error",
    complement_requested: "warning",
    withdrawn: "neutral",
    closed_no_action: "neutral"
};

export function kindLabel(kind: RequestKind): string {
    return KIND_LABELS[kind] ?? kind;
}

export function statusLabel(status: RequestStatus): string {
    return STATUS_LABELS[status] ?? status;
}

export function statusTone(status: RequestStatus): StatusTone {
    return STATUS_TONES[status] ?? "neutral";
}

/** Statuses of requests still alive: a draft, or transmitted and not decided. */
export const LIVE_STATUSES: RequestStatus[] = ["draft", "transmitted", "under_review", "complement_requested"];

/**
 * isUntouched tells whether a request is a draft opened but never saved since
 * (revision 1, as erpps.Request.Untouched): it is not a request « en cours ».
 */
export function isUntouched(r: Pick<Request, "status" | "revision">): boolean {
    return r.status === "draft" && r.revision <= 1;
}
