import { ApiError, toApiError } from "./errors";

// The client of erpps-server's e-CPS routes (/api/v1/ecps): the connection
// page, the phone companion and the connection help call the server only
// through it. Every function rejects with an ApiError carrying a French
// message.

export interface EcpsEnv {
    fetch: (input: string, init: RequestInit) => Promise<Response>;
}

export type Channel = "email" | "sms";

export interface MaskedChannel {
    channel: Channel;
    /** Where the code goes, partly hidden: « c…l@gmail.com », « 06 •• •• •• 42 ». */
    masked: string;
}

export interface Ars {
    name: string;
    contact: string;
}

/** What the server understood of an identifier being typed (ecps.ReadIdentifier in Go: the rule lives there only). */
export interface IdentifierReading {
    ok: boolean;
    /** "8" + RPPS, 12 digits, when ok. */
    idnps?: string;
    rpps?: string;
    /** The "8" was added (the number was typed without it). */
    prefixAdded: boolean;
    /** Nothing was typed. */
    empty: boolean;
    /** « Identifiant compris : 8 10001234567 (…) », or what is wrong. */
    message: string;
}

export interface ActivationLookup {
    identifier: string;
    channels: MaskedChannel[];
    ars: Ars;
}

export interface ActivationSent {
    masked: string;
    expiresInSeconds: number;
}

/** The device's public key as a JWK (EC P-256). */
export interface DeviceJwk {
    kty: "EC";
    crv: "P-256";
    x: string;
    y: string;
}

export interface ActivationConfirm {
    identifier: string;
    channel: Channel;
    code: string;
    password: string;
    device: { publicKey: DeviceJwk; name: string };
}

export interface Enrolled {
    deviceId: string;
    identifier: string;
}

export interface Challenge {
    nonce: string;
    expiresAt: string;
}

export interface PendingLogin {
    id: string;
    type: "login";
    label: string;
    choices: string[];
    expiresAt: string;
}

export interface PendingApproval {
    id: string;
    type: "approval";
    label: string;
    bindingCode: string;
    expiresAt: string;
}

export type PendingItem = PendingLogin | PendingApproval;

export interface Pending {
    serverTime: string;
    pending: PendingItem[];
}

export interface Signed {
    deviceId: string;
    nonce: string;
    signature: string;
}

export type AnswerInput = Signed & { transactionId: string; password: string } & ({ choice: string } | { approve: boolean });

export interface AnswerResult {
    status: "approved" | "refused";
    message?: string;
}

export interface LoginStarted {
    id: string;
    code: string;
    expiresAt: string;
    seconds: number;
}

export type LoginStatus = "pending" | "approved" | "refused" | "expired" | "cancelled";

export interface LoginState {
    status: LoginStatus;
    message?: string;
    continue?: string;
}

const PREFIX = "/api/v1/ecps";

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null;
}

function unreadable(status: number): ApiError {
    return new ApiError("internal", `Le serveur a renvoyé une réponse illisible (HTTP ${status}). Réessayez ; si le problème persiste, contactez le support.`);
}

/** companionPath is the phone companion's page, with the identifier to prefill when known (in the fragment: it never reaches the server). */
export function companionPath(identifier?: string): string {
    return identifier === undefined || identifier === "" ? "/mobile" : `/mobile#identifiant=${encodeURIComponent(identifier)}`;
}

/** companionQrPath is the address of the QR code (SVG, drawn by the server) that opens the phone companion. */
export function companionQrPath(): string {
    return `${PREFIX}/companion.svg`;
}

export function createEcpsClient(env: EcpsEnv) {
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
                cache: "no-store",
                body: body === undefined ? undefined : JSON.stringify(body)
            });
        } catch {
            throw new ApiError("network", "Le serveur e-CPS ne répond pas. Vérifiez votre connexion au réseau, puis réessayez.");
        }
        const text = await response.text().catch(() => "");
        let parsed: unknown;
        try {
            parsed = text.trim() === "" ? undefined : (JSON.parse(text) as unknown);
        } catch {
            throw unreadable(response.status);
        }
        if (!response.ok) {
            if (isRecord(parsed) && typeof parsed.code === "string") {
                throw toApiError(parsed);
            }
            if (response.status === 429) {
                throw new ApiError("too_many", "Trop de tentatives. Patientez quelques minutes, puis réessayez.");
            }
            throw new ApiError("internal", `Le serveur a refusé la demande (HTTP ${response.status}).`);
        }
        return parsed;
    }

    async function object<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
        const data = await send(method, path, body);
        if (!isRecord(data)) {
            throw unreadable(200);
        }
        return data as T;
    }

    return {
        /** The server's time (RFC 3339), to check the phone's clock. */
        time: async (): Promise<string> => {
            const data = await object<{ now?: unknown }>("GET", "/time");
            if (typeof data.now !== "string") {
                throw unreadable(200);
            }
            return data.now;
        },
        /** What the server understands of an identifier being typed (nothing is looked up). */
        readIdentifier: (identifier: string): Promise<IdentifierReading> => object("POST", "/identifier", { identifier }),
        /** Where an activation code would go (masked) and the practitioner's ARS; the same shape whether or not the identifier exists. */
        lookup: (identifier: string): Promise<ActivationLookup> => object("POST", "/activation/lookup", { identifier }),
        /** Sends an activation code by e-mail or SMS (too_many when sent too often). */
        sendCode: (identifier: string, channel: Channel): Promise<ActivationSent> => object("POST", "/activation/send", { identifier, channel }),
        /** Enrols this phone: the code received, the new e-CPS password and the device's public key. */
        confirm: (input: ActivationConfirm): Promise<Enrolled> => object("POST", "/activation/confirm", input),
        /** A single-use nonce for the device's next signed call. */
        challenge: (deviceId: string): Promise<Challenge> => object("POST", "/device/challenge", { deviceId }),
        /** The requests waiting for this phone (signed over « pending\n<nonce> »). */
        pending: async (input: Signed): Promise<Pending> => {
            const data = await object<Partial<Pending>>("POST", "/device/pending", input);
            return { serverTime: typeof data.serverTime === "string" ? data.serverTime : "", pending: Array.isArray(data.pending) ? data.pending : [] };
        },
        /** Answers a login (choice) or an approval (approve), signed over « answer\n<nonce>\n<id>\n<choice or approve> ». */
        answer: (input: AnswerInput): Promise<AnswerResult> => object("POST", "/device/answer", input),
        /** Starts the computer's login for an OIDC authorization request: the code to show and the seconds left. */
        startLogin: (authRequestId: string, identifier: string): Promise<LoginStarted> => object("POST", "/login", { authRequestId, identifier }),
        /** Where the login stands. */
        loginState: (id: string): Promise<LoginState> => object("GET", `/login/${encodeURIComponent(id)}`),
        /** « Quitter l'authentification ». */
        cancelLogin: async (id: string): Promise<void> => {
            await send("DELETE", `/login/${encodeURIComponent(id)}`);
        }
    };
}

export type EcpsClient = ReturnType<typeof createEcpsClient>;

/** The e-CPS client of the running page. */
export const ecps: EcpsClient = createEcpsClient({ fetch: (input, init) => window.fetch(input, init) });
