// The shapes of erpps-server's JSON API (/api/v1), as Go's encoding/json
// writes the server's types (backend/erpps: Account, Session, QueuePage,
// Decision; backend/backoffice: Case, QueueQuery, DecisionInput;
// backend/register: Change). The request and the record are the desktop's
// wire types (types.gen.ts): the same Go structs.

import type { Actor, Practitioner as RecordWire, ReferenceData, Request, RequestKind, RequestStatus, Role } from "./types.gen";

/** Someone who signs in to the server (erpps.Account). */
export interface Account {
    id: string;
    login: string;
    role: Role;
    /** Shown in histories (« Camille Martin (ARS Normandie) »). */
    name: string;
    rpps?: string;
    /** An ARS agent's region (INSEE code, e.g. "28"). */
    region?: string;
    disabled: boolean;
    createdAt: string;
}

/** A signed-in account (erpps.Session); its token stays in an HttpOnly cookie. */
export interface ServerSession {
    id: string;
    account: Account;
    createdAt: string;
    expiresAt: string;
}

/** What a person types to sign in. */
export interface Credentials {
    login: string;
    password: string;
}

/** What an agent (or the system) does to a transmitted request. */
export type DecisionAction = "take" | "accept" | "refuse" | "complement" | "close";

/**
 * The back office's words for the domain's codes (backoffice.Labels), code →
 * French text from Go's Label methods, sent in GET /api/v1/reference: the
 * front end copies none of them.
 */
export interface Labels {
    /** A request's status as the server holds it (« Transmise »). */
    statuses: Partial<Record<RequestStatus, string>>;
    kinds: Partial<Record<RequestKind, string>>;
    /** Who acted, when they have no name. */
    roles: Partial<Record<Role, string>>;
    /** A decision's button (« Prendre en charge »). */
    actions: Partial<Record<DecisionAction, string>>;
    /** What a decision did, in a history (« Prise en charge »). */
    actionsDone: Partial<Record<DecisionAction, string>>;
}

/** GET /api/v1/reference: the NOS tables and the départements, with the back office's labels. */
export type ServerReference = ReferenceData & { labels?: Labels };

/** The agent's queue filters (backoffice.QueueQuery), sent as the query string of GET /api/v1/queue. */
export interface QueueQuery {
    status?: RequestStatus;
    department?: string;
    kind?: RequestKind;
    /** Requests waiting for at least that many days (« ancienneté »). */
    minAgeDays?: number;
    /** 1-based. */
    page?: number;
}

/** One line of the queue: no payload (erpps.QueueItem). */
export interface QueueItem {
    id: string;
    rpps: string;
    practitionerName: string;
    kind: RequestKind;
    status: RequestStatus;
    department: string;
    revision: number;
    transmittedAt: string;
    updatedAt: string;
    deadline?: string;
    assignedTo?: Actor | null;
}

/** A page of the queue with the number of requests matching the filters (erpps.QueuePage). */
export interface QueuePage {
    items: QueueItem[] | null;
    total: number;
    offset: number;
    limit: number;
}

/** One field of the record that accepting the request would change (register.Change). */
export interface RecordChange {
    field: string;
    /** The field's French name. */
    label: string;
    before: string;
    after: string;
}

/** A decision as recorded, dated and attributed (erpps.Decision). */
export interface Decision {
    id: number;
    requestId: string;
    action: DecisionAction;
    actor: Actor;
    principal: string;
    reason?: string;
    deadline?: string;
    at: string;
}

/** One line of a request's history as the agent reads it (backoffice.HistoryRow): Go writes every word. */
export interface HistoryRow {
    at: string;
    /** What happened (« Transmise », « Refusée », « Prise en charge »…). */
    what: string;
    /** Who did it: their name, or their role when unnamed. */
    who: string;
    /** The reason given and, for a complement, « Date limite : jj/mm/aaaa »; empty when nothing to add. */
    note: string;
}

/** A request as an agent examines it (backoffice.Case). */
export interface Case {
    request: Request;
    /** The practitioner's record as the register holds it now. */
    record: RecordWire;
    /** The other request of a moved cabinet. */
    linked?: Request | null;
    /** « Ce qui changerait » on acceptance, for a request not yet decided; empty otherwise. */
    changes: RecordChange[] | null;
    /** Why the request no longer fits the record (it cannot be accepted), when it does not. */
    changesProblem?: string;
    decisions: Decision[] | null;
    /** What this agent may do now. */
    actions: DecisionAction[] | null;
    /** The ARS examining the request (« ARS Normandie »). */
    ars: string;
    /** Whether the request's life is over (erpps.RequestStatus.Final). */
    final: boolean;
    /** The request's history, oldest first: each step with the decision that made it. */
    history: HistoryRow[] | null;
}

/** An agent's decision (backoffice.DecisionInput). */
export interface DecisionInput {
    action: DecisionAction;
    /** The revision the agent saw: a request that moved since is a conflict. */
    baseRevision: number;
    /** A refusal's reason, a complement's message. */
    reason?: string;
    /** A complement's deadline, YYYY-MM-DD. */
    deadline?: string;
}

export type { ReferenceData, RecordWire };
