import { describe, expect, it } from "vitest";
import { dayShown, dayToSave, frenchDay, parseFrenchDay } from "./dates";

describe("dates typed jj/mm/aaaa", () => {
    it.each([
        ["30/06/2015", "2015-06-30"],
        ["1/7/2015", "2015-07-01"],
        ["30-06-2015", "2015-06-30"],
        ["30.06.2015", "2015-06-30"],
        ["29/02/2024", "2024-02-29"]
    ])("reads %s as %s", (typed, iso) => {
        expect(parseFrenchDay(typed)).toBe(iso);
    });
    it.each(["", "30/06", "31/06/2015", "29/02/2023", "2015-06-30", "30/06/15", "aa/bb/cccc"])("refuses %j", typed => {
        expect(parseFrenchDay(typed)).toBeUndefined();
    });
    it("writes a saved day in French, anything else as it is", () => {
        expect(frenchDay("2015-06-30")).toBe("30/06/2015");
        expect(frenchDay("30/06/20")).toBe("30/06/20");
        expect(frenchDay("")).toBe("");
    });
    it("saves a day as YYYY-MM-DD and a partial text as typed", () => {
        expect(dayToSave("30/06/2015")).toBe("2015-06-30");
        expect(dayToSave("30/06/20")).toBe("30/06/20");
    });
    it("never rewrites what is being typed", () => {
        let typed = "";
        for (const ch of "1/7/2015") {
            typed += ch;
            expect(dayShown(typed, dayToSave(typed))).toBe(typed);
        }
    });
    it("shows the payload's day when it changed elsewhere", () => {
        expect(dayShown("30/06/2015", "2016-01-02")).toBe("02/01/2016");
        expect(dayShown(null, "2016-01-02")).toBe("02/01/2016");
    });
});
