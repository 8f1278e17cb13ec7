import { describe, expect, it } from "vitest";
import { maskEmail, maskPhone, nationalDisplay, phoneCheck, phoneRecognised, postalAddress, streetFieldValue, streetLine } from "./contactDisplay";

describe("phoneCheck", () => {
    const base = { typed: "06 12 34 56 78", validated: "06 12 34 56 78", error: undefined, guidance: [] as string[] };
    it("reads a validated number without error as valid, mobile unless warned", () => {
        expect(phoneCheck(base)).toEqual({ kind: "valid", national: "06 12 34 56 78", mobile: true });
        expect(phoneRecognised(phoneCheck(base))).toBe("Numéro reconnu : 06 12 34 56 78 (portable)");
    });
    it("says when the number is not a mobile", () => {
        const c = phoneCheck({ ...base, typed: "0142271234", validated: "0142271234", guidance: ["not_mobile"] });
        expect(phoneRecognised(c)).toBe("Numéro reconnu : 01 42 27 12 34 (pas un portable)");
    });
    it("claims nothing for a number not validated yet or refused", () => {
        expect(phoneCheck({ ...base, validated: "06 12 34 56" }).kind).toBe("unknown");
        expect(phoneCheck({ ...base, error: "Il manque des chiffres" }).kind).toBe("unknown");
        expect(phoneRecognised(phoneCheck({ ...base, error: "x" }))).toBe("");
    });
    it("is empty when nothing is typed", () => {
        expect(phoneCheck({ ...base, typed: " ", validated: " " }).kind).toBe("empty");
    });
});

describe("nationalDisplay", () => {
    it.each([
        ["06 12 34 56 78", "06 12 34 56 78"],
        ["+33 6 12 34 56 78", "06 12 34 56 78"],
        ["0033 6.12.34.56.78", "06 12 34 56 78"],
        ["0690123456", "06 90 12 34 56"],
        ["+262 692 12 34 56", "06 92 12 34 56"],
        ["+44 20 7946 0958", "+44 20 7946 0958"]
    ])("%s → %s", (typed, want) => {
        expect(nationalDisplay(typed)).toBe(want);
    });
});

describe("masks", () => {
    it.each([
        ["claire.martin@gmail.com", "c...n@gmail.com"],
        ["ab@x.fr", "a...@x.fr"],
        ["nope", ""]
    ])("maskEmail(%s)", (email, want) => {
        expect(maskEmail(email)).toBe(want);
    });
    it("masks a phone number but its first pair and last digits", () => {
        expect(maskPhone("06 12 34 56 78")).toBe("06 •• •• •• 78");
        expect(maskPhone("")).toBe("");
    });
});

describe("streetLine", () => {
    it("does not repeat the type of street already in its name", () => {
        expect(streetLine({ number: "21", streetType: "rue", street: "rue de la République", postalCode: "20200", city: "BASTIA" })).toBe("21 rue de la République");
    });
    it("joins a split street", () => {
        expect(streetLine({ number: "3", repetition: "bis", streetType: "avenue", street: "Foch", postalCode: "75016", city: "PARIS" })).toBe("3 bis avenue Foch");
    });
    it("writes the whole address on one line", () => {
        expect(postalAddress({ number: "21", streetType: "rue", street: "rue de la République", complement: "Bât. B", postalCode: "20200", city: "BASTIA", country: "France" })).toBe(
            "Bât. B, 21 rue de la République, 20200 BASTIA"
        );
    });
});

describe("streetFieldValue", () => {
    it("shows what is typed, spaces included, keystroke after keystroke", () => {
        let typed = "";
        for (const ch of "12 rue de la Paix ") {
            typed = streetFieldValue({ street: typed + ch, postalCode: "", city: "" });
        }
        expect(typed).toBe("12 rue de la Paix ");
    });
    it("joins a split street once, before any typing", () => {
        expect(streetFieldValue({ number: "3", streetType: "rue", street: "Pasteur", postalCode: "", city: "" })).toBe("3 rue Pasteur");
    });
});
