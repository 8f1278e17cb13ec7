import { describe, expect, it } from "vitest";
import { addressLines, formatDate, formatDateTime, formatPhone, formatSIRET, isoDay, plural } from "./format";

describe("formatDate", () => {
    it.each([
        ["2026-11-27", "27 novembre 2026"],
        ["2025-03-01", "1er mars 2025"],
        ["2024-08-15", "15 août 2024"],
        ["2024-02-09", "9 février 2024"],
        ["", ""],
        ["n'importe quoi", ""],
        ["2024-13-01", ""]
    ])("%s → %s", (input, want) => {
        expect(formatDate(input)).toBe(want);
    });

    it("formats an instant in local time", () => {
        const d = new Date(2026, 10, 27, 23, 30);
        expect(formatDate(d.toISOString())).toBe("27 novembre 2026");
    });
});

describe("formatDateTime", () => {
    it("adds the local hour and minutes", () => {
        const d = new Date(2026, 0, 1, 9, 5);
        expect(formatDateTime(d.toISOString())).toBe("1er janvier 2026 à 09 h 05");
    });
    it("keeps a plain day as a day", () => {
        expect(formatDateTime("2026-11-27")).toBe("27 novembre 2026");
    });
});

describe("isoDay", () => {
    it("gives the local calendar day", () => {
        expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    });
});

describe("formatPhone", () => {
    it.each([
        ["+33612345678", "06 12 34 56 78"],
        ["+33145678901", "01 45 67 89 01"],
        ["+262692123456", "06 92 12 34 56"],
        ["+590590123456", "05 90 12 34 56"],
        ["0612345678", "06 12 34 56 78"],
        ["+4930123456", "+4930123456"],
        ["", ""]
    ])("%s → %s", (input, want) => {
        expect(formatPhone(input)).toBe(want);
    });
});

describe("addressLines", () => {
    it("writes the lines in La Poste order and leaves out empty ones", () => {
        expect(
            addressLines({
                number: "12",
                repetition: "bis",
                streetType: "rue",
                street: "de la République",
                postalCode: "34000",
                city: "Montpellier",
                country: "France"
            })
        ).toEqual(["12 bis rue de la République", "34000 Montpellier"]);
    });

    it("does not repeat a type of street already in the street's line", () => {
        expect(addressLines({ number: "3", streetType: "rue", street: "rue Pasteur", postalCode: "75011", city: "PARIS" })).toEqual([
            "3 rue Pasteur",
            "75011 PARIS"
        ]);
    });

    it("keeps the complement, the distribution and the cedex", () => {
        expect(
            addressLines({
                complement: "Bâtiment B",
                distribution: "BP 42",
                postalCode: "31000",
                city: "Toulouse",
                cedex: "9"
            })
        ).toEqual(["Bâtiment B", "BP 42", "31000 Toulouse CEDEX 9"]);
    });
});

describe("formatSIRET", () => {
    it("groups a 14-digit SIRET", () => {
        expect(formatSIRET("73282932000074")).toBe("732 829 320 00074");
    });
    it("leaves anything else as it is", () => {
        expect(formatSIRET("12345")).toBe("12345");
    });
});

describe("plural", () => {
    it("agrees with the count", () => {
        expect(plural(1, "demande", "demandes")).toBe("1 demande");
        expect(plural(3, "demande", "demandes")).toBe("3 demandes");
        expect(plural(0, "demande", "demandes")).toBe("0 demande");
    });
});
