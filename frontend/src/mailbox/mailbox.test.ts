import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import type { MailFindingView } from "../api";
import { mailboxErrorsOf, codesByPractitioner, decisionDisplay, decisionsFor, emptyMailboxForm, pickupDisplay, signInOf, validityLabel } from "./mailbox";

function code(id: string, rpps: string, name: string, receivedAt: string, expired = false): MailFindingView {
    const exp = new Date(new Date(receivedAt).getTime() + 30 * 60000).toISOString();
    return {
        id, kind: "activation-code", byHeaders: true, subject: "Votre code d'activation e-CPS", receivedAt, foundAt: receivedAt,
        rpps, idnps: `8${rpps}`, code: "482913", practitionerName: name, expiresAt: exp, expired
    };
}

function decision(id: string, requestId: string, decision: string, receivedAt: string): MailFindingView {
    return {
        id, kind: "decision", byHeaders: false, subject: "Décision de l'ARS sur votre demande", receivedAt, foundAt: receivedAt,
        rpps: "10001234565", requestId, decision, practitionerName: "Marie CURIE", expired: false
    };
}

describe("the connection form", () => {
    it("puts Go's field errors on the form's fields", () => {
        const e = new ApiError("invalid", "Complétez les informations de connexion de la boîte aux lettres.", [
            { field: "host", code: "invalid", message: "Saisissez le nom du serveur seul." },
            { field: "port", code: "invalid", message: "Le port est un nombre de 1 à 65535." },
            { field: "elsewhere", code: "x", message: "?" }
        ]);
        expect(mailboxErrorsOf(e)).toEqual({ host: "Saisissez le nom du serveur seul.", port: "Le port est un nombre de 1 à 65535." });
        expect(mailboxErrorsOf(new Error("boom"))).toEqual({});
    });
    it("sends the port as a number (-1 when it is not one, for Go to refuse) and keeps the password as typed", () => {
        expect(signInOf({ host: " imap.example.org ", port: " 1993", username: " c ", password: " p ", folder: "" })).toEqual({
            host: "imap.example.org", port: 1993, username: "c", password: " p ", folder: ""
        });
        expect(signInOf({ ...emptyMailboxForm, port: "99a" }).port).toBe(-1);
        expect(signInOf({ ...emptyMailboxForm, port: "" }).port).toBe(-1);
    });
});

describe("codesByPractitioner", () => {
    it("puts each code against its practitioner, the newest first, expired codes last", () => {
        const groups = codesByPractitioner([
            code("a", "10001234565", "Marie CURIE", "2026-12-01T22:00:00Z", true),
            code("b", "10007654329", "Pierre DUPRÉ", "2026-12-01T22:10:00Z"),
            code("c", "10001234565", "Marie CURIE", "2026-12-01T22:20:00Z"),
            decision("d", "req-1", "refused", "2026-12-01T22:30:00Z"),
            code("e", "10001234565", "Marie CURIE", "2026-12-01T21:00:00Z", true)
        ]);
        expect(groups.map(g => g.name)).toEqual(["Marie CURIE", "Pierre DUPRÉ"]);
        expect(groups[0]?.codes.map(c => c.id)).toEqual(["c", "a", "e"]);
        expect(groups[0]?.idnps).toBe("810001234565");
    });
    it("names a practitioner without a record by their RPPS", () => {
        expect(codesByPractitioner([code("a", "10001234565", "", "2026-12-01T22:00:00Z")])[0]?.name).toBe("RPPS 10001234565");
    });
});

describe("validityLabel", () => {
    const f = code("a", "10001234565", "Marie CURIE", "2026-12-01T22:00:00Z");
    it("counts the minutes left", () => {
        expect(validityLabel(f, new Date("2026-12-01T22:05:00Z"))).toBe("Valable encore 25 minutes.");
        expect(validityLabel(f, new Date("2026-12-01T22:29:30Z"))).toBe("Valable encore 1 minute.");
    });
    it("says an expired code is expired, even before the server's flag", () => {
        expect(validityLabel(f, new Date("2026-12-01T22:31:00Z"))).toContain("Expiré");
        expect(validityLabel({ ...f, expired: true }, new Date("2026-12-01T22:01:00Z"))).toContain("Expiré");
    });
});

describe("decisions", () => {
    it("files decisions against their request, newest first", () => {
        const all = [
            decision("x", "req-1", "info_requested", "2026-12-01T20:00:00Z"),
            decision("y", "req-2", "accepted", "2026-12-01T21:00:00Z"),
            decision("z", "req-1", "refused", "2026-12-01T22:00:00Z"),
            code("a", "10001234565", "Marie CURIE", "2026-12-01T23:00:00Z")
        ];
        expect(decisionsFor(all, "req-1").map(d => d.id)).toEqual(["z", "x"]);
        expect(decisionsFor(all, "req-3")).toEqual([]);
    });
    it("words each decision", () => {
        expect(decisionDisplay("accepted")).toEqual({ label: "Demande acceptée", tone: "success" });
        expect(decisionDisplay("refused").tone).toBe("error");
        expect(decisionDisplay("info_requested").label).toBe("Complément demandé");
        expect(decisionDisplay("").label).toContain("voir le courriel");
    });
});

describe("pickupDisplay", () => {
    const now = new Date("2026-12-01T22:00:00Z");
    it("says how the mail is picked up", () => {
        expect(pickupDisplay({ state: "idle" }, now).label).toBe("Relevée en continu");
        expect(pickupDisplay({ state: "polling" }, now).label).toBe("Relevée chaque minute");
    });
    it("gives the reason and the next try when unreachable", () => {
        const d = pickupDisplay({ state: "retrying", error: "Le serveur de messagerie est injoignable.", retryAt: "2026-12-01T22:00:30Z" }, now);
        expect(d.tone).toBe("warning");
        expect(d.detail).toBe("Le serveur de messagerie est injoignable. Nouvel essai dans 30 secondes.");
    });
});
