import { describe, expect, it } from "vitest";
import type { GuidanceAction } from "../api";
import { mergeErrors, orderedErrors, toFieldErrors, withoutField } from "./fieldErrors";
import { fieldValue, guidanceActions, guidanceStep } from "./guidance";
import { fieldId, getPath, isUnder, setPath } from "./paths";
import { formatClock } from "./time";

describe("paths", () => {
    const payload = { endDate: "2026-01-01", structure: { siret: "123", address: { postalCode: "21000" } } };

    it("reads top-level and nested fields", () => {
        expect(getPath(payload, "endDate")).toBe("2026-01-01");
        expect(getPath(payload, "structure.address.postalCode")).toBe("21000");
        expect(getPath(payload, "structure.finess")).toBeUndefined();
        expect(getPath(payload, "endDate.year")).toBeUndefined();
        expect(getPath(null, "endDate")).toBeUndefined();
    });

    it("sets a nested field without touching the original", () => {
        const next = setPath(payload, "structure.address.postalCode", "34000");
        expect(getPath(next, "structure.address.postalCode")).toBe("34000");
        expect(getPath(next, "structure.siret")).toBe("123");
        expect(payload.structure.address.postalCode).toBe("21000");
        expect(next.structure).not.toBe(payload.structure);
    });

    it("creates the objects on the way", () => {
        expect(setPath({}, "address.street", "rue Pasteur")).toEqual({ address: { street: "rue Pasteur" } });
        expect(setPath({ a: 1 }, "", 2)).toEqual({ a: 1 });
    });

    it("names inputs and tells nesting", () => {
        expect(fieldId("structure.siret")).toBe("field-structure.siret");
        expect(isUnder("structure.siret", "structure")).toBe(true);
        expect(isUnder("structure", "structure")).toBe(true);
        expect(isUnder("structures", "structure")).toBe(false);
    });
});

describe("field errors", () => {
    const fields = [
        { field: "endDate", code: "before_start", message: "Trop tôt." },
        { field: "endDate", code: "too_late", message: "Second message." },
        { field: "structure.siret", code: "format", message: "SIRET invalide." },
        { field: "", code: "x", message: "Sans champ." }
    ];

    it("keeps the first message of each field", () => {
        expect(toFieldErrors(fields)).toEqual({ endDate: "Trop tôt.", "structure.siret": "SIRET invalide." });
        expect(toFieldErrors(null)).toEqual({});
    });

    it("drops a field and what is inside it", () => {
        const errors = toFieldErrors(fields);
        expect(withoutField(errors, "structure")).toEqual({ endDate: "Trop tôt." });
        expect(withoutField(errors, "structure.siret.x")).toEqual({ endDate: "Trop tôt." });
        expect(withoutField(errors, "reasonCode")).toBe(errors);
    });

    it("lets the latest validation win over a refused transmission", () => {
        const transmit = { reasonCode: "Choisissez le motif.", endDate: "Indiquez la date." };
        expect(mergeErrors(transmit, { endDate: "Trop tôt." })).toEqual({ reasonCode: "Choisissez le motif.", endDate: "Trop tôt." });
        const validation = { endDate: "x" };
        expect(mergeErrors({}, validation)).toBe(validation);
    });

    it("lists errors in the form's order", () => {
        const list = orderedErrors({ comment: "c", "structure.siret": "s", endDate: "e", other: "o" }, ["endDate", "structure", "comment"]);
        expect(list.map(e => e.field)).toEqual(["endDate", "structure.siret", "comment", "other"]);
    });
});

describe("guidance", () => {
    const rpps = "99100000001";

    it("starts a cessation of the named activity", () => {
        expect(guidanceStep({ label: "Cesser", kind: "start_request", requestKind: "cease_activity", targetId: "act 1" }, rpps)).toEqual({
            kind: "navigate",
            to: "/pro/99100000001/cesser?activite=act%201"
        });
        expect(guidanceStep({ label: "Profession", kind: "start_request", requestKind: "new_profession", targetId: "x" }, rpps)).toEqual({
            kind: "navigate",
            to: "/pro/99100000001/nouvelle-profession"
        });
        expect(guidanceStep({ label: "?", kind: "start_request", requestKind: "nope" as never }, rpps)).toEqual({ kind: "none" });
    });

    it("sets a field, reading booleans", () => {
        expect(guidanceStep({ label: "Je conserve", kind: "set_field", field: "keepsOtherActivities", value: "true" }, rpps)).toEqual({
            kind: "set_field",
            field: "keepsOtherActivities",
            value: true
        });
        expect(guidanceStep({ label: "Déménagement", kind: "set_field", field: "replacesActivityId", value: "act-1" }, rpps)).toEqual({
            kind: "set_field",
            field: "replacesActivityId",
            value: "act-1"
        });
        expect(guidanceStep({ label: "?", kind: "set_field" }, rpps)).toEqual({ kind: "none" });
        expect(fieldValue("false")).toBe(false);
        expect(fieldValue(undefined)).toBe("");
    });

    it("opens a page of the record, and nothing outside it", () => {
        expect(guidanceStep({ label: "Demandes", kind: "open", value: "demandes" }, rpps)).toEqual({ kind: "navigate", to: "/pro/99100000001/demandes" });
        expect(guidanceStep({ label: "x", kind: "open", value: "../../aide" }, rpps)).toEqual({ kind: "none" });
        expect(guidanceStep({ label: "x", kind: "open", value: "https://example.com" }, rpps)).toEqual({ kind: "none" });
        expect(guidanceStep({ label: "x", kind: "unknown" as GuidanceAction["kind"] }, rpps)).toEqual({ kind: "none" });
    });

    it("lists the action then the other actions", () => {
        const a: GuidanceAction = { label: "a", kind: "open", value: "demandes" };
        const b: GuidanceAction = { label: "b", kind: "open", value: "activites" };
        expect(guidanceActions({ code: "c", level: "error", title: "t", message: "m", action: a, actions: [b] })).toEqual([a, b]);
        expect(guidanceActions({ code: "c", level: "info", title: "t", message: "m" })).toEqual([]);
    });
});

describe("formatClock", () => {
    it("writes hours, minutes and seconds on two digits", () => {
        expect(formatClock(new Date(2026, 10, 27, 9, 5, 7))).toBe("09:05:07");
        expect(formatClock(new Date(2026, 10, 27, 10, 42, 5))).toBe("10:42:05");
    });
});
