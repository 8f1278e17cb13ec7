import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { createTransport, type TransportEnv } from "./transport";

function httpEnv(respond: (input: string, init: RequestInit) => Promise<Response>) {
    const fetch = vi.fn(respond);
    const env: TransportEnv = { bindings: () => undefined, fetch };
    return { env, fetch };
}

function jsonResponse(status: number, body: unknown): Response {
    return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { "Content-Type": "application/json" }
    });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
    try {
        await promise;
    } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        return e as ApiError;
    }
    throw new Error("the call did not reject");
}

describe("HTTP transport", () => {
    it("posts the positional arguments as a JSON array to /api/{Method}", async () => {
        const { env, fetch } = httpEnv(() => Promise.resolve(jsonResponse(200, { rpps: "10001234567" })));
        const t = createTransport(env);

        const got = await t.call<{ rpps: string }>("GetPractitioner", "10001234567");

        expect(got).toEqual({ rpps: "10001234567" });
        expect(fetch).toHaveBeenCalledTimes(1);
        const [url, init] = fetch.mock.calls[0] ?? [];
        expect(url).toBe("/api/GetPractitioner");
        expect(init?.method).toBe("POST");
        expect(new Headers(init?.headers).get("Content-Type")).toBe("application/json");
        expect(init?.body).toBe(JSON.stringify(["10001234567"]));
        expect(t.isDesktop()).toBe(false);
    });

    it("sends an empty array for a method without arguments", async () => {
        const { env, fetch } = httpEnv(() => Promise.resolve(jsonResponse(200, { version: "1" })));
        await createTransport(env).call("AppInfo");
        expect(fetch.mock.calls[0]?.[1].body).toBe("[]");
    });

    it("resolves undefined on an empty successful body", async () => {
        const { env } = httpEnv(() => Promise.resolve(new Response(null, { status: 204 })));
        await expect(createTransport(env).call("DeleteDraft", "r1")).resolves.toBeUndefined();
    });

    it("throws the error body of a non-2xx answer as an ApiError with its fields", async () => {
        const body = {
            code: "invalid",
            message: "La demande contient des erreurs.",
            fields: [{ field: "endDate", code: "invalid", message: "La date de fin est obligatoire." }]
        };
        const { env } = httpEnv(() => Promise.resolve(jsonResponse(400, body)));

        const err = await rejection(createTransport(env).call("SaveDraft", "r1", {}));

        expect(err.code).toBe("invalid");
        expect(err.message).toBe("La demande contient des erreurs.");
        expect(err.fields).toEqual(body.fields);
        expect(err.fieldMessage("endDate")).toBe("La date de fin est obligatoire.");
        expect(err.fieldMessage("reasonCode")).toBeUndefined();
    });

    it("throws a network error when the service cannot be reached", async () => {
        const { env } = httpEnv(() => Promise.reject(new TypeError("Failed to fetch")));
        const err = await rejection(createTransport(env).call("AppInfo"));
        expect(err.code).toBe("network");
        expect(err.message).toMatch(/ne répond pas/);
    });

    it("throws an internal error on an unreadable body", async () => {
        const { env } = httpEnv(() => Promise.resolve(new Response("<html>oops</html>", { status: 502 })));
        const err = await rejection(createTransport(env).call("AppInfo"));
        expect(err.code).toBe("internal");
        expect(err.message).toMatch(/HTTP 502/);
    });

    it("throws an internal error on a non-2xx answer without a body", async () => {
        const { env } = httpEnv(() => Promise.resolve(new Response(null, { status: 500 })));
        const err = await rejection(createTransport(env).call("AppInfo"));
        expect(err.code).toBe("internal");
        expect(err.message).toMatch(/HTTP 500/);
    });
});

describe("Wails transport", () => {
    // Wails rejects with the value of Go's ErrorFormatter, not an Error.
    /* eslint-disable @typescript-eslint/prefer-promise-reject-errors */
    function wailsEnv(bindings: Record<string, (...args: unknown[]) => Promise<unknown>>) {
        const fetch = vi.fn(() => Promise.reject(new Error("fetch must not be used in the desktop window")));
        const env: TransportEnv = { bindings: () => bindings, fetch };
        return { env, fetch };
    }

    it("calls the bound method with the positional arguments and never fetches", async () => {
        const listRequests = vi.fn((filter: unknown) => Promise.resolve(filter === undefined ? [] : [{ id: "r1" }]));
        const { env, fetch } = wailsEnv({ ListRequests: listRequests });
        const t = createTransport(env);

        const got = await t.call("ListRequests", { rpps: "10001234567", statuses: ["draft"] });

        expect(got).toEqual([{ id: "r1" }]);
        expect(listRequests).toHaveBeenCalledWith({ rpps: "10001234567", statuses: ["draft"] });
        expect(fetch).not.toHaveBeenCalled();
        expect(t.isDesktop()).toBe(true);
    });

    it("turns a rejected {code, message, fields} object into the same ApiError as HTTP", async () => {
        const { env } = wailsEnv({
            SaveDraft: () =>
                Promise.reject({ code: "invalid", message: "Erreurs.", fields: [{ field: "email", code: "invalid", message: "Adresse invalide." }] })
        });
        const err = await rejection(createTransport(env).call("SaveDraft", "r1", {}));
        expect(err.code).toBe("invalid");
        expect(err.message).toBe("Erreurs.");
        expect(err.fields).toEqual([{ field: "email", code: "invalid", message: "Adresse invalide." }]);
    });

    it("parses an error object sent as JSON text", async () => {
        const { env } = wailsEnv({
            GetPractitioner: () => Promise.reject(JSON.stringify({ code: "not_found", message: "Aucun dossier RPPS n'a ce numéro." }))
        });
        const err = await rejection(createTransport(env).call("GetPractitioner", "1"));
        expect(err.code).toBe("not_found");
        expect(err.message).toBe("Aucun dossier RPPS n'a ce numéro.");
        expect(err.fields).toEqual([]);
    });

    it("keeps a plain string rejection as the message", async () => {
        const { env } = wailsEnv({ AppInfo: () => Promise.reject("la base locale est verrouillée") });
        const err = await rejection(createTransport(env).call("AppInfo"));
        expect(err.code).toBe("internal");
        expect(err.message).toBe("la base locale est verrouillée");
    });

    it("shows a generic French message, not the cause, for an unknown rejection", async () => {
        const { env } = wailsEnv({ AppInfo: () => Promise.reject(new Error("sql: database is locked at store.go:42")) });
        const err = await rejection(createTransport(env).call("AppInfo"));
        expect(err.code).toBe("internal");
        expect(err.message).not.toMatch(/sql|store\.go/);
    });

    it("reports a method the binary does not have", async () => {
        const { env } = wailsEnv({});
        const err = await rejection(createTransport(env).call("VerifyAttestation", "x"));
        expect(err.code).toBe("internal");
        expect(err.message).toMatch(/VerifyAttestation/);
    });
});
