import { describe, expect, it } from "vitest";
import { offeredProfessions } from "./professionChoices";

const OFFERED = [
    { code: "28", label: "Opticien-Lunetier", retired: false },
    { code: "26", label: "Audioprothésiste", retired: false },
    { code: "71", label: "Ostéopathe", retired: false },
    { code: "99", label: "Profession retirée", retired: true }
];
const labelOf = (code: string) => `profession ${code}`;

describe("offeredProfessions", () => {
    it("leaves out the professions already held, sorted by label", () => {
        const got = offeredProfessions(OFFERED, [{ code: "28", categoryCode: "C" }], "", labelOf);
        expect(got.map(c => c.value)).toEqual(["26", "71"]);
    });
    it("never offers a retired profession", () => {
        expect(offeredProfessions(OFFERED, null, "", labelOf).map(c => c.value)).not.toContain("99");
    });
    it("keeps a chosen profession no longer offered, so that its error shows", () => {
        const got = offeredProfessions(OFFERED, [{ code: "28", categoryCode: "C" }], "28", labelOf);
        expect(got.find(c => c.value === "28")?.label).toBe("profession 28");
    });
});
