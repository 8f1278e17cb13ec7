import { describe, expect, it } from "vitest";
import type { Activity } from "../api";
import { splitActivities } from "./activities";
import { civilityShort, displayName } from "./names";
import { itemOf, statusTone } from "./requests";

function activity(id: string, startDate: string, endDate?: string): Activity {
    return {
        id,
        professionCode: "10",
        structure: { companyName: id, address: { postalCode: "34000", city: "Montpellier" }, department: "34" },
        modeCode: "L",
        sectorCode: "SA07",
        functionCode: "FON-01",
        genreCode: "GENR01",
        startDate,
        endDate,
        // Go says whether it is open; here: ended before 2026-11-27.
        open: endDate === undefined || endDate >= "2026-11-27"
    };
}

describe("activities", () => {
    it("splits and orders current and ended activities", () => {
        const got = splitActivities(
            [
                activity("old", "2010-01-01", "2015-06-30"),
                activity("cab", "2016-01-01"),
                activity("hop", "2021-09-01"),
                activity("rem", "2015-07-01", "2019-12-31")
            ]
        );
        expect(got.current.map(a => a.id)).toEqual(["hop", "cab"]);
        expect(got.ended.map(a => a.id)).toEqual(["rem", "old"]);
    });

    it("accepts a record without activities", () => {
        expect(splitActivities(null)).toEqual({ current: [], ended: [] });
    });
});

describe("names", () => {
    it("writes civilité, nom d'exercice, prénom", () => {
        expect(displayName({ civility: "MME", exerciseName: "DUPONT", firstName: "Claire" })).toBe("Mme DUPONT Claire");
        expect(displayName({ civility: "M", exerciseName: "", birthName: "MARTIN", firstName: "Paul" })).toBe("M. MARTIN Paul");
        expect(displayName({ exerciseName: "LEROY", firstName: "Anne", exerciseFirstName: "Anne-Marie" })).toBe("LEROY Anne-Marie");
        expect(civilityShort("XYZ")).toBe("XYZ");
    });
});

describe("requests", () => {
    it("colours statuses", () => {
        expect(statusTone("refused")).toBe("error");
        expect(statusTone("draft")).toBe("new");
    });

    it("makes a list item of a view: the request and what Go says of it", () => {
        const permissions = { canEdit: true, canTransmit: true, canWithdraw: false, canDelete: true };
        const item = itemOf({
            request: { id: "r1", rpps: "1", kind: "contact", status: "draft", payload: {}, revision: 2, createdAt: "", updatedAt: "", history: [], updatedBy: { role: "professional", id: "1", name: "" } },
            validation: { fields: [], guidance: [], complete: false },
            nextStatuses: ["transmitted"],
            resumed: false,
            kindLabel: "Coordonnées de contact",
            statusLabel: "En cours (non transmise)",
            untouched: false,
            live: true,
            permissions,
            steps: []
        });
        expect(item.id).toBe("r1");
        expect(item.kindLabel).toBe("Coordonnées de contact");
        expect(item.permissions).toEqual(permissions);
        expect("validation" in item).toBe(false);
    });
});
