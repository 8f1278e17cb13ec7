import { describe, expect, it, vi } from "vitest";
import { createOnEvent, EVENTS_URL, type EventSourceLike, type EventsEnv } from "./events";

type Listener = (event: MessageEvent<string>) => void;

/** FakeStream is an EventSource the test feeds. */
class FakeStream implements EventSourceLike {
    listeners = new Map<string, Set<Listener>>();
    closed = false;
    addEventListener(type: string, listener: Listener) {
        const set = this.listeners.get(type) ?? new Set<Listener>();
        set.add(listener);
        this.listeners.set(type, set);
    }
    removeEventListener(type: string, listener: Listener) {
        this.listeners.get(type)?.delete(listener);
    }
    close() {
        this.closed = true;
    }
    send(type: string, data: string) {
        for (const l of this.listeners.get(type) ?? []) {
            l(new MessageEvent(type, { data }));
        }
    }
}

function browserEnv() {
    const streams: { url: string; stream: FakeStream }[] = [];
    const env: EventsEnv = {
        isDesktop: () => false,
        wailsOn: () => {
            throw new Error("no Wails runtime in a browser");
        },
        openStream: url => {
            const stream = new FakeStream();
            streams.push({ url, stream });
            return stream;
        },
        syncState: () => Promise.reject(new Error("the stream says the sync state in a browser"))
    };
    return { env, streams };
}

describe("onEvent in a browser", () => {
    it("shares one event stream, passes the named events decoded, and closes it with the last listener", () => {
        const { env, streams } = browserEnv();
        const onEvent = createOnEvent(env);
        const changes: unknown[] = [];
        const ends: unknown[] = [];
        const offChanges = onEvent("request:changed", c => changes.push(c));
        const offEnds = onEvent("session:ended", e => ends.push(e));
        expect(streams).toHaveLength(1);
        expect(streams[0]?.url).toBe(EVENTS_URL);
        const stream = streams[0]?.stream ?? new FakeStream();

        stream.send("request:changed", `{"id":"r1","revision":3,"status":"draft"}`);
        stream.send("request:changed", "not json");
        stream.send("session:ended", `{"id":"s1","principal":"10001234567","reason":"replaced"}`);
        expect(changes).toEqual([{ id: "r1", revision: 3, status: "draft" }]);
        expect(ends).toEqual([{ id: "s1", principal: "10001234567", reason: "replaced" }]);

        offChanges();
        offChanges();
        stream.send("request:changed", `{"id":"r1","revision":4,"status":"draft"}`);
        expect(changes).toHaveLength(1);
        expect(stream.closed).toBe(false);
        offEnds();
        expect(stream.closed).toBe(true);

        onEvent("request:changed", () => undefined);
        expect(streams).toHaveLength(2);
    });

    it("gives a late listener the sync state the stream opened with", async () => {
        const { env, streams } = browserEnv();
        const onEvent = createOnEvent(env);
        onEvent("request:changed", () => undefined);
        streams[0]?.stream.send("sync:state", `{"state":"local"}`);
        const states: unknown[] = [];
        onEvent("sync:state", s => states.push(s));
        await Promise.resolve();
        expect(states).toEqual([{ state: "local" }]);
    });
});

describe("onEvent in the desktop window", () => {
    it("listens through the Wails runtime and returns its unsubscribe", () => {
        const off = vi.fn();
        let callback: ((...data: unknown[]) => void) | undefined;
        const wailsOn = vi.fn((_name: string, cb: (...data: unknown[]) => void) => {
            callback = cb;
            return off;
        });
        const openStream = vi.fn();
        const syncState = vi.fn(() => Promise.resolve({ state: "local" as const }));
        const onEvent = createOnEvent({ isDesktop: () => true, wailsOn, openStream, syncState });
        const got: unknown[] = [];
        const unsubscribe = onEvent("request:changed", c => got.push(c));
        callback?.({ id: "r1", revision: 2, status: "transmitted" });
        expect(wailsOn).toHaveBeenCalledWith("request:changed", expect.any(Function));
        expect(got).toEqual([{ id: "r1", revision: 2, status: "transmitted" }]);
        expect(openStream).not.toHaveBeenCalled();
        unsubscribe();
        expect(off).toHaveBeenCalledTimes(1);
        expect(syncState).not.toHaveBeenCalled();
    });

    it("gives a sync:state listener the current state when it subscribes, then the events", async () => {
        let callback: ((...data: unknown[]) => void) | undefined;
        const wailsOn = vi.fn((_name: string, cb: (...data: unknown[]) => void) => {
            callback = cb;
            return () => undefined;
        });
        const syncState = vi.fn(() => Promise.resolve({ state: "local" as const }));
        const onEvent = createOnEvent({ isDesktop: () => true, wailsOn, openStream: vi.fn(), syncState });
        const states: unknown[] = [];
        onEvent("sync:state", s => states.push(s));
        await Promise.resolve();
        expect(states).toEqual([{ state: "local" }]);
        callback?.({ state: "offline" });
        expect(states).toEqual([{ state: "local" }, { state: "offline" }]);

        const late: unknown[] = [];
        const off = onEvent("sync:state", s => late.push(s));
        off(); // gone before the answer: nothing delivered
        await Promise.resolve();
        expect(late).toEqual([]);
        expect(syncState).toHaveBeenCalledTimes(2);
    });
});
