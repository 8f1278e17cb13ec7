import { describe, expect, it } from "vitest";
import { offeredProfessions } from "./professionChoices";

const ADDABLE = [
    { code: "26", label: "Audioprothésiste", retired: false },
    { code: "71", label: "Ostéopathe", retired: false }
];
const labelOf = (code: string) => `profession ${code}`;

describe("offeredProfessions", () => {
    it("offers what Go says may be added, in Go's order", () => {
        expect(offeredProfessions(ADDABLE, "", labelOf).map(c => c.value)).toEqual(["26", "71"]);
        expect(offeredProfessions(null, "", labelOf)).toEqual([]);
    });
    it("keeps a chosen profession no longer offered, so that its error shows", () => {
        const got = offeredProfessions(ADDABLE, "28", labelOf);
        expect(got.find(c => c.value === "28")?.label).toBe("profession 28");
    });
});
