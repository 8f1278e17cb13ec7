import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api";

export type ApiState<T> =
    | { status: "loading"; data?: undefined; error?: undefined }
    | { status: "success"; data: T; error?: undefined }
    | { status: "error"; data?: undefined; error: ApiError };

export type ApiResult<T> = ApiState<T> & {
    /** Loads again (after a change, or to retry after an error). */
    reload: () => void;
};

interface Settled<T> {
    load: () => Promise<T>;
    round: number;
    state: ApiState<T>;
}

function asApiError(e: unknown): ApiError {
    return e instanceof ApiError ? e : new ApiError("internal", "Une erreur inattendue est survenue. Réessayez.");
}

/**
 * useApi runs `load` (wrap it in useCallback: a new function loads again) and
 * tells whether it is loading, succeeded or failed. A late answer to an older
 * `load` is dropped.
 */
export function useApi<T>(load: () => Promise<T>): ApiResult<T> {
    const [round, setRound] = useState(0);
    const [settled, setSettled] = useState<Settled<T> | null>(null);

    useEffect(() => {
        let current = true;
        load().then(
            data => {
                if (current) {
                    setSettled({ load, round, state: { status: "success", data } });
                }
            },
            (e: unknown) => {
                if (current) {
                    setSettled({ load, round, state: { status: "error", error: asApiError(e) } });
                }
            }
        );
        return () => {
            current = false;
        };
    }, [load, round]);

    const reload = useCallback(() => {
        setRound(r => r + 1);
    }, []);

    const state: ApiState<T> =
        settled !== null && settled.load === load && settled.round === round ? settled.state : { status: "loading" };
    return { ...state, reload };
}
