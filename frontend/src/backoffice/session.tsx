import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, server, type Account, type Credentials } from "../api";

// Who is signed in to the back office. The session itself is an HttpOnly
// cookie set by the server: the page only learns whose it is (GET
// /api/v1/session) and forgets it on « Se déconnecter » or when the server
// says it ended.

export type SessionState =
    | { status: "checking" }
    | { status: "unreachable"; error: ApiError }
    | { status: "signedOut"; notice?: string }
    | { status: "signedIn"; account: Account };

export interface SessionValue {
    state: SessionState;
    signIn: (c: Credentials) => Promise<void>;
    signOut: () => Promise<void>;
    /** ended is called by a page whose call was refused for want of a session: it asks to sign in again. */
    ended: () => void;
    retry: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
    const [state, setState] = useState<SessionState>({ status: "checking" });
    const [round, setRound] = useState(0);

    useEffect(() => {
        let current = true;
        server.session().then(
            s => {
                if (current) {
                    setState({ status: "signedIn", account: s.account });
                }
            },
            (e: unknown) => {
                if (!current) {
                    return;
                }
                if (e instanceof ApiError && e.code !== "unauthorized" && e.code !== "forbidden") {
                    setState({ status: "unreachable", error: e });
                    return;
                }
                setState({ status: "signedOut" });
            }
        );
        return () => {
            current = false;
        };
    }, [round]);

    const signIn = useCallback(async (c: Credentials) => {
        const s = await server.signIn(c);
        setState({ status: "signedIn", account: s.account });
    }, []);
    const signOut = useCallback(async () => {
        try {
            await server.signOut();
        } catch (e) {
            // A session that already ended is signed out all the same.
            if (!(e instanceof ApiError) || e.code !== "unauthorized") {
                throw e;
            }
        }
        setState({ status: "signedOut", notice: "Vous êtes déconnecté." });
    }, []);
    const ended = useCallback(() => {
        setState({ status: "signedOut", notice: "Votre session a pris fin. Connectez-vous à nouveau pour continuer." });
    }, []);
    const retry = useCallback(() => {
        setState({ status: "checking" });
        setRound(r => r + 1);
    }, []);

    const value = useMemo(() => ({ state, signIn, signOut, ended, retry }), [state, signIn, signOut, ended, retry]);
    return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
    const v = useContext(SessionContext);
    if (v === null) {
        throw new Error("useSession outside SessionProvider");
    }
    return v;
}

/** useAgent is the signed-in account, in pages shown only to signed-in agents. */
export function useAgent(): Account {
    const { state } = useSession();
    if (state.status !== "signedIn") {
        throw new Error("useAgent without a session");
    }
    return state.account;
}
