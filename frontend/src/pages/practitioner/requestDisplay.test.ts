import { describe, expect, it } from "vitest";
import type { Practitioner, Request, RequestStatus, Step } from "../../api";
import { createReference } from "../../reference/lookup";
import { groupOf, historyLines, linkNote, summaryLines } from "./requestDisplay";

const ref = createReference({
    tables: {
        TRE_R25: { id: "TRE_R25", name: "MotifFinActivite", source: "NOS", version: "test", codes: [{ code: "DEM", label: "Déménagement", retired: false }] }
    },
    professions: [{ code: "10", label: "Médecin", retired: false }],
    departments: [],
    activityCodes: {}
});

const practitioner: Practitioner = {
    rpps: "10001234567",
    civility: "MME",
    birthName: "DURAND",
    exerciseName: "DURAND",
    firstName: "Claire",
    contact: { email: "", phone: "", address: { postalCode: "34000", city: "MONTPELLIER" } },
    professions: [],
    activities: [
        {
            id: "act-1",
            professionCode: "10",
            structure: { companyName: "Cabinet du Lez", address: { postalCode: "34000", city: "MONTPELLIER" }, department: "34" },
            modeCode: "L",
            sectorCode: "SA07",
            functionCode: "FON-01",
            genreCode: "GENR01",
            startDate: "2015-01-01",
            open: true
        }
    ],
    updatedAt: "2026-01-01T00:00:00Z",
    idnps: "810001234567",
    registration: { professions: [], authority: { code: "ARS-76", kind: "ars", label: "ARS Occitanie", contact: "" }, servedByArs: true },
    civilityShort: "Mme",
    demo: false,
    addableProfessions: []
};

function request(kind: Request["kind"], payload: unknown, extra: Partial<Request> = {}): Request {
    return {
        id: "r1",
        rpps: practitioner.rpps,
        kind,
        status: "draft",
        payload,
        revision: 1,
        createdAt: "2026-11-27T09:00:00Z",
        updatedAt: "2026-11-27T09:00:00Z",
        history: [],
        updatedBy: { role: "professional", id: practitioner.rpps, name: "Professionnel (poste local)" },
        ...extra
    };
}

describe("groupOf", () => {
    const none = { canEdit: false, canTransmit: false, canWithdraw: false, canDelete: false };
    it("files what Go says may be changed under « En cours », what is alive under « Transmises », the rest under « Terminées »", () => {
        expect(groupOf({ live: true, permissions: { ...none, canEdit: true, canTransmit: true, canDelete: true } })).toBe("in_progress");
        expect(groupOf({ live: true, permissions: { ...none, canEdit: true, canWithdraw: true } })).toBe("in_progress");
        expect(groupOf({ live: true, permissions: { ...none, canWithdraw: true } })).toBe("transmitted");
        expect(groupOf({ live: false, permissions: none })).toBe("finished");
    });
});

describe("summaryLines", () => {
    it("names the activity ceased, its end date and reason", () => {
        const lines = summaryLines(request("cease_activity", { activityId: "act-1", endDate: "2026-12-31", reasonCode: "DEM" }), practitioner, ref);
        expect(lines).toEqual([
            { term: "Activité cessée", value: "Cabinet du Lez (MONTPELLIER)" },
            { term: "Date de fin", value: "31 décembre 2026" },
            { term: "Motif", value: "Déménagement" }
        ]);
    });

    it("falls back to the target of a cessation whose payload is empty", () => {
        const lines = summaryLines(request("cease_activity", {}, { targetId: "act-1" }), practitioner, ref);
        expect(lines[0]?.value).toBe("Cabinet du Lez (MONTPELLIER)");
        expect(lines[1]?.value).toBe("");
    });

    it("shows the new structure of a new activity and the one it replaces", () => {
        const payload = {
            professionCode: "10",
            structure: { companyName: "Maison de santé", address: { number: "3", street: "rue Haute", postalCode: "34070", city: "MONTPELLIER" } },
            startDate: "2027-01-01",
            replacesActivityId: "act-1"
        };
        const lines = summaryLines(request("new_activity", payload), practitioner, ref);
        expect(lines.map(l => l.value)).toEqual(["Maison de santé", "3 rue Haute, 34070 MONTPELLIER", "Médecin", "1er janvier 2027", "Cabinet du Lez (MONTPELLIER)"]);
    });

    it("shows a new exercise name, or the birth name", () => {
        expect(summaryLines(request("exercise_name", { exerciseName: "MARTIN", useBirthName: false }), practitioner, ref)).toEqual([
            { term: "Nouveau nom d'exercice", value: "MARTIN" }
        ]);
        expect(summaryLines(request("exercise_name", { exerciseName: "", useBirthName: true }), practitioner, ref)[0]?.value).toBe("DURAND (nom de naissance)");
    });

    it("never throws on a payload of the wrong shape", () => {
        for (const payload of [null, "x", 3, [], { structure: "x", address: 4 }]) {
            for (const kind of ["cease_activity", "new_activity", "new_profession", "contact", "exercise_name"] as const) {
                expect(() => summaryLines(request(kind, payload), practitioner, ref)).not.toThrow();
            }
        }
    });
});

describe("historyLines and linkNote", () => {
    it("writes the steps Go sends, with their words and the withdrawal's reason", () => {
        const actor = { role: "professional" as const, id: practitioner.rpps, name: "Professionnel (poste local)" };
        const steps: Step[] = [
            { from: "" as RequestStatus, to: "draft", at: "2026-11-27T09:00:00Z", actor, principal: practitioner.rpps, statusLabel: "En cours (non transmise)", actorLabel: actor.name },
            { from: "draft", to: "transmitted", at: "2026-11-27T10:00:00.5Z", actor: { role: "system", id: "", name: "" }, principal: practitioner.rpps, statusLabel: "Transmise", actorLabel: "eRPPS (automatique)" },
            { from: "transmitted", to: "withdrawn", at: "2026-11-27T11:00:00Z", actor, principal: practitioner.rpps, comment: "Erreur de saisie", statusLabel: "Retirée", actorLabel: actor.name }
        ];
        const lines = historyLines({ steps });
        expect(lines.map(l => l.what)).toEqual(["Demande créée (non transmise)", "Transmise", "Retirée"]);
        expect(lines[0]?.who).toBe("Professionnel (poste local)");
        expect(lines[1]?.who).toBe("eRPPS (automatique)");
        expect(lines[2]?.note).toBe("Motif du retrait : Erreur de saisie");
        expect(lines[0]?.when).toMatch(/^27 novembre 2026 à \d\d h \d\d$/);
    });

    it("says a moved cabinet's requests are linked", () => {
        expect(linkNote(request("cease_activity", {}, { linkedRequestId: "r2" }))).toBe("Liée à la déclaration de la nouvelle activité");
        expect(linkNote(request("new_activity", {}, { linkedRequestId: "r1" }))).toBe("Liée à la cessation de l'activité précédente");
        expect(linkNote(request("cease_activity", {}))).toBe("");
    });
});
