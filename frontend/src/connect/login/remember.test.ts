import { describe, expect, it } from "vitest";
import { rememberedIdentifier, rememberIdentifier } from "./remember";

function memory() {
    const m = new Map<string, string>();
    return {
        getItem: (k: string) => m.get(k) ?? null,
        setItem: (k: string, v: string) => {
            m.set(k, v);
        },
        removeItem: (k: string) => {
            m.delete(k);
        },
        size: () => m.size
    };
}

describe("« Mémoriser mon identifiant sur ce poste »", () => {
    it("keeps the identifier only when asked, and forgets it when unticked", () => {
        const s = memory();
        expect(rememberedIdentifier(s)).toBe("");
        rememberIdentifier("810000000009", s);
        expect(rememberedIdentifier(s)).toBe("810000000009");
        rememberIdentifier(null, s);
        expect(rememberedIdentifier(s)).toBe("");
        expect(s.size()).toBe(0);
    });

    it("survives a storage that refuses (private browsing)", () => {
        const refusing = {
            getItem: () => {
                throw new Error("denied");
            },
            setItem: () => {
                throw new Error("denied");
            },
            removeItem: () => {
                throw new Error("denied");
            }
        };
        expect(rememberedIdentifier(refusing)).toBe("");
        expect(() => {
            rememberIdentifier("810000000009", refusing);
        }).not.toThrow();
    });
});
