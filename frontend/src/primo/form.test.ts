import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import type { Identity, RegistrationState } from "../api/registration";
import { idnps, initialDraft, pageError, screenOf, serverErrors, toWire, withoutError, type Draft } from "./form";

const angela: Identity = { subject: "s", givenName: "Angela Claire Louise", familyName: "DUBOIS", birthDate: "1962-08-24", gender: "female", email: "angela@example.org" };

function good(): Draft {
    return { ...initialDraft(angela), professionCode: "92", diplomaTitle: " Certificat de capacité d'orthoptiste ", diplomaInstitution: "Sorbonne Université", diplomaDate: "1986-06-30", department: "75", noRpps: true };
}

describe("primo-registration form", () => {
    it("starts with FranceConnect's e-mail and nothing declared", () => {
        const d = initialDraft(angela);
        expect(d.email).toBe("angela@example.org");
        expect(d.noRpps).toBe(false);
        expect(initialDraft({ ...angela, email: undefined }).email).toBe("");
    });

    it("accepts a complete form and sends it trimmed", () => {
        expect(toWire(good())).toEqual({
            professionCode: "92",
            diploma: { title: "Certificat de capacité d'orthoptiste", institution: "Sorbonne Université", date: "1986-06-30" },
            department: "75",
            email: "angela@example.org",
            phone: "",
            noRpps: true
        });
    });

    it("drops the error of a field once it is changed, and only that one", () => {
        const errors = { "diploma.title": "Indiquez l'intitulé de votre diplôme.", department: "Choisissez le département." };
        expect(Object.keys(withoutError(errors, "diplomaTitle"))).toEqual(["department"]);
        expect(withoutError(errors, "phone")).toBe(errors);
    });

    it("puts the server's field errors on the fields it knows", () => {
        const err = new ApiError("invalid", "Votre demande est incomplète.", [
            { field: "professionCode", code: "other_authority", message: "La profession « Médecin » s'enregistre auprès de l'Ordre." },
            { field: "phone", code: "not_mobile", message: "Numéro de mobile attendu." },
            { field: "elsewhere", code: "x", message: "?" }
        ]);
        expect(serverErrors(err)).toEqual({ professionCode: "La profession « Médecin » s'enregistre auprès de l'Ordre.", phone: "Numéro de mobile attendu." });
    });

    it("shows the form, the wait or the number", () => {
        const base: RegistrationState = { identity: angela, professions: [], departments: [] };
        const reg = { id: "r", identity: angela, professionCode: "92", diploma: { title: "t", institution: "i", date: "2000-01-01" }, department: "75", email: "e", submittedAt: "2026-12-01T10:00:00Z" };
        expect(screenOf(base)).toBe("form");
        expect(screenOf({ ...base, registration: { ...reg, status: "submitted" } })).toBe("submitted");
        expect(screenOf({ ...base, registration: { ...reg, status: "accepted", rpps: "19000000018" } })).toBe("accepted");
        expect(screenOf({ ...base, registration: { ...reg, status: "refused", motif: "m" } })).toBe("form");
        expect(screenOf({ ...base, registration: { ...reg, status: "withdrawn" } })).toBe("form");
    });

    it("writes the Pro Santé Connect identifier with its 8", () => {
        expect(idnps("19000000018")).toBe("819000000018");
    });

    it("explains the server's redirect errors", () => {
        expect(pageError(null)).toBeUndefined();
        expect(pageError("annulee")).toContain("annulé");
        expect(pageError("indisponible")).toContain("pas disponible");
        expect(pageError("echec")).toContain("n'a pas abouti");
        expect(pageError("<script>")).toContain("n'a pas abouti");
    });
});

describe("back-office registration labels", () => {
    it("filters on the submitted ones by default", async () => {
        const { statusFromSearch, motifProblem, registrationStatusLabel } = await import("../backoffice/registrationLabels");
        expect(statusFromSearch(null)).toBe("submitted");
        expect(statusFromSearch("accepted")).toBe("accepted");
        expect(statusFromSearch("tous")).toBeUndefined();
        expect(statusFromSearch("n'importe")).toBe("submitted");
        expect(registrationStatusLabel("refused")).toBe("Refusée");
        expect(motifProblem("  ")).toContain("obligatoire");
        expect(motifProblem("é".repeat(1001))).toContain("1000");
        expect(motifProblem("Diplôme non reconnu.")).toBeUndefined();
    });
});
