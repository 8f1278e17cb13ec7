import { describe, expect, it } from "vitest";
import { outcomeOf, safeContinue } from "./outcome";

describe("outcomeOf", () => {
    it("keeps the server's French reason for a refusal", () => {
        expect(outcomeOf({ status: "refused", message: "Mot de passe e-CPS incorrect." }, 120)).toEqual({ severity: "error", title: "Authentification refusée", message: "Mot de passe e-CPS incorrect." });
        expect(outcomeOf({ status: "refused" }, 120)?.message).toContain("refusée sur votre téléphone");
    });

    it("explains the expiry with the window and the clock hint", () => {
        const o = outcomeOf({ status: "expired" }, 120);
        expect(o?.title).toBe("Temps écoulé");
        expect(o?.message).toContain("Le délai de 120 secondes est écoulé");
        expect(o?.message).toContain("l'heure de votre téléphone");
    });

    it("says the user left", () => {
        expect(outcomeOf({ status: "cancelled" }, 120)?.title).toBe("Authentification quittée");
    });

    it("is null while pending and once approved", () => {
        expect(outcomeOf({ status: "pending" }, 120)).toBeNull();
        expect(outcomeOf({ status: "approved", continue: "/oidc/login/complete" }, 120)).toBeNull();
    });
});

describe("safeContinue", () => {
    it.each([
        ["/oidc/login/complete?authRequest=a&transaction=t", "/oidc/login/complete?authRequest=a&transaction=t"],
        ["//evil.example/x", null],
        ["/\\evil.example", null],
        ["https://evil.example/", null],
        ["javascript:alert(1)", null],
        [undefined, null]
    ])("%s", (url, want) => {
        expect(safeContinue(url)).toBe(want);
    });
});
