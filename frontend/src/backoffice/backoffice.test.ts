import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { decisionInput, doneMessage, failureMessage, fieldErrorsOf, historyTable } from "./decisions";
import { ageDays, ageText, countText, filtersFromSearch, NO_FILTERS, pageCount, queryOf, searchOf, withFilters } from "./queueFilters";
import { createLabels } from "./labels";
import goLabels from "./testdata/labels.json";

// The labels as the server sends them: Go writes testdata/labels.json
// (backoffice.TestLabelsFixtureInSync), the tests copy none of its words.
const labels = createLabels(goLabels);

describe("queue filters in the address", () => {
    it("round-trips every filter", () => {
        const f = { status: "under_review", department: "76", kind: "new_activity", age: "30", page: 3 } as const;
        expect(searchOf(f)).toBe("?statut=under_review&departement=76&type=new_activity&anciennete=30&page=3");
        expect(filtersFromSearch(new URLSearchParams(searchOf(f)))).toEqual(f);
    });

    it("leaves the defaults out and ignores what it does not know", () => {
        expect(searchOf(NO_FILTERS)).toBe("");
        expect(filtersFromSearch(new URLSearchParams("statut=draft&type=x&departement=<b>&anciennete=3&page=-2"))).toEqual(NO_FILTERS);
        expect(filtersFromSearch(new URLSearchParams("departement=2A&page=abc")).department).toBe("2A");
    });

    it("asks the server for the filters, none for the defaults", () => {
        expect(queryOf(NO_FILTERS)).toEqual({ status: undefined, department: undefined, kind: undefined, minAgeDays: undefined, page: 1 });
        expect(queryOf({ ...NO_FILTERS, age: "7", kind: "contact" })).toMatchObject({ minAgeDays: 7, kind: "contact" });
    });

    it("goes back to page 1 when a filter changes, keeps the page otherwise", () => {
        const cur = { ...NO_FILTERS, page: 4 };
        expect(withFilters(cur, { status: "", department: "", kind: "", age: "" }).page).toBe(4);
        expect(withFilters(cur, { status: "refused", department: "", kind: "", age: "" }).page).toBe(1);
    });
});

describe("queue counts and ages", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) })) as never[];
    it("counts pages and says what is shown", () => {
        expect(pageCount({ total: 0, limit: 20 })).toBe(1);
        expect(pageCount({ total: 41, limit: 20 })).toBe(3);
        expect(countText({ items: [], total: 0, offset: 0, limit: 20 })).toBe("Aucune demande ne correspond à ces critères");
        expect(countText({ items: items(1), total: 1, offset: 0, limit: 20 })).toBe("1 demande");
        expect(countText({ items: items(20), total: 57, offset: 20, limit: 20 })).toBe("57 demandes — 21 à 40 affichées");
    });

    it("counts whole days of waiting", () => {
        const now = new Date("2026-12-01T12:00:00Z");
        expect(ageDays({ transmittedAt: "2026-12-01T08:00:00Z" }, now)).toBe(0);
        expect(ageDays({ transmittedAt: "2026-11-29T11:00:00Z" }, now)).toBe(2);
        expect(ageDays({ transmittedAt: "n/a" }, now)).toBe(0);
        expect([ageText(0), ageText(1), ageText(12)]).toEqual(["Aujourd'hui", "1 jour", "12 jours"]);
    });
});

describe("decisions", () => {
    it("sends only what the action uses, on the revision seen", () => {
        expect(decisionInput({ action: "accept", reason: "x", deadline: "2027-01-01" }, 5)).toEqual({ action: "accept", baseRevision: 5 });
        expect(decisionInput({ action: "refuse", reason: " Motif ", deadline: "2027-01-01" }, 5)).toEqual({ action: "refuse", baseRevision: 5, reason: "Motif" });
        expect(decisionInput({ action: "complement", reason: "Diplôme", deadline: " 01/01/2027" }, 2)).toEqual({ action: "complement", baseRevision: 2, reason: "Diplôme", deadline: "2027-01-01" });
    });

    it("says what was done, and that someone else acted on a conflict", () => {
        expect(doneMessage({ action: "complement", reason: "", deadline: "01/01/2027" }, labels)).toContain("1er janvier 2027");
        expect(doneMessage({ action: "take", reason: "", deadline: "" }, labels)).toContain(`« ${goLabels.statuses.under_review} »`);
        const f = failureMessage(new ApiError("conflict", "La demande a changé."));
        expect(f.title).toBe("Cette demande a changé entre-temps");
        expect(f.text).toContain("Quelqu'un d'autre a agi");
        expect(failureMessage(new ApiError("internal", "Panne.")).text).toBe("Panne.");
    });
});

describe("history", () => {
    it("shows Go's lines as they come, only dating them", () => {
        const rows = historyTable({
            history: [
                { at: "2026-11-02T09:00:00Z", what: "Transmise", who: "Dr Claire Martin", note: "" },
                { at: "2026-11-04T09:30:00Z", what: "Complément demandé", who: "Camille Martin", note: "Joindre le diplôme — Date limite : 15/01/2027" }
            ]
        });
        expect(rows).toHaveLength(2);
        expect(rows[0]?.slice(1)).toEqual(["Transmise", "Dr Claire Martin", ""]);
        expect(rows[1]?.slice(1)).toEqual(["Complément demandé", "Camille Martin", "Joindre le diplôme — Date limite : 15/01/2027"]);
        expect(rows[1]?.[0]).toMatch(/2026/);
        expect(rows[0]?.[0]).not.toBe(rows[1]?.[0]);
    });

    it("shows no line when there is no history", () => {
        expect(historyTable({ history: null })).toEqual([]);
        expect(historyTable({ history: [] })).toEqual([]);
    });

    it("names an actor without a name by their role", () => {
        expect(labels.actor({ role: "system", name: "" })).toBe(goLabels.roles.system);
        expect(labels.actor({ role: "ars_agent", name: "Camille Martin" })).toBe("Camille Martin");
        expect(labels.actor(undefined)).toBe("");
    });
});

describe("labels from Go", () => {
    it("shows each code by the server's label", () => {
        expect(labels.loaded).toBe(true);
        expect(labels.status("transmitted")).toBe(goLabels.statuses.transmitted);
        expect(labels.kind("contact")).toBe(goLabels.kinds.contact);
        expect(labels.action("take")).toBe(goLabels.actions.take);
        expect(labels.actionDone("complement")).toBe(goLabels.actionsDone.complement);
        expect(labels.action("take")).not.toBe(labels.actionDone("take"));
    });

    it("shows a code the server has not named as itself, never nothing", () => {
        const none = createLabels(undefined);
        expect(none.loaded).toBe(false);
        expect([none.status("under_review"), none.kind("contact"), none.action("take"), none.actionDone("close")]).toEqual(["under_review", "contact", "take", "close"]);
        expect(none.actor({ role: "system", name: "" })).toBe("system");
        expect(createLabels({ ...goLabels, statuses: {} }).status("refused")).toBe("refused");
    });
});

describe("the server's refusal of a decision", () => {
    it("puts each field's message beside its field, nothing else", () => {
        const e = new ApiError("invalid", "La décision est incomplète.", [
            { field: "deadline", code: "past", message: "La date limite doit être postérieure à aujourd'hui." },
            { field: "action", code: "invalid", message: "Action inconnue." }
        ]);
        expect(fieldErrorsOf(e)).toEqual({ deadline: "La date limite doit être postérieure à aujourd'hui." });
    });
});
