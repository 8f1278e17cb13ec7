import { describe, expect, it } from "vitest";
import type { AnswerInput, Signed } from "../../api";
import { newDeviceKey } from "../signature";
import { answerApproval, answerLogin, deviceName, fetchPending } from "./deviceCalls";

const subtle = globalThis.crypto.subtle;

function fromBase64url(s: string): Uint8Array<ArrayBuffer> {
    const binary = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, c => c.charCodeAt(0));
}

async function verifies(key: CryptoKey, signature: string, text: string): Promise<boolean> {
    return subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, fromBase64url(signature), new TextEncoder().encode(text));
}

function fakeServer() {
    let n = 0;
    const sent: (Signed | AnswerInput)[] = [];
    const client = {
        challenge: (deviceId: string) => {
            expect(deviceId).toBe("dev-1");
            n++;
            return Promise.resolve({ nonce: `nonce-${n}`, expiresAt: "" });
        },
        pending: (s: Signed) => {
            sent.push(s);
            return Promise.resolve({ serverTime: "t", pending: [] });
        },
        answer: (a: AnswerInput) => {
            sent.push(a);
            return Promise.resolve({ status: "approved" as const });
        }
    };
    return { client, sent };
}

describe("signed calls", () => {
    it("sign the exact payload texts with a fresh nonce each", async () => {
        const keys = await newDeviceKey(subtle);
        const device = { deviceId: "dev-1", privateKey: keys.privateKey };
        const { client, sent } = fakeServer();

        await fetchPending(client, subtle, device);
        await answerLogin(client, subtle, device, "tx-7", "secret-pw", "47");
        await answerApproval(client, subtle, device, "ap-3", "secret-pw", true);
        await answerApproval(client, subtle, device, "ap-4", "secret-pw", false);

        expect(sent.map(s => s.nonce)).toEqual(["nonce-1", "nonce-2", "nonce-3", "nonce-4"]);
        const [pending, login, approve, refuse] = sent;
        expect(await verifies(keys.publicKey, pending?.signature ?? "", "pending\nnonce-1")).toBe(true);
        expect(await verifies(keys.publicKey, login?.signature ?? "", "answer\nnonce-2\ntx-7\n47")).toBe(true);
        expect(await verifies(keys.publicKey, approve?.signature ?? "", "answer\nnonce-3\nap-3\ntrue")).toBe(true);
        expect(await verifies(keys.publicKey, refuse?.signature ?? "", "answer\nnonce-4\nap-4\nfalse")).toBe(true);
        // A signature does not fit another payload.
        expect(await verifies(keys.publicKey, login?.signature ?? "", "answer\nnonce-2\ntx-7\n12")).toBe(false);
        expect(login).toMatchObject({ deviceId: "dev-1", transactionId: "tx-7", password: "secret-pw", choice: "47" });
        expect(approve).toMatchObject({ transactionId: "ap-3", approve: true });
    });
});

describe("deviceName", () => {
    it.each([
        ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", "iPhone"],
        ["Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari", "Téléphone Android"],
        ["Mozilla/5.0 (Linux; Android 14; SM-X200) Safari", "Tablette Android"],
        ["Mozilla/5.0 (X11; Linux x86_64)", "Navigateur"]
    ])("%s", (ua, want) => {
        expect(deviceName(ua)).toBe(want);
    });
});
