import { describe, expect, it } from "vitest";
import { chooseAll, compareVersions, complete, differingPaths, leafPaths, mergeVersions, type Version } from "./versions";

const labels = { email: "Adresse électronique", phone: "Téléphone", "address.street": "Numéro et voie", "address.city": "Commune" };

const mine: Version = { key: "mine", title: "Ma version", keepLabel: "Garder ma version", payload: { email: "a@x.fr", phone: "06 12 34 56 78", address: { street: "12 rue de la Paix", city: "Dijon" } } };
const theirs: Version = { key: "theirs", title: "L'autre version", keepLabel: "Garder l'autre version", payload: { email: "a@x.fr", phone: "01 42 27 12 34", address: { street: "3 rue Pasteur", city: "Dijon", complement: "Bât. B" } } };

describe("compareVersions", () => {
    it("lists every field in the form's order, with its label and each version's value", () => {
        const rows = compareVersions([mine, theirs], labels);
        expect(rows.map(r => r.path)).toEqual(["email", "phone", "address.street", "address.city", "address.complement"]);
        expect(rows[1]).toMatchObject({ label: "Téléphone", shown: ["06 12 34 56 78", "01 42 27 12 34"], differs: true });
        expect(rows[0]?.differs).toBe(false);
        expect(rows[4]).toMatchObject({ label: "address.complement", shown: ["", "Bât. B"], differs: true });
    });
    it("formats values with the form's formatter", () => {
        const rows = compareVersions([mine, theirs], labels, (p, v) => (p === "phone" ? `tél. ${v as string}` : typeof v === "string" ? v : ""));
        expect(rows[1]?.shown).toEqual(["tél. 06 12 34 56 78", "tél. 01 42 27 12 34"]);
    });
    it("reads missing, null and empty as the same", () => {
        const a: Version = { ...mine, payload: { email: "" } };
        const b: Version = { ...theirs, payload: { email: null } };
        const c: Version = { ...theirs, payload: {} };
        expect(compareVersions([a, b], labels)[0]?.differs).toBe(false);
        expect(differingPaths(compareVersions([a, c], labels))).toEqual([]);
    });
    it("takes N versions and a base, telling which changed each field", () => {
        const base = { email: "a@x.fr", phone: "06 12 34 56 78", address: { street: "1 rue Haute", city: "Dijon" } };
        const server: Version = { key: "server", title: "Sur le serveur", keepLabel: "Garder la version du serveur", payload: base };
        const rows = compareVersions([mine, theirs, server], labels, undefined, base);
        const street = rows.find(r => r.path === "address.street");
        expect(street?.shown).toEqual(["12 rue de la Paix", "3 rue Pasteur", "1 rue Haute"]);
        expect(street?.changed).toEqual([true, true, false]);
        expect(rows.find(r => r.path === "phone")?.changed).toEqual([false, true, false]);
    });
    it("walks nested objects; lists are single fields", () => {
        expect(leafPaths({ a: 1, b: { c: [1, 2], d: { e: true } } })).toEqual(["a", "b.c", "b.d.e"]);
    });
});

describe("choices and merge", () => {
    const rows = compareVersions([mine, theirs], labels);
    it("needs a choice for every differing field", () => {
        expect(complete(rows, {})).toBe(false);
        expect(complete(rows, { phone: 0, "address.street": 1 })).toBe(false);
        expect(complete(rows, { phone: 0, "address.street": 1, "address.complement": 1 })).toBe(true);
        expect(complete(rows, chooseAll(rows, 0))).toBe(true);
    });
    it("keeps the newer version and puts back the fields chosen from mine", () => {
        const merged = mergeVersions([mine, theirs], { phone: 0, "address.street": 1, "address.complement": 0 }, 1);
        expect(merged).toEqual({ email: "a@x.fr", phone: "06 12 34 56 78", address: { street: "3 rue Pasteur", city: "Dijon", complement: undefined } });
    });
    it("keeps all of one version", () => {
        expect(mergeVersions([mine, theirs], chooseAll(rows, 0), 1)).toEqual({ ...(mine.payload as object), address: { street: "12 rue de la Paix", city: "Dijon", complement: undefined } });
        expect(mergeVersions([mine, theirs], chooseAll(rows, 1), 1)).toEqual(theirs.payload);
    });
    it("never changes the versions compared", () => {
        const before = JSON.stringify(theirs.payload);
        mergeVersions([mine, theirs], chooseAll(rows, 0), 1);
        expect(JSON.stringify(theirs.payload)).toBe(before);
    });
});
