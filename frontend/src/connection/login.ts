import type { Info, LoginStart, ServerSettings } from "../api";

// The entry page's logic around the practitioner's login with Pro Santé
// Connect, kept apart from React so that it is tested alone.

/** Who is signed in on this computer, as the entry page shows it. */
export type Connected =
    | { kind: "none" }
    /** A practitioner (Pro Santé Connect, or their account's password): their record only. */
    | { kind: "practitioner"; rpps: string; name: string; method: string }
    /** A secretary: the records of the practitioners who gave a mandate. */
    | { kind: "secretary"; name: string };

export function connectedOf(settings: ServerSettings | undefined): Connected {
    const account = settings?.account;
    if (account === undefined) {
        return { kind: "none" };
    }
    if (account.role === "professional" && account.rpps !== undefined && account.rpps !== "") {
        return { kind: "practitioner", rpps: account.rpps, name: account.name, method: settings?.method ?? "password" };
    }
    return { kind: "secretary", name: account.name };
}

/** Which records the entry page lists: all of this computer's (a secretary), the demo ones (demo mode, nobody signed in), or none. */
export type RecordsShown = "all" | "demo" | "none";

export function recordsShown(info: Pick<Info, "demo"> | undefined, connected: Connected): RecordsShown {
    if (connected.kind === "secretary") {
        return "all";
    }
    if (connected.kind === "practitioner") {
        return "none";
    }
    return info?.demo === true ? "demo" : "none";
}

/**
 * Whether the header links to « Boîte aux lettres du cabinet »: the
 * secretary's tool, on the desktop and in browser mode (not the kiosk), for
 * a secretary signed in or nobody (the cabinet's local use); never for a
 * practitioner signed in (the server's methods refuse them).
 */
export function mailboxShown(info: Pick<Info, "mode"> | undefined, connected: Connected): boolean {
    return info !== undefined && info.mode !== "kiosk" && connected.kind !== "practitioner";
}

/** What starting a login did: the page is leaving for the provider, or the system's browser was opened (the desktop waits). */
export type LoginStep = "navigating" | "waiting";

/**
 * beginLogin starts the login: in browser mode the page goes to the
 * provider (assign), on the desktop the system's browser shows it and the
 * "connection:changed" event will tell the end.
 */
export async function beginLogin(start: () => Promise<LoginStart>, assign: (url: string) => void): Promise<LoginStep> {
    const started = await start();
    if (started.navigate) {
        assign(started.authUrl);
        return "navigating";
    }
    return "waiting";
}
