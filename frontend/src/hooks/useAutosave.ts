import { useCallback, useEffect, useRef, useState } from "react";
import { AutosaveController, type AutosaveState } from "./autosave";

export interface Autosave<T> {
    state: AutosaveState;
    /** Records a change; the save runs once typing pauses. */
    change: (value: T) => void;
    /** Saves now (before transmitting, leaving the page...). */
    flush: () => Promise<void>;
}

/**
 * useAutosave saves a draft while it is typed, `delayMs` after the last
 * change. The latest `save` is always used; pending work is flushed when the
 * component goes away.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 800): Autosave<T> {
    const [state, setState] = useState<AutosaveState>({ status: "idle" });
    const saveRef = useRef(save);
    const controllerRef = useRef<AutosaveController<T> | null>(null);

    useEffect(() => {
        saveRef.current = save;
    }, [save]);

    useEffect(() => {
        const controller = new AutosaveController<T>({
            save: value => saveRef.current(value),
            delayMs,
            onState: setState
        });
        controllerRef.current = controller;
        return () => {
            controller.dispose();
            void controller.flush();
            controllerRef.current = null;
        };
    }, [delayMs]);

    const change = useCallback((value: T) => {
        controllerRef.current?.change(value);
    }, []);

    const flush = useCallback(async () => {
        await controllerRef.current?.flush();
    }, []);

    return { state, change, flush };
}
