import { useCallback, useEffect, useState } from "react";
import { api, type SyncIssue, type SyncState } from "../api";
import { deliveredWatcher } from "./status";

/** useSyncState is the synchronisation's state, as "sync:state" says it ({state: "local"} until told). */
export function useSyncState(): SyncState {
    const [state, setState] = useState<SyncState>({ state: "local" });
    useEffect(() => api.onEvent("sync:state", setState), []);
    return state;
}

/** useNow is the current time, refreshed every minute (« aujourd'hui à… » stays true). */
export function useNow(): Date {
    const [now, setNow] = useState(() => new Date());
    useEffect(() => {
        const t = window.setInterval(() => {
            setNow(new Date());
        }, 60_000);
        return () => {
            window.clearInterval(t);
        };
    }, []);
    return now;
}

/**
 * useSyncIssues lists the changes set aside of the open record, read again
 * when the synchronisation's counts change or a request changes.
 */
export function useSyncIssues(): { issues: SyncIssue[]; reload: () => void } {
    const [issues, setIssues] = useState<SyncIssue[]>([]);
    const [round, setRound] = useState(0);
    const reload = useCallback(() => {
        setRound(r => r + 1);
    }, []);
    useEffect(() => {
        let current = true;
        api.listSyncIssues().then(
            list => {
                if (current) {
                    setIssues(list);
                }
            },
            () => undefined // shown again at the next change
        );
        return () => {
            current = false;
        };
    }, [round]);
    useEffect(() => {
        let last = "";
        const offState = api.onEvent("sync:state", s => {
            const key = `${String(s.setAside ?? 0)}/${s.state}`;
            if (key !== last) {
                last = key;
                reload();
            }
        });
        const offChanged = api.onEvent("request:changed", reload);
        return () => {
            offState();
            offChanged();
        };
    }, [reload]);
    return { issues, reload };
}

/**
 * usePulled calls refresh each time the server's changes were applied on
 * this computer (a decision, a record changed elsewhere), and each time the
 * server took changes of this computer (what Go says of them changed: a
 * transmitted request is « Transmise »): lists and records read themselves
 * again.
 */
export function usePulled(refresh: () => void): void {
    useEffect(() => api.onEvent("sync:pulled", () => { refresh(); }), [refresh]);
    useEffect(() => {
        const delivered = deliveredWatcher();
        return api.onEvent("sync:state", s => {
            if (delivered(s)) {
                refresh();
            }
        });
    }, [refresh]);
}
