import { describe, expect, it } from "vitest";
import type { Structure } from "../../../api";
import {
    cleanStructure,
    ADDITIONAL_PLACE,
    errorsOfStep,
    filterCodes,
    fold,
    lookupMethod,
    mergedStreet,
    moveChoice,
    movePatch,
    parseStep,
    sameNumber,
    stepOf,
    switchLookup
} from "./model";

describe("steps", () => {
    it("reads the step from the address, 1 when missing or wrong", () => {
        expect(parseStep(null)).toBe(1);
        expect(parseStep("3")).toBe(3);
        expect(parseStep("4")).toBe(4);
        expect(parseStep("5")).toBe(1);
        expect(parseStep("deux")).toBe(1);
    });

    it("finds the step of a field, nested ones included", () => {
        expect(stepOf("structure.siret")).toBe(1);
        expect(stepOf("structure.address.postalCode")).toBe(1);
        expect(stepOf("structure")).toBe(1);
        expect(stepOf("startDate")).toBe(2);
        expect(stepOf("replacesActivityId")).toBe(3);
        expect(stepOf("somethingElse")).toBe(1);
    });

    it("lists a step's errors in the form's order, with labels", () => {
        const errors = {
            startDate: "La date de début ne peut pas être à plus de six mois.",
            "structure.address.postalCode": "Code postal inconnu.",
            "structure.siret": "Clé invalide.",
            modeCode: "Choisissez le mode d'exercice."
        };
        expect(errorsOfStep(errors, 1).map(e => e.field)).toEqual(["structure.siret", "structure.address.postalCode"]);
        expect(errorsOfStep(errors, 1)[0]?.label).toBe("Numéro SIRET");
        expect(errorsOfStep(errors, 2).map(e => e.field)).toEqual(["modeCode", "startDate"]);
        expect(errorsOfStep(errors, 3)).toEqual([]);
    });
});

describe("the moved cabinet question", () => {
    it("tells the answer from the payload", () => {
        expect(moveChoice({})).toBe("");
        expect(moveChoice({ replacesActivityId: "act-1" })).toBe("act-1");
        expect(moveChoice({ replacesActivityId: "", keepsOtherActivities: true })).toBe(ADDITIONAL_PLACE);
        expect(moveChoice({ replacesActivityId: "act-1", keepsOtherActivities: true })).toBe("act-1");
    });

    it("sets both fields from an answer", () => {
        expect(movePatch("act-2")).toEqual({ replacesActivityId: "act-2", keepsOtherActivities: false });
        expect(movePatch(ADDITIONAL_PLACE)).toEqual({ replacesActivityId: "", keepsOtherActivities: true });
        expect(moveChoice(movePatch(ADDITIONAL_PLACE))).toBe(ADDITIONAL_PLACE);
    });
});

describe("the structure's identification", () => {
    const found: Structure = {
        siret: "12345678901234",
        siren: "123456789",
        finess: "750712184",
        companyName: "Centre hospitalier",
        address: { street: "rue Pasteur", postalCode: "75001", city: "PARIS" },
        department: "75"
    };

    it("defaults to SIRET", () => {
        expect(lookupMethod({})).toBe("siret");
        expect(lookupMethod({ lookupBy: "finess" })).toBe("finess");
        expect(lookupMethod({ lookupBy: "manual" })).toBe("manual");
    });

    it("clears the numbers no longer shown, keeps name and address, and puts them back", () => {
        const manual = switchLookup(found, "manual", {});
        expect(manual.structure.siret).toBe("");
        expect(manual.structure.finess).toBe("");
        expect(manual.structure.companyName).toBe("Centre hospitalier");
        expect(manual.structure.address.street).toBe("rue Pasteur");
        const back = switchLookup(manual.structure, "siret", manual.stash);
        expect(back.structure.siret).toBe("12345678901234");
        expect(back.structure.finess).toBe("");
        expect(back.stash.finess).toBe("750712184");
        const finess = switchLookup(back.structure, "finess", back.stash);
        expect(finess.structure.finess).toBe("750712184");
        expect(finess.structure.siret).toBe("");
    });

    it("compares numbers as typed", () => {
        expect(sameNumber("123 456 789 01234", "12345678901234")).toBe(true);
        expect(sameNumber("2a0000147", "2A0000147")).toBe(true);
        expect(sameNumber("12345678901234", "12345678901235")).toBe(false);
        expect(sameNumber(undefined, "")).toBe(true);
    });
});

describe("the sector filter", () => {
    const codes = [
        { code: "SA07", label: "Cabinet individuel" },
        { code: "SA08", label: "Cabinet de groupe" },
        { code: "SA33", label: "Pharmacie d'officine" },
        { code: "SA01", label: "Etablissement public de santé" }
    ];

    it("folds case and accents", () => {
        expect(fold("Établissement Santé")).toBe("etablissement sante");
    });

    it("keeps the codes matching every word, and the chosen one", () => {
        expect(filterCodes(codes, "", "").length).toBe(4);
        expect(filterCodes(codes, "cabinet", "").map(c => c.code)).toEqual(["SA07", "SA08"]);
        expect(filterCodes(codes, "cabinet groupe", "").map(c => c.code)).toEqual(["SA08"]);
        expect(filterCodes(codes, "SANTE", "").map(c => c.code)).toEqual(["SA01"]);
        expect(filterCodes(codes, "sa33", "").map(c => c.code)).toEqual(["SA33"]);
        expect(filterCodes(codes, "pharmacie", "SA07").map(c => c.code)).toEqual(["SA07", "SA33"]);
        expect(filterCodes(codes, "nothing", "").length).toBe(0);
    });
});

describe("addresses", () => {
    it("writes the street type once", () => {
        expect(mergedStreet({ streetType: "rue", street: "rue Pasteur" })).toBe("rue Pasteur");
        expect(mergedStreet({ streetType: "Rue", street: "rue Pasteur" })).toBe("rue Pasteur");
        expect(mergedStreet({ streetType: "avenue", street: "Foch" })).toBe("avenue Foch");
        expect(mergedStreet({ streetType: "", street: "12 rue Pasteur" })).toBe("12 rue Pasteur");
        expect(mergedStreet({ streetType: "place", street: "" })).toBe("place");
        expect(mergedStreet({ street: "place Pasteur" })).toBe("place Pasteur");
    });
});

describe("a new lookup", () => {
    it("starts from a clean structure holding only the number looked up", () => {
        expect(cleanStructure("siret", "12345678900011")).toEqual({ siret: "12345678900011", companyName: "", address: { postalCode: "", city: "" }, department: "" });
        expect(cleanStructure("finess", "750712184")).toEqual({ finess: "750712184", companyName: "", address: { postalCode: "", city: "" }, department: "" });
    });
});
