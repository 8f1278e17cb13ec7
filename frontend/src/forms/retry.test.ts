import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { retryHelps } from "./retry";

describe("retryHelps", () => {
    it.each([
        ["a conflict (changed in another tab)", new ApiError("conflict", "Ce brouillon a été modifié ailleurs."), false],
        ["a full disk", new ApiError("disk_full", "Le disque est plein."), true],
        ["an internal error", new ApiError("internal", "Une erreur interne est survenue."), true],
        ["no answer from the service", new TypeError("Failed to fetch"), true]
    ])("%s", (_what, error, want) => {
        expect(retryHelps(error)).toBe(want);
    });
});
