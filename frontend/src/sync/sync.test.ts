import { describe, expect, it } from "vitest";
import type { SyncIssue } from "../api";
import { compareVersions, mergeVersions } from "../forms/versions";
import { deliveredWatcher, lastSyncText, syncAnnouncement, syncDisplay } from "./status";
import { issueOf, rejectionTitle, SERVER_INDEX, suggestedChoices, threeWayVersions } from "./threeWay";

const now = new Date(2026, 2, 2, 15, 0);

describe("deliveredWatcher", () => {
    it("says when the changes waiting fell, never for the first state", () => {
        const delivered = deliveredWatcher();
        expect(delivered({ state: "offline", pending: 2 })).toBe(false);
        expect(delivered({ state: "syncing", pending: 2 })).toBe(false);
        expect(delivered({ state: "online", pending: 3 })).toBe(false);
        expect(delivered({ state: "online" })).toBe(true);
        expect(delivered({ state: "online", pending: 0 })).toBe(false);
    });
});

describe("syncDisplay", () => {
    it("says nothing when no server is configured", () => {
        expect(syncDisplay({ state: "local" }, now)).toBeNull();
        expect(syncAnnouncement(null)).toBe("");
    });
    it("says the state, the changes waiting and the last sync in French", () => {
        const at = new Date(2026, 2, 2, 9, 5).toISOString();
        expect(syncDisplay({ state: "online", lastSyncAt: at }, now)).toEqual({
            label: "En ligne",
            tone: "success",
            waiting: "Tout est envoyé",
            lastSync: "Dernière synchronisation aujourd'hui à 09 h 05",
            setAside: ""
        });
        const d = syncDisplay({ state: "offline", pending: 3, setAside: 1 }, now);
        expect(d?.label).toBe("Hors ligne");
        expect(d?.waiting).toBe("3 modifications en attente d'envoi");
        expect(d?.setAside).toBe("1 modification à vérifier");
        expect(d?.lastSync).toBe("Jamais synchronisé");
        expect(syncAnnouncement(d ?? null)).toBe("Hors ligne — 3 modifications en attente d'envoi — 1 modification à vérifier");
        expect(syncDisplay({ state: "syncing", pending: 1 }, now)?.waiting).toBe("1 modification en attente d'envoi");
        expect(syncDisplay({ state: "syncing" }, now)?.label).toBe("Synchronisation…");
        expect(syncDisplay({ state: "unauthorized" }, now)?.tone).toBe("error");
    });
    it("writes yesterday and older days", () => {
        expect(lastSyncText(new Date(2026, 2, 1, 23, 59).toISOString(), now)).toBe("Dernière synchronisation hier à 23 h 59");
        expect(lastSyncText(new Date(2026, 0, 1, 8, 0).toISOString(), now)).toBe("Dernière synchronisation le 1er janvier 2026 à 08 h 00");
        expect(lastSyncText("n'importe quoi", now)).toBe("Jamais synchronisé");
    });
});

const conflict: SyncIssue = {
    requestId: "r1",
    principal: "10000000001",
    kind: "save_draft",
    status: "conflict",
    createdAt: "2026-03-02T09:00:00Z",
    mine: { exerciseName: { lastName: "Martin", firstName: "Jeanne" }, reason: "Mariage" },
    server: { exerciseName: { lastName: "Durand", firstName: "Jeanne" }, reason: "Divorce" },
    base: { exerciseName: { lastName: "Durand", firstName: "Jeanne" }, reason: "" }
};

describe("threeWayVersions", () => {
    it("compares the three versions field by field, saying which side changed what", () => {
        const versions = threeWayVersions(conflict);
        expect(versions.map(v => v.title)).toEqual(["Votre version", "Version du serveur", "Version d'origine"]);
        const rows = compareVersions(versions, { "exerciseName.lastName": "Nom", reason: "Motif" }, undefined, conflict.base);
        const name = rows.find(r => r.path === "exerciseName.lastName");
        expect(name?.differs).toBe(true);
        expect(name?.changed).toEqual([true, false, false]);
        const reason = rows.find(r => r.path === "reason");
        expect(reason?.changed).toEqual([true, true, false]);
        expect(rows.find(r => r.path === "exerciseName.firstName")?.differs).toBe(false);
        // Mine for the name, the server's for the reason: made over the server's version.
        expect(mergeVersions(versions, { "exerciseName.lastName": 0, reason: 1 }, SERVER_INDEX)).toEqual({
            exerciseName: { lastName: "Martin", firstName: "Jeanne" },
            reason: "Divorce"
        });
    });
    it("suggests the side that changed a field alone, and leaves the fields both changed to the person", () => {
        const issue: SyncIssue = {
            ...conflict,
            mine: { a: "mine", b: "base", c: "same", d: "mine" },
            server: { a: "base", b: "server", c: "same", d: "server" },
            base: { a: "base", b: "base", c: "base", d: "base" }
        };
        const rows = compareVersions(threeWayVersions(issue), {}, undefined, issue.base);
        expect(suggestedChoices(rows)).toEqual({ a: 0, b: SERVER_INDEX, c: SERVER_INDEX });
    });
    it("shows two versions when the request was new here", () => {
        expect(threeWayVersions({ ...conflict, base: undefined }).map(v => v.key)).toEqual(["mine", "server"]);
    });
});

describe("issues", () => {
    it("finds a request's newest issue and names a refused change", () => {
        const rejected: SyncIssue = { ...conflict, kind: "transmit", status: "rejected", message: "Refusé." };
        expect(issueOf([conflict, rejected], "r1")).toBe(rejected);
        expect(issueOf([conflict], "r2")).toBeUndefined();
        expect(rejectionTitle(rejected)).toBe("La transmission de cette demande a été refusée par le serveur");
        expect(rejectionTitle(conflict)).toBe("L'enregistrement de ce brouillon a été refusé par le serveur");
    });
});

