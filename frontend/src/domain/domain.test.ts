import { describe, expect, it } from "vitest";
import type { Activity } from "../api";
import { isActivityOpen, splitActivities } from "./activities";
import { civilityShort, displayName, idnps } from "./names";
import { kindLabel, statusLabel, statusTone } from "./requests";

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
        endDate
    };
}

describe("activities", () => {
    it("an activity ending today is still open, as in Go", () => {
        expect(isActivityOpen(activity("a", "2020-01-01", "2026-11-27"), "2026-11-27")).toBe(true);
        expect(isActivityOpen(activity("a", "2020-01-01", "2026-11-26"), "2026-11-27")).toBe(false);
        expect(isActivityOpen(activity("a", "2020-01-01"), "2026-11-27")).toBe(true);
        expect(isActivityOpen(activity("a", "2020-01-01", ""), "2026-11-27")).toBe(true);
    });

    it("splits and orders current and ended activities", () => {
        const got = splitActivities(
            [
                activity("old", "2010-01-01", "2015-06-30"),
                activity("cab", "2016-01-01"),
                activity("hop", "2021-09-01"),
                activity("rem", "2015-07-01", "2019-12-31")
            ],
            "2026-11-27"
        );
        expect(got.current.map(a => a.id)).toEqual(["hop", "cab"]);
        expect(got.ended.map(a => a.id)).toEqual(["rem", "old"]);
    });

    it("accepts a record without activities", () => {
        expect(splitActivities(null, "2026-11-27")).toEqual({ current: [], ended: [] });
    });
});

describe("names", () => {
    it("writes civilité, nom d'exercice, prénom", () => {
        expect(displayName({ civility: "MME", exerciseName: "DUPONT", firstName: "Claire" })).toBe("Mme DUPONT Claire");
        expect(displayName({ civility: "M", exerciseName: "", birthName: "MARTIN", firstName: "Paul" })).toBe("M. MARTIN Paul");
        expect(displayName({ exerciseName: "LEROY", firstName: "Anne", exerciseFirstName: "Anne-Marie" })).toBe("LEROY Anne-Marie");
        expect(civilityShort("XYZ")).toBe("XYZ");
    });

    it("builds the IDNPS with an 8 in front", () => {
        expect(idnps("10001234567")).toBe("810001234567");
    });
});

describe("requests", () => {
    it("has French words for kinds and statuses", () => {
        expect(kindLabel("cease_activity")).toBe("Cessation d'activité");
        expect(statusLabel("draft")).toBe("En cours (non transmise)");
        expect(statusLabel("complement_requested")).toBe("Complément demandé");
        // Transmitted is queued on this computer until the server receives it: the label says so.
        expect(statusLabel("transmitted")).toBe("Transmise — en attente d'envoi au serveur");
        expect(statusTone("refused")).toBe("error");
    });
});

describe("demo records", () => {
    it("are the RPPS numbers of the test range, as in Go (identifiers.IsTestRPPS)", async () => {
        const { isDemoRecord } = await import("./demo");
        expect(isDemoRecord("99900000016")).toBe(true);
        expect(isDemoRecord("99100000003")).toBe(true);
        expect(isDemoRecord("10000000008")).toBe(false);
        expect(isDemoRecord("9990000001")).toBe(false);
        expect(isDemoRecord("999000000160")).toBe(false);
        expect(isDemoRecord("89900000016")).toBe(false);
    });
});
