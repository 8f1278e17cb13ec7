import { describe, expect, it } from "vitest";
import { formatIDNPS, luhnValid, normaliseIdentifier } from "./identifier";

describe("luhnValid", () => {
    it.each([
        ["10001234567", false],
        ["10000000009", true],
        ["10000000008", false],
        ["99700771191", true],
        ["79927398713", true],
        ["79927398710", false],
        ["", false],
        ["12a", false]
    ])("%s → %s", (digits, want) => {
        expect(luhnValid(digits)).toBe(want);
    });
});

// 10000000009 and 79927398713 are valid Luhn numbers; 10000000008 is not.
describe("normaliseIdentifier", () => {
    it("adds the 8 in front of an 11-digit RPPS number and says so", () => {
        const id = normaliseIdentifier("10000000009");
        expect(id.ok).toBe(true);
        if (id.ok) {
            expect(id.idnps).toBe("810000000009");
            expect(id.rpps).toBe("10000000009");
            expect(id.prefixAdded).toBe(true);
            expect(id.message).toBe("Identifiant compris : 8 10000000009 (vous avez saisi votre numéro RPPS, le « 8 » a été ajouté devant.)");
        }
    });

    it("keeps a 12-digit IDNPS typed with its 8, with spaces and dots", () => {
        const id = normaliseIdentifier(" 8 799.2739.8713 ");
        expect(id.ok).toBe(true);
        if (id.ok) {
            expect(id.idnps).toBe("879927398713");
            expect(id.prefixAdded).toBe(false);
            expect(id.message).toBe("Identifiant compris : 8 79927398713 (« 8 » suivi de votre numéro RPPS 79927398713.)");
        }
    });

    it("checks the key on the 11 RPPS digits, not on the 12-digit IDNPS", () => {
        // 810000000009 as a whole fails Luhn, its RPPS part passes.
        expect(luhnValid("810000000009")).toBe(false);
        expect(normaliseIdentifier("810000000009").ok).toBe(true);
        const bad = normaliseIdentifier("810000000008");
        expect(bad.ok).toBe(false);
        expect(bad.message).toContain("Le numéro RPPS 10000000008 n'existe pas");
    });

    it.each([
        ["", "Indiquez votre identifiant", true],
        ["   ", "Indiquez votre identifiant", true],
        ["8100000000O9", "ne contient que des chiffres", false],
        ["310000000009", "commence par « 3 »", false],
        ["0751234567", "ADELI", false],
        ["1000000000", "Vous avez saisi 10 chiffres", false],
        ["8100000000090", "Vous avez saisi 13 chiffres", false],
        ["7", "Vous avez saisi 1 chiffre.", false],
        ["10000000008", "la clé", false]
    ])("refuses %j", (typed, fragment, empty) => {
        const id = normaliseIdentifier(typed);
        expect(id.ok).toBe(false);
        expect(id.message).toContain(fragment);
        if (!id.ok) {
            expect(id.empty).toBe(empty);
        }
    });

    it("accepts the ANS test identities starting with 99", () => {
        const id = normaliseIdentifier("899700771191");
        expect(id.ok && id.idnps).toBe("899700771191");
    });
});

describe("formatIDNPS", () => {
    it("sets the type prefix apart", () => {
        expect(formatIDNPS("810000000008")).toBe("8 10000000008");
        expect(formatIDNPS("123")).toBe("123");
    });
});
