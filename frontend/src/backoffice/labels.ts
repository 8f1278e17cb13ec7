import { createContext, useContext } from "react";
import type { DecisionAction, Labels, RequestKind, RequestStatus, Role } from "../api";

// The French names the back office shows for the domain's codes are Go's
// (erpps's Label methods), sent once with the reference data by GET
// /api/v1/reference (labels): nothing here copies them. A code the server has
// not named (not loaded yet, or newer than it) shows as itself.

export interface BackOfficeLabels {
    loaded: boolean;
    /** A request's status as the server holds it. */
    status: (s: RequestStatus) => string;
    kind: (k: RequestKind) => string;
    /** A decision's button (« Prendre en charge »). */
    action: (a: DecisionAction) => string;
    /** What a decision did, in a history (« Prise en charge »). */
    actionDone: (a: DecisionAction) => string;
    /** Who acted: their name, or their role when they have none. */
    actor: (a: { role: Role; name: string } | null | undefined) => string;
}

function lookup<T extends string>(names: Partial<Record<T, string>> | undefined): (code: T) => string {
    return code => names?.[code] ?? code;
}

/** createLabels reads the labels the server sent (none: every code shows as itself). */
export function createLabels(data: Labels | undefined): BackOfficeLabels {
    const role = lookup(data?.roles);
    return {
        loaded: data !== undefined,
        status: lookup(data?.statuses),
        kind: lookup(data?.kinds),
        action: lookup(data?.actions),
        actionDone: lookup(data?.actionsDone),
        actor: a => {
            if (a === null || a === undefined) {
                return "";
            }
            return a.name.trim() === "" ? role(a.role) : a.name;
        }
    };
}

export const LabelsContext = createContext<BackOfficeLabels>(createLabels(undefined));

/** useLabels gives the back office's labels, from Go (ReferenceFromServer loads them). */
export function useLabels(): BackOfficeLabels {
    return useContext(LabelsContext);
}
