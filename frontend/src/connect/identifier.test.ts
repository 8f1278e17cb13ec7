import { describe, expect, it } from "vitest";
import { ApiError, type IdentifierReading } from "../api";
import { formatIDNPS, readIdentifier } from "./identifier";

// The rule itself is Go's (backend/ecps ReadIdentifier, its tests there).

describe("readIdentifier", () => {
    it("hands over the server's reading", async () => {
        const reading: IdentifierReading = { ok: true, idnps: "810000000009", rpps: "10000000009", prefixAdded: true, empty: false, message: "Identifiant compris : 8 10000000009 (…)" };
        const asked: string[] = [];
        const got = await readIdentifier("10000000009", typed => {
            asked.push(typed);
            return Promise.resolve(reading);
        });
        expect(asked).toEqual(["10000000009"]);
        expect(got).toEqual(reading);
    });

    it("tells a failure to ask as a reading that is not ok, with the error's French message", async () => {
        const got = await readIdentifier("10000000009", () => Promise.reject(new ApiError("network", "Le serveur e-CPS ne répond pas.")));
        expect(got).toEqual({ ok: false, empty: false, prefixAdded: false, message: "Le serveur e-CPS ne répond pas." });
        const other = await readIdentifier("1", () => Promise.reject(new Error("boom")));
        expect(other.ok).toBe(false);
        expect(other.message).toContain("Réessayez");
    });
});

describe("formatIDNPS", () => {
    it("sets the type prefix apart", () => {
        expect(formatIDNPS("810000000008")).toBe("8 10000000008");
        expect(formatIDNPS("123")).toBe("123");
    });
});
