import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { createServerClient, isServerMode, queueSearch, sessionOf } from "./server";

function jsonResponse(status: number, body: unknown): Response {
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function client(respond: (input: string, init: RequestInit) => Promise<Response>) {
    const fetch = vi.fn(respond);
    return { c: createServerClient({ fetch }), fetch };
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

const session = {
    id: "s1",
    account: { id: "agent-28", login: "agent.normandie@ars.example", role: "ars_agent", name: "Camille Martin", region: "28", disabled: false, createdAt: "2026-01-01T00:00:00Z" },
    createdAt: "2026-12-01T10:00:00Z",
    expiresAt: "2026-12-01T18:00:00Z"
};

describe("server client", () => {
    it("signs in with POST /api/v1/session and the credentials as JSON, same origin", async () => {
        const { c, fetch } = client(() => Promise.resolve(jsonResponse(201, session)));
        const got = await c.signIn({ login: "agent.normandie@ars.example", password: "secret pass" });
        expect(got.account.name).toBe("Camille Martin");
        const [url, init] = fetch.mock.calls[0] ?? [];
        expect(url).toBe("/api/v1/session");
        expect(init?.method).toBe("POST");
        expect(init?.credentials).toBe("same-origin");
        expect(JSON.parse(init?.body as string)).toEqual({ login: "agent.normandie@ars.example", password: "secret pass" });
    });

    it("reads a session wrapped with a token as well", () => {
        expect(sessionOf({ token: "abc", session }).account.id).toBe("agent-28");
        expect(() => sessionOf({ token: "abc" })).toThrow(ApiError);
    });

    it("turns the server's error shape into an ApiError with its code and French message", async () => {
        const { c } = client(() => Promise.resolve(jsonResponse(401, { code: "unauthorized", message: "Identifiant ou mot de passe incorrect." })));
        const e = await rejection(c.signIn({ login: "x", password: "y" }));
        expect(e.code).toBe("unauthorized");
        expect(e.message).toBe("Identifiant ou mot de passe incorrect.");
    });

    it("says a 401 without a body ended the session, and a network failure in French", async () => {
        const bare = client(() => Promise.resolve(new Response(null, { status: 401 })));
        expect((await rejection(bare.c.session())).code).toBe("unauthorized");
        const down = client(() => Promise.reject(new TypeError("Failed to fetch")));
        const e = await rejection(down.c.queue({}));
        expect(e.code).toBe("network");
        expect(e.message).toContain("Le serveur eRPPS ne répond pas");
    });

    it("reports an unreadable answer", async () => {
        const { c } = client(() => Promise.resolve(new Response("<html>", { status: 502 })));
        const e = await rejection(c.getCase("r1"));
        expect(e.code).toBe("internal");
        expect(e.message).toContain("HTTP 502");
    });

    it("gets the queue with the filters in the query string", async () => {
        const { c, fetch } = client(() => Promise.resolve(jsonResponse(200, { items: [], total: 0, offset: 0, limit: 20 })));
        await c.queue({ status: "under_review", department: "76", kind: "contact", minAgeDays: 30, page: 2 });
        expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/queue?status=under_review&department=76&kind=contact&age=30&page=2");
        expect(fetch.mock.calls[0]?.[1].method).toBe("GET");
    });

    it("posts a decision to the request and returns the case the server sends back", async () => {
        const theCase = { request: { id: "r/1" }, record: {}, changes: [], decisions: [], actions: [], ars: "ARS Normandie" };
        const { c, fetch } = client(() => Promise.resolve(jsonResponse(200, theCase)));
        const got = await c.decide("r/1", { action: "refuse", baseRevision: 4, reason: "Pièce manquante" });
        expect(got?.ars).toBe("ARS Normandie");
        const [url, init] = fetch.mock.calls[0] ?? [];
        expect(url).toBe("/api/v1/requests/r%2F1/decisions");
        expect(JSON.parse(init?.body as string)).toEqual({ action: "refuse", baseRevision: 4, reason: "Pièce manquante" });
        const empty = client(() => Promise.resolve(new Response(null, { status: 204 })));
        expect(await empty.c.decide("r1", { action: "take", baseRevision: 1 })).toBeUndefined();
    });

    it("signs out with DELETE /api/v1/session", async () => {
        const { c, fetch } = client(() => Promise.resolve(new Response(null, { status: 204 })));
        await c.signOut();
        expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/session");
        expect(fetch.mock.calls[0]?.[1].method).toBe("DELETE");
    });
});

describe("queueSearch", () => {
    it("leaves out the defaults", () => {
        expect(queueSearch({})).toBe("");
        expect(queueSearch({ department: "", minAgeDays: 0, page: 1 })).toBe("");
        expect(queueSearch({ department: "2A" })).toBe("?department=2A");
    });
});

describe("isServerMode", () => {
    it("reads the meta tag erpps-server writes", () => {
        const doc = (content: string | null) => ({ querySelector: () => (content === null ? null : { getAttribute: () => content }) }) as unknown as Document;
        expect(isServerMode(doc("server"))).toBe(true);
        expect(isServerMode(doc("desktop"))).toBe(false);
        expect(isServerMode(doc(null))).toBe(false);
        expect(isServerMode(undefined)).toBe(false);
    });
});
