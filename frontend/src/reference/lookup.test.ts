import { describe, expect, it } from "vitest";
import type { ReferenceData } from "../api";
import { createReference } from "./lookup";

const data: ReferenceData = {
    tables: {
        TRE_R23: {
            id: "TRE_R23",
            name: "ModeExercice",
            source: "NOS",
            version: "test",
            codes: [
                { code: "L", label: "Libéral, indépendant, artisan, commerçant", retired: false },
                { code: "S", label: "Salarié", retired: false },
                { code: "B", label: "Bénévole", retired: true }
            ]
        }
    },
    professions: [
        { code: "10", label: "Médecin", retired: false },
        { code: "99", label: "Profession retirée", retired: true }
    ],
    departments: [{ code: "34", name: "Hérault", regionCode: "76", regionName: "Occitanie", ars: "ARS Occitanie", arsCode: "" }],
    activityCodes: {
        "91": { sectors: [{ code: "SA07", label: "Cabinet individuel", retired: false }], functions: [{ code: "FON-01", label: "Titulaire de cabinet", retired: false }] }
    }
};

describe("createReference", () => {
    const ref = createReference(data);

    it("shows the label of any code, retired ones included", () => {
        expect(ref.label("TRE_R23", "S")).toBe("Salarié");
        expect(ref.label("TRE_R23", "B")).toBe("Bénévole");
        expect(ref.professionLabel("99")).toBe("Profession retirée");
    });

    it("offers only codes that are not retired", () => {
        expect(ref.options("TRE_R23").map(c => c.code)).toEqual(["L", "S"]);
    });

    it("shows an unknown code as itself and an empty code as nothing", () => {
        expect(ref.label("TRE_R23", "Z")).toBe("Z");
        expect(ref.label("TRE_R02", "SA07")).toBe("SA07");
        expect(ref.label("TRE_R23", "")).toBe("");
        expect(ref.options("TRE_R02")).toEqual([]);
    });

    it("names départements", () => {
        expect(ref.departmentLabel("34")).toBe("34 – Hérault");
        expect(ref.departmentLabel("2A")).toBe("2A");
        expect(ref.department("34")?.ars).toBe("ARS Occitanie");
        expect(ref.departmentsOfRegion("76").map(d => d.code)).toEqual(["34"]);
        expect(ref.departmentsOfRegion("28")).toEqual([]);
    });

    it("names the ARS by Go's one name, never by its département number", () => {
        expect(ref.arsName("34")).toBe("ARS Occitanie");
        expect(ref.arsName("99")).toBe("ARS");
        expect(ref.arsName(undefined)).toBe("ARS");
    });

    it("offers the secteurs and fonctions Go gives for the profession", () => {
        expect(ref.activityOptions("91").sectors.map(c => c.code)).toEqual(["SA07"]);
        expect(ref.activityOptions("91").functions.map(c => c.code)).toEqual(["FON-01"]);
        expect(ref.activityOptions("10")).toEqual({ sectors: [], functions: [] });
    });

    it("works before the data is loaded", () => {
        const empty = createReference(undefined);
        expect(empty.loaded).toBe(false);
        expect(empty.label("TRE_R23", "S")).toBe("S");
        expect(empty.professionLabel("10")).toBe("10");
    });
});
