import { describe, expect, it } from "vitest";
import { connectPageOf } from "./paths";

describe("connectPageOf", () => {
    it.each([
        ["/connexion", "login"],
        ["/connexion/", "login"],
        ["/mobile", "mobile"],
        ["/aide-connexion", "help"],
        ["/", null],
        ["/file", null],
        ["/connexion/x", null],
        ["/mobiles", null]
    ])("%s → %s", (path, want) => {
        expect(connectPageOf(path)).toBe(want);
    });
});
