import { describe, expect, it } from "vitest";
import { answerPayload, base64url, newDeviceKey, pendingPayload, publicJwk, sign } from "./signature";

// Node and the browsers share WebCrypto: globalThis.crypto.subtle.
const subtle = globalThis.crypto.subtle;

describe("signed payloads", () => {
    it("are the texts of the e-CPS API", () => {
        expect(pendingPayload("n0nce")).toBe("pending\nn0nce");
        expect(answerPayload("n0nce", "tx-1", "47")).toBe("answer\nn0nce\ntx-1\n47");
        expect(answerPayload("n0nce", "tx-2", true)).toBe("answer\nn0nce\ntx-2\ntrue");
        expect(answerPayload("n0nce", "tx-2", false)).toBe("answer\nn0nce\ntx-2\nfalse");
    });
});

describe("base64url", () => {
    it("uses - and _ and no padding", () => {
        expect(base64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
        expect(base64url(new Uint8Array([1]))).toBe("AQ");
        expect(base64url(new Uint8Array([]))).toBe("");
    });
});

function fromBase64url(s: string): Uint8Array<ArrayBuffer> {
    const binary = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, c => c.charCodeAt(0));
}

describe("device key", () => {
    it("signs r||s that the public JWK verifies, and keeps the private key inside", async () => {
        const pair = await newDeviceKey(subtle);
        expect(pair.privateKey.extractable).toBe(false);
        await expect(subtle.exportKey("jwk", pair.privateKey)).rejects.toThrow();

        const jwk = await publicJwk(subtle, pair.publicKey);
        expect(Object.keys(jwk).sort()).toEqual(["crv", "kty", "x", "y"]);
        expect(jwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);

        const text = answerPayload("abc", "tx", "12");
        const sig = await sign(subtle, pair.privateKey, text);
        expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/); // 64 bytes
        const verifier = await subtle.importKey("jwk", { ...jwk, ext: true }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
        const ok = await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, verifier, fromBase64url(sig), new TextEncoder().encode(text));
        expect(ok).toBe(true);
        const other = await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, verifier, fromBase64url(sig), new TextEncoder().encode(answerPayload("abc", "tx", "13")));
        expect(other).toBe(false);
    });
});
