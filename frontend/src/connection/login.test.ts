import { describe, expect, it } from "vitest";
import type { ServerSettings } from "../api";
import { beginLogin, connectedOf, mailboxShown, recordsShown } from "./login";

const base: ServerSettings = { url: "https://erpps.example", caFile: "", available: true, state: { state: "online" } };

describe("connectedOf", () => {
    it("reads nobody when signed out", () => {
        expect(connectedOf(base)).toEqual({ kind: "none" });
        expect(connectedOf(undefined)).toEqual({ kind: "none" });
    });
    it("reads the practitioner of a Pro Santé Connect login", () => {
        const s = { ...base, method: "psc", account: { login: "10001234567", name: "Camille Martin", role: "professional", rpps: "10001234567" } };
        expect(connectedOf(s as ServerSettings)).toEqual({ kind: "practitioner", rpps: "10001234567", name: "Camille Martin", method: "psc" });
    });
    it("reads a secretary", () => {
        const s = { ...base, method: "password", account: { login: "sec", name: "Secrétariat", role: "secretary" } };
        expect(connectedOf(s as ServerSettings)).toEqual({ kind: "secretary", name: "Secrétariat" });
    });
});

describe("recordsShown", () => {
    it("lists demo records only in demo mode with nobody signed in", () => {
        expect(recordsShown({ demo: true }, { kind: "none" })).toBe("demo");
        expect(recordsShown({ demo: false }, { kind: "none" })).toBe("none");
        expect(recordsShown(undefined, { kind: "none" })).toBe("none");
    });
    it("lists nothing for a practitioner (their portal opens) and everything for a secretary", () => {
        expect(recordsShown({ demo: true }, { kind: "practitioner", rpps: "1", name: "", method: "psc" })).toBe("none");
        expect(recordsShown({ demo: false }, { kind: "secretary", name: "" })).toBe("all");
    });
});

describe("beginLogin", () => {
    it("sends the page to the provider in browser mode", async () => {
        const went: string[] = [];
        const step = await beginLogin(() => Promise.resolve({ authUrl: "https://psc/authorize?x", navigate: true }), u => went.push(u));
        expect(step).toBe("navigating");
        expect(went).toEqual(["https://psc/authorize?x"]);
    });
    it("waits for the system's browser on the desktop", async () => {
        const went: string[] = [];
        const step = await beginLogin(() => Promise.resolve({ authUrl: "https://psc/authorize?x", navigate: false }), u => went.push(u));
        expect(step).toBe("waiting");
        expect(went).toEqual([]);
    });
    it("passes the refusal on", async () => {
        await expect(beginLogin(() => Promise.reject(new Error("non")), () => undefined)).rejects.toThrow("non");
    });
});

describe("mailboxShown", () => {
    it("hides the cabinet's mailbox from a practitioner signed in, whatever the mode", () => {
        expect(mailboxShown({ mode: "desktop" }, { kind: "practitioner", rpps: "1", name: "", method: "psc" })).toBe(false);
        expect(mailboxShown({ mode: "web" }, { kind: "practitioner", rpps: "1", name: "", method: "password" })).toBe(false);
    });
    it("shows it to a secretary and with nobody signed in, never on the kiosk", () => {
        expect(mailboxShown({ mode: "desktop" }, { kind: "secretary", name: "" })).toBe(true);
        expect(mailboxShown({ mode: "web" }, { kind: "none" })).toBe(true);
        expect(mailboxShown({ mode: "kiosk" }, { kind: "none" })).toBe(false);
        expect(mailboxShown(undefined, { kind: "none" })).toBe(false);
    });
});
