import { describe, expect, it } from "vitest";
import { announcedAt, countdownText, deadline, secondsLeft } from "./countdown";

describe("countdown", () => {
    it("counts the server's window from the reply's arrival", () => {
        const end = deadline(5_000, 120);
        expect(end).toBe(125_000);
        expect(secondsLeft(end, 5_000)).toBe(120);
        expect(secondsLeft(end, 5_001)).toBe(120);
        expect(secondsLeft(end, 13_000)).toBe(112);
        expect(secondsLeft(end, 124_500)).toBe(1);
        expect(secondsLeft(end, 125_000)).toBe(0);
        expect(secondsLeft(end, 999_000)).toBe(0);
        expect(deadline(1_000, -5)).toBe(1_000);
    });

    it("words the time left as the guide does", () => {
        expect(countdownText(112)).toBe("Il vous reste 112 secondes pour valider votre demande d'authentification");
        expect(countdownText(1)).toBe("Il vous reste 1 seconde pour valider votre demande d'authentification");
        expect(countdownText(0)).toBe("Le temps pour valider votre demande d'authentification est écoulé");
    });

    it("reads the time left out at sensible intervals only", () => {
        const heard: number[] = [];
        let last = -1;
        for (let s = 120; s >= 0; s--) {
            const a = announcedAt(s, 120);
            if (a !== last) {
                heard.push(a);
                last = a;
            }
        }
        expect(heard).toEqual([120, 90, 60, 30, 20, 10, 5, 0]);
        expect(announcedAt(112, 120)).toBe(120);
        expect(announcedAt(89, 120)).toBe(90);
        expect(announcedAt(7, 120)).toBe(10);
    });

    it("works for a window that is not a multiple of 30", () => {
        const heard = new Set<number>();
        for (let s = 100; s >= 0; s--) {
            heard.add(announcedAt(s, 100));
        }
        expect([...heard]).toEqual([100, 90, 60, 30, 20, 10, 5, 0]);
    });
});
