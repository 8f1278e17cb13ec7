import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password";

describe("passwordProblem", () => {
    it("asks for the same password twice, and nothing more (the length is the server's rule)", () => {
        expect(passwordProblem("assez long", "assez lonG")).toEqual({ field: "again", message: "Les deux mots de passe ne sont pas identiques." });
        expect(passwordProblem("assez long", "assez long")).toBeNull();
        expect(passwordProblem("court", "court")).toBeNull();
    });
});
