import { EventsOn } from "./wailsjs/runtime/runtime";
import type { RequestStatus, SyncState } from "./types";
import { transport } from "./transport";

// The application's events (app/events.go): in the Wails desktop window
// through the runtime's EventsOn, in a browser through one server-sent
// events stream (GET /api/events) shared by every listener of the page.
// A "sync:state" listener gets the current state when it subscribes (the
// stream starts with it; on desktop it is asked for: App.SyncState).

/** A request was written (by this tab, another tab or another window). */
export interface RequestChanged {
    id: string;
    revision: number;
    status: RequestStatus | "";
    /** The draft was deleted. */
    deleted?: boolean;
}

/** The record open on this computer was closed. */
export interface SessionEnded {
    id: string;
    /** The RPPS of the record that was open. */
    principal: string;
    reason: "closed" | "replaced" | "shutdown";
}

/** The server's changes were applied on this computer (after their "request:changed"). */
export interface SyncPulled {
    requestIds: string[] | null;
}

/** A Pro Santé Connect login ended (the desktop's system browser came back), or this computer signed out. */
export interface ConnectionChanged {
    state: "connected" | "failed" | "cancelled" | "signedOut";
    /** The practitioner's RPPS, once connected. */
    rpps?: string;
    /** Why the login failed, in French. */
    message?: string;
}

export interface AppEvents {
    "connection:changed": ConnectionChanged;
    "sync:state": SyncState;
    "sync:pulled": SyncPulled;
    "request:changed": RequestChanged;
    "session:ended": SessionEnded;
    /** The cabinet's mailbox changed: its state, or an e-mail filed (no payload: read MailboxStatus and ListMailFindings). */
    "mailbox:changed": null;
}

export type AppEventName = keyof AppEvents;
export type Unsubscribe = () => void;
export type OnEvent = <N extends AppEventName>(name: N, handler: (payload: AppEvents[N]) => void) => Unsubscribe;

/** What EventSource offers that the events need (a fake in tests). */
export interface EventSourceLike {
    addEventListener: (type: string, listener: (event: MessageEvent<string>) => void) => void;
    removeEventListener: (type: string, listener: (event: MessageEvent<string>) => void) => void;
    close: () => void;
}

export interface EventsEnv {
    isDesktop: () => boolean;
    /** The Wails runtime's EventsOn. */
    wailsOn: (name: string, callback: (...data: unknown[]) => void) => Unsubscribe;
    openStream: (url: string) => EventSourceLike;
    /** App.SyncState: the current state, for a desktop listener that subscribes. */
    syncState: () => Promise<SyncState>;
}

export const EVENTS_URL = "/api/events";

/** createOnEvent builds onEvent over an environment (the window, or fakes in tests). */
export function createOnEvent(env: EventsEnv): OnEvent {
    let stream: EventSourceLike | undefined;
    let listeners = 0;
    // The stream sends the sync state once, when it opens: a later listener
    // gets the last one at once.
    let lastSync: SyncState | undefined;
    const keepSync = (event: MessageEvent<string>) => {
        lastSync = parse(event) as SyncState | undefined;
    };

    const open = (): EventSourceLike => {
        if (stream === undefined) {
            stream = env.openStream(EVENTS_URL);
            stream.addEventListener("sync:state", keepSync);
        }
        return stream;
    };

    return <N extends AppEventName>(name: N, handler: (payload: AppEvents[N]) => void): Unsubscribe => {
        if (env.isDesktop()) {
            let live = true;
            const off = env.wailsOn(name, (payload: unknown) => {
                handler(payload as AppEvents[N]);
            });
            if (name === "sync:state") {
                env.syncState().then(
                    state => {
                        if (live) {
                            handler(state as AppEvents[N]);
                        }
                    },
                    () => undefined // the next "sync:state" event will say it
                );
            }
            return () => {
                live = false;
                off();
            };
        }
        const source = open();
        listeners++;
        const listener = (event: MessageEvent<string>) => {
            const payload = parse(event);
            if (payload !== undefined) {
                handler(payload as AppEvents[N]);
            }
        };
        source.addEventListener(name, listener);
        if (name === "sync:state" && lastSync !== undefined) {
            const known = lastSync;
            queueMicrotask(() => {
                handler(known as AppEvents[N]);
            });
        }
        let subscribed = true;
        return () => {
            if (!subscribed) {
                return;
            }
            subscribed = false;
            source.removeEventListener(name, listener);
            listeners--;
            if (listeners === 0 && stream === source) {
                source.close();
                stream = undefined;
                lastSync = undefined;
            }
        };
    };
}

function parse(event: MessageEvent<string>): unknown {
    try {
        return JSON.parse(event.data) as unknown;
    } catch {
        return undefined;
    }
}

/** windowEvents is the page's environment: the Wails runtime or EventSource; syncState calls App.SyncState. */
export function windowEvents(syncState: () => Promise<SyncState>): EventsEnv {
    return {
        isDesktop: () => transport.isDesktop(),
        wailsOn: (name, callback) => EventsOn(name, callback),
        openStream: url => new EventSource(url),
        syncState
    };
}
