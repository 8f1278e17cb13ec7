import { ApiError, toApiError } from "./errors";
import type { Case, Credentials, DecisionInput, QueuePage, QueueQuery, ServerReference, ServerSession } from "./serverTypes";

// The client of erpps-server's JSON API (/api/v1): the back office's only way
// to the server. The session token is an HttpOnly cookie the browser sends by
// itself (same origin); every function rejects with an ApiError.

export interface ServerEnv {
    fetch: (input: string, init: RequestInit) => Promise<Response>;
}

const PREFIX = "/api/v1";
const enc = encodeURIComponent;

function unreachable(): ApiError {
    return new ApiError("network", "Le serveur eRPPS ne répond pas. Vérifiez votre connexion au réseau, puis réessayez.");
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null;
}

/**
 * sessionOf reads a session from POST or GET /api/v1/session: the session
 * itself, or wrapped with the token given to desktops ({token, session}).
 */
export function sessionOf(body: unknown): ServerSession {
    const s = isRecord(body) && isRecord(body.session) ? body.session : body;
    if (!isRecord(s) || !isRecord(s.account) || typeof s.account.id !== "string") {
        throw new ApiError("internal", "Le serveur a renvoyé une session illisible. Réessayez ; si le problème persiste, contactez le support.");
    }
    return s as unknown as ServerSession;
}

/** queueSearch writes the queue's filters as GET /api/v1/queue's query string ("" when none). */
export function queueSearch(q: QueueQuery): string {
    const params = new URLSearchParams();
    if (q.status !== undefined) {
        params.set("status", q.status);
    }
    if (q.department !== undefined && q.department !== "") {
        params.set("department", q.department);
    }
    if (q.kind !== undefined) {
        params.set("kind", q.kind);
    }
    if (q.minAgeDays !== undefined && q.minAgeDays > 0) {
        params.set("age", String(q.minAgeDays));
    }
    if (q.page !== undefined && q.page > 1) {
        params.set("page", String(q.page));
    }
    const s = params.toString();
    return s === "" ? "" : `?${s}`;
}

export function createServerClient(env: ServerEnv) {
    async function send(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
        const headers: Record<string, string> = { Accept: "application/json" };
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
        }
        let response: Response;
        try {
            response = await env.fetch(PREFIX + path, {
                method,
                headers,
                credentials: "same-origin",
                body: body === undefined ? undefined : JSON.stringify(body)
            });
        } catch {
            throw unreachable();
        }
        const text = await response.text().catch(() => "");
        let parsed: unknown;
        try {
            parsed = text.trim() === "" ? undefined : (JSON.parse(text) as unknown);
        } catch {
            throw new ApiError("internal", `Le serveur a renvoyé une réponse illisible (HTTP ${response.status}). Réessayez ; si le problème persiste, contactez le support.`);
        }
        if (!response.ok) {
            if (isRecord(parsed) && typeof parsed.code === "string") {
                throw toApiError(parsed);
            }
            if (response.status === 401) {
                throw new ApiError("unauthorized", "Votre session a pris fin. Connectez-vous à nouveau.");
            }
            throw new ApiError("internal", `Le serveur a refusé la demande (HTTP ${response.status}).`);
        }
        return parsed;
    }

    return {
        /** Signs in with a login and a password (401 unauthorized when either is wrong). */
        signIn: async (c: Credentials): Promise<ServerSession> => sessionOf(await send("POST", "/session", c)),
        /** The current session (unauthorized when none). */
        session: async (): Promise<ServerSession> => sessionOf(await send("GET", "/session")),
        /** Signs out: the server revokes the session. */
        signOut: async (): Promise<void> => {
            await send("DELETE", "/session");
        },
        /** The NOS tables and the départements (labels of the record's codes, the agent's départements), and Go's labels of the statuses, kinds, roles and decisions. */
        reference: async (): Promise<ServerReference> => {
            // The server sends no activity codes: the back office offers no new activity.
            const data = (await send("GET", "/reference")) as Omit<ServerReference, "activityCodes">;
            return { ...data, activityCodes: null };
        },
        /** A page of the agent's queue, limited by the server to the agent's region. */
        queue: async (q: QueueQuery): Promise<QueuePage> => (await send("GET", `/queue${queueSearch(q)}`)) as QueuePage,
        /** A request with the practitioner's record, the changes it would make and its history. */
        getCase: async (id: string): Promise<Case> => (await send("GET", `/cases/${enc(id)}`)) as Case,
        /** Takes, accepts, refuses or asks for a complement; conflict when the request moved since baseRevision. */
        decide: async (id: string, input: DecisionInput): Promise<Case | undefined> => {
            const body = await send("POST", `/requests/${enc(id)}/decisions`, input);
            return isRecord(body) && isRecord(body.request) ? (body as unknown as Case) : undefined;
        }
    };
}

export type ServerClient = ReturnType<typeof createServerClient>;

/** The server client of the running page. */
export const server: ServerClient = createServerClient({ fetch: (input, init) => window.fetch(input, init) });

/** isServerMode tells whether erpps-server served this page (it writes <meta name="erpps-mode" content="server">). */
export function isServerMode(doc: Pick<Document, "querySelector"> | undefined = typeof document === "undefined" ? undefined : document): boolean {
    return doc?.querySelector('meta[name="erpps-mode"]')?.getAttribute("content") === "server";
}

