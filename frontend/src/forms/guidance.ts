import type { Guidance, GuidanceAction, RequestKind } from "../api";
import { paths, startPath } from "../routes";

// What a guidance's button does, decided without React: go to another page,
// or set a field of the form being typed.

export type GuidanceStep =
    | { kind: "navigate"; to: string }
    | { kind: "set_field"; field: string; value: unknown }
    | { kind: "none" };

const KINDS: readonly RequestKind[] = ["cease_activity", "new_activity", "new_profession", "contact", "exercise_name"];

function isRequestKind(value: string | undefined): value is RequestKind {
    return value !== undefined && (KINDS as readonly string[]).includes(value);
}

/** guidanceActions lists a guidance's ways forward: its action, then its other actions. */
export function guidanceActions(g: Guidance): GuidanceAction[] {
    return [...(g.action === undefined ? [] : [g.action]), ...(g.actions ?? [])];
}

/** fieldValue reads a set_field value: "true"/"false" are booleans, anything else stays text. */
export function fieldValue(raw: string | undefined): unknown {
    if (raw === "true") {
        return true;
    }
    if (raw === "false") {
        return false;
    }
    return raw ?? "";
}

/** A route segment under /pro/:rpps/ ("demandes", "activites"), nothing that leaves it. */
const SEGMENT_RE = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** guidanceStep says what clicking an action does for the record rpps. */
export function guidanceStep(action: GuidanceAction, rpps: string): GuidanceStep {
    switch (action.kind) {
        case "start_request":
            return isRequestKind(action.requestKind) ? { kind: "navigate", to: startPath(rpps, action.requestKind, action.targetId) } : { kind: "none" };
        case "set_field":
            return action.field === undefined || action.field === "" ? { kind: "none" } : { kind: "set_field", field: action.field, value: fieldValue(action.value) };
        case "open":
            return action.value !== undefined && SEGMENT_RE.test(action.value) ? { kind: "navigate", to: `${paths.portal(rpps)}/${action.value}` } : { kind: "none" };
    }
    return { kind: "none" };
}
