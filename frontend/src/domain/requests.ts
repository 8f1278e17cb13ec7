import type { RequestItem, RequestStatus, RequestView } from "../api";

// How requests look. What they are called and what may be done with them
// come from Go (the views' kindLabel, statusLabel, untouched, live,
// permissions); only the colour of a status is chosen here.

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

export function statusTone(status: RequestStatus): StatusTone {
    return STATUS_TONES[status] ?? "neutral";
}

/** itemOf is the request of a view as a list shows it: the request and what Go says about it. */
export function itemOf(view: RequestView): RequestItem {
    const { request, validation: _validation, nextStatuses: _next, resumed: _resumed, ...summary } = view;
    return { ...request, ...summary };
}
