import { ApiError, toApiError } from "./errors";
import type { Actor } from "./types";

// The client of the primo-registration's routes of erpps-server: the
// person's form (signed in with FranceConnect, its own HttpOnly cookie) and
// the ARS agents' list and decisions (the back office's session). The only
// caller of /api/v1/registration(s) and /api/v1/franceconnect.

/** FRANCECONNECT_LOGIN is where « S'identifier avec FranceConnect » goes (a page navigation, not a fetch). */
export const FRANCECONNECT_LOGIN = "/api/v1/franceconnect/login";

/** FranceConnect's identité pivot: shown read only. */
export interface Identity {
    subject: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    gender: string;
    birthPlace?: string;
    birthCountry?: string;
    email?: string;
}

export interface Diploma {
    title: string;
    institution: string;
    date: string;
}

export type RegistrationStatus = "submitted" | "accepted" | "refused" | "withdrawn";

export interface Registration {
    id: string;
    status: RegistrationStatus;
    identity: Identity;
    professionCode: string;
    diploma: Diploma;
    department: string;
    email: string;
    phone?: string;
    submittedAt: string;
    decidedAt?: string;
    decidedBy?: Actor;
    motif?: string;
    rpps?: string;
}

export interface Choice {
    code: string;
    label: string;
}

/** What the form shows: the identity, the latest registration, the lists it offers. */
export interface RegistrationState {
    identity: Identity;
    registration?: Registration;
    professions: Choice[];
    departments: Choice[];
}

/** What the person sends. */
export interface RegistrationForm {
    professionCode: string;
    diploma: Diploma;
    department: string;
    email: string;
    phone: string;
    noRpps: boolean;
}

/** A registration as the agent examines it. */
export interface RegistrationCase {
    registration: Registration;
    professionLabel: string;
    departmentName: string;
    ars: string;
}

export interface RegistrationDecision {
    action: "accept" | "refuse";
    motif?: string;
}

export interface RegistrationEnv {
    fetch: (input: string, init: RequestInit) => Promise<Response>;
}

const enc = encodeURIComponent;

export function createRegistrationClient(env: RegistrationEnv) {
    async function send(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
        const headers: Record<string, string> = { Accept: "application/json" };
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
        }
        let response: Response;
        try {
            response = await env.fetch("/api/v1" + path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
        } catch {
            throw new ApiError("network", "Le serveur eRPPS ne répond pas. Vérifiez votre connexion au réseau, puis réessayez.");
        }
        const text = await response.text().catch(() => "");
        let parsed: unknown;
        try {
            parsed = text.trim() === "" ? undefined : (JSON.parse(text) as unknown);
        } catch {
            throw new ApiError("internal", `Le serveur a renvoyé une réponse illisible (HTTP ${response.status}).`);
        }
        if (!response.ok) {
            if (typeof parsed === "object" && parsed !== null && typeof (parsed as { code?: unknown }).code === "string") {
                throw toApiError(parsed);
            }
            throw new ApiError(response.status === 401 ? "unauthorized" : "internal", `Le serveur a refusé la demande (HTTP ${response.status}).`);
        }
        return parsed;
    }
    return {
        /** The person's identity and registration; unauthorized without a FranceConnect session. */
        state: async (): Promise<RegistrationState> => (await send("GET", "/registration")) as RegistrationState,
        /** Submits the form (invalid with the fields; conflict when one is already open or the person is in the register). */
        submit: async (form: RegistrationForm): Promise<Registration> => (await send("POST", "/registration", form)) as Registration,
        /** Ends the FranceConnect session of the form. */
        signOut: async (): Promise<void> => {
            await send("DELETE", "/franceconnect/session");
        },
        /** The registrations of the agent's region (status: one status, or all). */
        list: async (status?: RegistrationStatus): Promise<RegistrationCase[]> =>
            ((await send("GET", `/registrations${status === undefined ? "" : `?status=${status}`}`)) as { items: RegistrationCase[] }).items,
        /** One registration of the agent's region. */
        get: async (id: string): Promise<RegistrationCase> => (await send("GET", `/registrations/${enc(id)}`)) as RegistrationCase,
        /** Accepts (a new RPPS number) or refuses (a motif). */
        decide: async (id: string, d: RegistrationDecision): Promise<RegistrationCase> => (await send("POST", `/registrations/${enc(id)}/decisions`, d)) as RegistrationCase
    };
}

export type RegistrationClient = ReturnType<typeof createRegistrationClient>;

/** The client of the running page. */
export const registrations: RegistrationClient = createRegistrationClient({ fetch: (input, init) => window.fetch(input, init) });
