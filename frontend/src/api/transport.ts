import { ApiError, networkError, toApiError } from "./errors";

// The one way the UI reaches Go. In the Wails desktop window the bound methods
// live at window.go.app.App (put there by Wails: never define a global `go`);
// in a browser (`erpps web`, kiosk) the same methods are served as
// POST /api/{Method} with the positional arguments as a JSON array.

type BoundMethod = (...args: unknown[]) => Promise<unknown>;
type Bindings = Partial<Record<string, BoundMethod>>;

declare global {
    interface Window {
        go?: { app?: { App?: Bindings } };
    }
}

export type Call = <T>(method: string, ...args: unknown[]) => Promise<T>;

export interface TransportEnv {
    /** The Wails bindings, when running in the desktop window. */
    bindings: () => Bindings | undefined;
    fetch: (input: string, init: RequestInit) => Promise<Response>;
}

export interface Transport {
    call: Call;
    /** True in the Wails desktop window, false in a browser. */
    isDesktop: () => boolean;
}

const API_PREFIX = "/api/";

async function readJSON(response: Response): Promise<unknown> {
    const text = await response.text();
    if (text.trim() === "") {
        return undefined;
    }
    return JSON.parse(text) as unknown;
}

async function callHTTP(env: TransportEnv, method: string, args: unknown[]): Promise<unknown> {
    let response: Response;
    try {
        response = await env.fetch(API_PREFIX + method, {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify(args)
        });
    } catch {
        throw networkError();
    }
    let body: unknown;
    try {
        body = await readJSON(response);
    } catch {
        throw new ApiError(
            "internal",
            `Le service a renvoyé une réponse illisible (HTTP ${response.status}). Réessayez ; si le problème persiste, contactez le support.`
        );
    }
    if (!response.ok) {
        if (body === undefined) {
            throw new ApiError("internal", `Le service a refusé la demande (HTTP ${response.status}).`);
        }
        throw toApiError(body);
    }
    return body;
}

async function callWails(bound: BoundMethod, args: unknown[]): Promise<unknown> {
    try {
        return await bound(...args);
    } catch (reason) {
        throw toApiError(reason);
    }
}

/** createTransport builds a transport over an environment (the window, or fakes in tests). */
export function createTransport(env: TransportEnv): Transport {
    const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
        const bindings = env.bindings();
        if (bindings !== undefined) {
            const bound = bindings[method];
            if (bound === undefined) {
                throw new ApiError("internal", `La fonction « ${method} » n'existe pas dans cette version de l'application.`);
            }
            return (await callWails(bound, args)) as T;
        }
        return (await callHTTP(env, method, args)) as T;
    };
    return { call, isDesktop: () => env.bindings() !== undefined };
}

/** The transport of the running page. */
export const transport: Transport = createTransport({
    bindings: () => (typeof window === "undefined" ? undefined : window.go?.app?.App),
    fetch: (input, init) => window.fetch(input, init)
});
