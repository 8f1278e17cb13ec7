import { describe, expect, it } from "vitest";
import { companionPath, createEcpsClient } from "./ecps";
import { ApiError } from "./errors";

interface Call {
    url: string;
    method: string;
    body: unknown;
}

function fake(status: number, reply: unknown) {
    const calls: Call[] = [];
    const client = createEcpsClient({
        fetch: (url, init) => {
            calls.push({ url, method: init.method ?? "GET", body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined });
            return Promise.resolve(new Response(reply === undefined ? null : JSON.stringify(reply), { status }));
        }
    });
    return { client, calls };
}

describe("e-CPS client", () => {
    it("calls the routes of the e-CPS API with their bodies", async () => {
        const { client, calls } = fake(200, { now: "2026-12-01T10:00:00Z", id: "t", status: "pending", pending: [], serverTime: "x" });
        await client.time();
        await client.lookup("810000000009");
        await client.sendCode("810000000009", "sms");
        await client.challenge("d1");
        await client.pending({ deviceId: "d1", nonce: "n", signature: "s" });
        await client.answer({ deviceId: "d1", nonce: "n", signature: "s", transactionId: "t1", password: "p", choice: "47" });
        await client.startLogin("ar1", "810000000009");
        await client.loginState("a/b");
        expect(calls.map(c => `${c.method} ${c.url}`)).toEqual([
            "GET /api/v1/ecps/time",
            "POST /api/v1/ecps/activation/lookup",
            "POST /api/v1/ecps/activation/send",
            "POST /api/v1/ecps/device/challenge",
            "POST /api/v1/ecps/device/pending",
            "POST /api/v1/ecps/device/answer",
            "POST /api/v1/ecps/login",
            "GET /api/v1/ecps/login/a%2Fb"
        ]);
        expect(calls[2]?.body).toEqual({ identifier: "810000000009", channel: "sms" });
        expect(calls[5]?.body).toEqual({ deviceId: "d1", nonce: "n", signature: "s", transactionId: "t1", password: "p", choice: "47" });
        expect(calls[6]?.body).toEqual({ authRequestId: "ar1", identifier: "810000000009" });
    });

    it("cancels with DELETE and accepts 204", async () => {
        const { client, calls } = fake(204, undefined);
        await client.cancelLogin("t9");
        expect(calls[0]).toMatchObject({ method: "DELETE", url: "/api/v1/ecps/login/t9" });
    });

    it("keeps the server's French messages", async () => {
        const { client } = fake(401, { code: "unauthorized", message: "Code incorrect ou expiré." });
        const err = await client.confirm({ identifier: "8", channel: "email", code: "1", password: "p", device: { name: "x", publicKey: { kty: "EC", crv: "P-256", x: "a", y: "b" } } }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).code).toBe("unauthorized");
        expect((err as ApiError).message).toBe("Code incorrect ou expiré.");
    });

    it("says too many tries on a bare 429 and unreachable when fetch fails", async () => {
        const { client } = fake(429, undefined);
        await expect(client.sendCode("8", "email")).rejects.toMatchObject({ code: "too_many" });
        const down = createEcpsClient({ fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
        await expect(down.time()).rejects.toMatchObject({ code: "network" });
    });

    it("refuses a time reply without its time", async () => {
        const { client } = fake(200, { when: "now" });
        await expect(client.time()).rejects.toBeInstanceOf(ApiError);
    });

    it("puts the identifier of the companion link in its fragment", () => {
        expect(companionPath()).toBe("/mobile");
        expect(companionPath("810000000009")).toBe("/mobile#identifiant=810000000009");
    });
});
