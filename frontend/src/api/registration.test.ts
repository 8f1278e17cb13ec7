import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { createRegistrationClient } from "./registration";

function json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("registration client", () => {
    it("sends the form to POST /api/v1/registration with the cookie", async () => {
        const fetch = vi.fn((_input: string, _init: RequestInit) => Promise.resolve(json(201, { id: "r" })));
        const c = createRegistrationClient({ fetch });
        await c.submit({ professionCode: "92", diploma: { title: "t", institution: "i", date: "2000-01-01" }, department: "75", email: "a@b.fr", phone: "", noRpps: true });
        const call = fetch.mock.calls[0];
        if (call === undefined) {
            throw new Error("no call");
        }
        const [input, init] = call;
        expect(input).toBe("/api/v1/registration");
        expect(init.method).toBe("POST");
        expect(init.credentials).toBe("same-origin");
        expect(JSON.parse(init.body as string)).toMatchObject({ professionCode: "92", noRpps: true });
    });

    it("turns the server's errors into ApiError with the fields", async () => {
        const c = createRegistrationClient({
            fetch: () => Promise.resolve(json(400, { code: "invalid", message: "Votre demande est incomplète.", fields: [{ field: "department", code: "unknown", message: "Choisissez." }] }))
        });
        const err = await c.submit({ professionCode: "", diploma: { title: "", institution: "", date: "" }, department: "", email: "", phone: "", noRpps: false }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).fieldMessage("department")).toBe("Choisissez.");
    });

    it("lists an agent's registrations by status and sends decisions", async () => {
        const fetch = vi.fn((input: string, _init: RequestInit) => Promise.resolve(json(200, input.includes("decisions") ? { registration: { id: "r" } } : { items: [] })));
        const c = createRegistrationClient({ fetch });
        expect(await c.list("submitted")).toEqual([]);
        expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/registrations?status=submitted");
        await c.list();
        expect(fetch.mock.calls[1]?.[0]).toBe("/api/v1/registrations");
        await c.decide("a/b", { action: "refuse", motif: "m" });
        expect(fetch.mock.calls[2]?.[0]).toBe("/api/v1/registrations/a%2Fb/decisions");
    });

    it("says the network is down", async () => {
        const c = createRegistrationClient({ fetch: () => Promise.reject(new TypeError("down")) });
        await expect(c.state()).rejects.toMatchObject({ code: "network" });
    });
});
