import type { DecisionAction, RequestKind, RequestStatus, Role } from "../api";

// The French names the back office shows. They are erpps's Label() methods
// (backend/erpps/status.go, request.go, role.go), which the server's queue
// and case do not carry: the end-to-end tests read these words from Go's
// labels, so a change on one side fails them.

export const STATUS_LABELS: Record<RequestStatus, string> = {
    draft: "En cours (non transmise)",
    transmitted: "Transmise",
    under_review: "En instruction",
    accepted: "Acceptée",
    refused: "Refusée",
    complement_requested: "Complément demandé",
    withdrawn: "Retirée",
    closed_no_action: "Classée sans suite"
};

export const KIND_LABELS: Record<RequestKind, string> = {
    cease_activity: "Cessation d'activité",
    new_activity: "Nouvelle activité",
    new_profession: "Nouvelle profession",
    contact: "Coordonnées de contact",
    exercise_name: "Nom d'exercice"
};

const ROLE_LABELS: Record<Role, string> = {
    professional: "Professionnel",
    secretary: "Secrétariat",
    ars_agent: "ARS",
    system: "eRPPS (automatique)"
};

/** The buttons of the decisions. */
export const ACTION_LABELS: Record<DecisionAction, string> = {
    take: "Prendre en charge",
    accept: "Accepter",
    refuse: "Refuser",
    complement: "Demander un complément",
    close: "Classer sans suite"
};

/** What a decision did, in a history. */
export const ACTION_DONE: Record<DecisionAction, string> = {
    take: "Prise en charge",
    accept: "Acceptée",
    refuse: "Refusée",
    complement: "Complément demandé",
    close: "Classée sans suite"
};

export function statusLabel(s: RequestStatus): string {
    return STATUS_LABELS[s];
}

export function kindLabel(k: RequestKind): string {
    return KIND_LABELS[k];
}

/** actorLabel names who acted: their name, or their role when they have none. */
export function actorLabel(a: { role: Role; name: string } | null | undefined): string {
    if (a === null || a === undefined) {
        return "";
    }
    return a.name.trim() === "" ? ROLE_LABELS[a.role] : a.name;
}
