import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password";

describe("passwordProblem", () => {
    it("asks for 8 characters at least, then the same twice", () => {
        expect(passwordProblem("court", "court")).toEqual({ field: "password", message: "Votre mot de passe e-CPS doit compter au moins 8 caractères." });
        expect(passwordProblem("assez long", "assez lonG")).toEqual({ field: "again", message: "Les deux mots de passe ne sont pas identiques." });
        expect(passwordProblem("assez long", "assez long")).toBeNull();
        expect(passwordProblem("12345678", "12345678")).toBeNull();
    });
});
