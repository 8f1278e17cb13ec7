import { describe, expect, it } from "vitest";
import { clockSkew, clockWarning, MAX_CLOCK_SKEW_MS } from "./clock";

const server = "2026-12-01T10:00:00.000Z";
const serverMs = Date.parse(server);

describe("clockSkew", () => {
    it("takes the server's time at the middle of the round trip", () => {
        expect(clockSkew(server, serverMs - 200, serverMs + 200)).toBe(0);
        expect(clockSkew(server, serverMs + 40_000, serverMs + 40_400)).toBe(40_200);
        expect(clockSkew(server, serverMs - 95_000, serverMs - 94_000)).toBe(-94_500);
    });

    it("reads RFC 3339 with nanoseconds and offsets", () => {
        expect(clockSkew("2026-12-01T11:00:00.123456789+01:00", serverMs, serverMs)).toBe(-123);
    });

    it("is NaN when the server's time cannot be read", () => {
        expect(clockSkew("hier", 0, 0)).toBeNaN();
    });
});

describe("clockWarning", () => {
    it("stays silent within 30 seconds either way", () => {
        expect(clockWarning(0)).toBeNull();
        expect(clockWarning(MAX_CLOCK_SKEW_MS)).toBeNull();
        expect(clockWarning(-MAX_CLOCK_SKEW_MS)).toBeNull();
        expect(clockWarning(Number.NaN)).toBeNull();
    });

    it("warns beyond 30 seconds, saying which way and how much", () => {
        expect(clockWarning(31_000)).toMatch(/^L'heure de votre téléphone est en avance de 31 s sur celle du serveur\./);
        expect(clockWarning(-125_000)).toContain("en retard de 2 min 5 s");
        expect(clockWarning(3_600_000 + 120_000)).toContain("en avance de 1 h 2 min");
        expect(clockWarning(-45_000)).toContain("réglez l'heure de votre téléphone en automatique");
    });
});
