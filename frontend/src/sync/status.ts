import type { SyncState } from "../api";
import { formatDate } from "../format";

// What the header and the « Serveur eRPPS » page say of the synchronisation
// (app/events.go SyncState). Pure functions, no React.

export type SyncTone = "success" | "info" | "warning" | "error";

export interface SyncDisplay {
    /** « En ligne », « Hors ligne », « Synchronisation… », « Reconnexion nécessaire ». */
    label: string;
    tone: SyncTone;
    /** « 3 modifications en attente d'envoi » or « Tout est envoyé ». */
    waiting: string;
    /** « Dernière synchronisation aujourd'hui à 14 h 05 », or « Jamais synchronisé ». */
    lastSync: string;
    /** « 1 modification à vérifier » when the server refused or found conflicts; "" otherwise. */
    setAside: string;
}

function plural(n: number, one: string, many: string): string {
    return `${String(n)} ${n > 1 ? many : one}`;
}

function hhmm(d: Date): string {
    return `${String(d.getHours()).padStart(2, "0")} h ${String(d.getMinutes()).padStart(2, "0")}`;
}

function sameDay(a: Date, b: Date): boolean {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** lastSyncText writes when the last sync succeeded, in French, relative to now for today and yesterday. */
export function lastSyncText(at: string | undefined, now: Date): string {
    if (at === undefined || at === "") {
        return "Jamais synchronisé";
    }
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) {
        return "Jamais synchronisé";
    }
    const yesterday = new Date(now);
    yesterday.setDate(now.getDate() - 1);
    if (sameDay(d, now)) {
        return `Dernière synchronisation aujourd'hui à ${hhmm(d)}`;
    }
    if (sameDay(d, yesterday)) {
        return `Dernière synchronisation hier à ${hhmm(d)}`;
    }
    return `Dernière synchronisation le ${formatDate(at)} à ${hhmm(d)}`;
}

const LABELS: Record<Exclude<SyncState["state"], "local">, { label: string; tone: SyncTone }> = {
    online: { label: "En ligne", tone: "success" },
    offline: { label: "Hors ligne", tone: "warning" },
    syncing: { label: "Synchronisation…", tone: "info" },
    unauthorized: { label: "Reconnexion nécessaire", tone: "error" }
};

/** syncDisplay says the state for people; null when no server is configured (the app works as before). */
export function syncDisplay(s: SyncState, now: Date): SyncDisplay | null {
    if (s.state === "local") {
        return null;
    }
    const pending = s.pending ?? 0;
    const setAside = s.setAside ?? 0;
    return {
        ...LABELS[s.state],
        waiting: pending === 0 ? "Tout est envoyé" : `${plural(pending, "modification", "modifications")} en attente d'envoi`,
        lastSync: lastSyncText(s.lastSyncAt, now),
        setAside: setAside === 0 ? "" : `${plural(setAside, "modification", "modifications")} à vérifier`
    };
}

/** syncAnnouncement is what a screen reader is told when the state changes (one sentence). */
export function syncAnnouncement(d: SyncDisplay | null): string {
    if (d === null) {
        return "";
    }
    return [d.label, d.waiting, d.setAside].filter(t => t !== "").join(" — ");
}

/**
 * deliveredWatcher returns a function to give each "sync:state": it says true
 * when the count of changes waiting fell since the previous state (the server
 * took some: a transmitted request is now « Transmise »), never for the
 * first state it is given.
 */
export function deliveredWatcher(): (s: SyncState) => boolean {
    let last: number | undefined;
    return s => {
        const now = s.pending ?? 0;
        const fell = last !== undefined && now < last;
        last = now;
        return fell;
    };
}
