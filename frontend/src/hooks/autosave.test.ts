import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveController, type AutosaveState } from "./autosave";

interface Deferred {
    promise: Promise<void>;
    resolve: () => void;
    reject: (e: unknown) => void;
}

function deferred(): Deferred {
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

function setup(delayMs = 500) {
    const saves: { value: string; done: Deferred }[] = [];
    const states: AutosaveState["status"][] = [];
    const controller = new AutosaveController<string>({
        delayMs,
        save: value => {
            const done = deferred();
            saves.push({ value, done });
            return done.promise;
        },
        onState: s => states.push(s.status),
        now: () => new Date(2026, 10, 27, 10, 0)
    });
    return { controller, saves, states };
}

describe("AutosaveController", () => {
    beforeEach(() => {
        vi.useFakeTimers();
    });
    afterEach(() => {
        vi.useRealTimers();
    });

    it("saves once, with the last value, after typing pauses", async () => {
        const { controller, saves, states } = setup(500);
        controller.change("D");
        await vi.advanceTimersByTimeAsync(300);
        controller.change("Du");
        await vi.advanceTimersByTimeAsync(300);
        controller.change("Dup");
        expect(saves).toHaveLength(0);

        await vi.advanceTimersByTimeAsync(500);
        expect(saves.map(s => s.value)).toEqual(["Dup"]);

        saves[0]?.done.resolve();
        await vi.advanceTimersByTimeAsync(0);
        expect(controller.current.status).toBe("saved");
        expect(controller.current.savedAt).toEqual(new Date(2026, 10, 27, 10, 0));
        expect(states).toEqual(["pending", "pending", "pending", "saving", "saved"]);
    });

    it("never runs two saves at once and saves the change made during a save", async () => {
        const { controller, saves } = setup(100);
        controller.change("a");
        await vi.advanceTimersByTimeAsync(100);
        expect(saves).toHaveLength(1);

        controller.change("ab");
        await vi.advanceTimersByTimeAsync(100);
        expect(saves).toHaveLength(1); // still waiting for the first save

        saves[0]?.done.resolve();
        await vi.advanceTimersByTimeAsync(0);
        expect(saves.map(s => s.value)).toEqual(["a", "ab"]);
        expect(controller.current.status).toBe("saving");

        saves[1]?.done.resolve();
        await vi.advanceTimersByTimeAsync(0);
        expect(controller.current.status).toBe("saved");
    });

    it("flush saves at once without waiting for the delay", async () => {
        const { controller, saves } = setup(10_000);
        controller.change("x");
        const flushed = controller.flush();
        expect(saves.map(s => s.value)).toEqual(["x"]);
        saves[0]?.done.resolve();
        await flushed;
        expect(controller.current.status).toBe("saved");

        await vi.advanceTimersByTimeAsync(20_000);
        expect(saves).toHaveLength(1); // the cancelled timer does not save again
    });

    it("flush with nothing to save does nothing", async () => {
        const { controller, saves } = setup();
        await controller.flush();
        expect(saves).toHaveLength(0);
        expect(controller.current.status).toBe("idle");
    });

    it("keeps the value dirty after a failed save and retries on flush", async () => {
        const { controller, saves } = setup(100);
        controller.change("v1");
        await vi.advanceTimersByTimeAsync(100);
        const failure = new Error("disque plein");
        saves[0]?.done.reject(failure);
        await vi.advanceTimersByTimeAsync(0);
        expect(controller.current.status).toBe("error");
        expect(controller.current.error).toBe(failure);

        const flushed = controller.flush();
        await vi.advanceTimersByTimeAsync(0);
        expect(saves.map(s => s.value)).toEqual(["v1", "v1"]);
        saves[1]?.done.resolve();
        await flushed;
        expect(controller.current.status).toBe("saved");
    });

    it("stops scheduling once disposed", async () => {
        const { controller, saves } = setup(100);
        controller.change("a");
        controller.dispose();
        await vi.advanceTimersByTimeAsync(1000);
        expect(saves).toHaveLength(0);
        controller.change("b");
        await vi.advanceTimersByTimeAsync(1000);
        expect(saves).toHaveLength(0);
    });
});
