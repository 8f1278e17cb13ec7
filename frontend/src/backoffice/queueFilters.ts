import type { QueueItem, QueuePage, QueueQuery, RequestKind, RequestStatus } from "../api";

// The queue's filters live in the page's address (#/file?statut=…&page=2):
// a filtered queue can be bookmarked, and « Précédent » comes back to it.

export interface QueueFilters {
    /** "" = the requests still to handle (transmitted, under review, complement asked). */
    status: RequestStatus | "";
    department: string;
    kind: RequestKind | "";
    /** Minimum age in days, "" for any. */
    age: string;
    page: number;
}

export const NO_FILTERS: QueueFilters = { status: "", department: "", kind: "", age: "", page: 1 };

/** The statuses an agent may filter on (no drafts: the server never has them). */
export const QUEUE_STATUSES: RequestStatus[] = ["transmitted", "under_review", "complement_requested", "accepted", "refused", "withdrawn", "closed_no_action"];

export const AGE_OPTIONS = [
    { value: "", label: "Toutes" },
    { value: "7", label: "Plus de 7 jours" },
    { value: "15", label: "Plus de 15 jours" },
    { value: "30", label: "Plus de 30 jours" },
    { value: "60", label: "Plus de 60 jours" }
] as const;

// Every kind once (the compiler checks the list against Go's RequestKind), in the portal's order; Go names them.
const KIND_SET: Record<RequestKind, true> = { cease_activity: true, new_activity: true, new_profession: true, contact: true, exercise_name: true };

/** The kinds an agent may filter on. */
export const QUEUE_KINDS = Object.keys(KIND_SET) as RequestKind[];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | "" {
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : "";
}

/** filtersFromSearch reads the filters of the address; anything unknown falls back to its default. */
export function filtersFromSearch(params: URLSearchParams): QueueFilters {
    const department = params.get("departement") ?? "";
    const page = Number(params.get("page") ?? "1");
    return {
        status: oneOf(params.get("statut"), QUEUE_STATUSES),
        department: /^(\d{2,3}|2[AB])$/.test(department) ? department : "",
        kind: oneOf(params.get("type"), QUEUE_KINDS),
        age: oneOf(params.get("anciennete"), AGE_OPTIONS.map(o => o.value)),
        page: Number.isInteger(page) && page >= 1 ? page : 1
    };
}

/** searchOf writes the filters in the address, defaults left out ("" when none). */
export function searchOf(f: QueueFilters): string {
    const params = new URLSearchParams();
    if (f.status !== "") {
        params.set("statut", f.status);
    }
    if (f.department !== "") {
        params.set("departement", f.department);
    }
    if (f.kind !== "") {
        params.set("type", f.kind);
    }
    if (f.age !== "") {
        params.set("anciennete", f.age);
    }
    if (f.page > 1) {
        params.set("page", String(f.page));
    }
    const s = params.toString();
    return s === "" ? "" : `?${s}`;
}

/** queryOf is what the server is asked for these filters. */
export function queryOf(f: QueueFilters): QueueQuery {
    return {
        status: f.status === "" ? undefined : f.status,
        department: f.department === "" ? undefined : f.department,
        kind: f.kind === "" ? undefined : f.kind,
        minAgeDays: f.age === "" ? undefined : Number(f.age),
        page: f.page
    };
}

/** pageCount is the number of pages of a queue (at least 1). */
export function pageCount(page: Pick<QueuePage, "total" | "limit">): number {
    return Math.max(1, Math.ceil(page.total / Math.max(1, page.limit)));
}

/** countText says how many requests match and which are shown: « 57 demandes — 21 à 40 affichées ». */
export function countText(page: QueuePage): string {
    const items = page.items ?? [];
    if (page.total === 0) {
        return "Aucune demande ne correspond à ces critères";
    }
    const total = `${String(page.total)} ${page.total > 1 ? "demandes" : "demande"}`;
    if (items.length === page.total) {
        return total;
    }
    return `${total} — ${String(page.offset + 1)} à ${String(page.offset + items.length)} affichées`;
}

/** ageDays is how many whole days a request has waited since its transmission. */
export function ageDays(item: Pick<QueueItem, "transmittedAt">, now: Date): number {
    const t = new Date(item.transmittedAt).getTime();
    if (Number.isNaN(t)) {
        return 0;
    }
    return Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
}

/** ageText writes an age for people: « Aujourd'hui », « 1 jour », « 12 jours ». */
export function ageText(days: number): string {
    if (days === 0) {
        return "Aujourd'hui";
    }
    return `${String(days)} ${days > 1 ? "jours" : "jour"}`;
}

/** filtersChanged tells whether the filters (not the page) differ: a new filter goes back to page 1. */
export function withFilters(current: QueueFilters, next: Omit<QueueFilters, "page">): QueueFilters {
    const same = current.status === next.status && current.department === next.department && current.kind === next.kind && current.age === next.age;
    return { ...next, page: same ? current.page : 1 };
}
