import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, ApiError, type Request, type RequestItem, type RequestKind, type RequestPayload, type RequestView, type Validation } from "../api";
import { itemOf } from "../domain/requests";
import type { AutosaveState } from "../hooks/autosave";
import { useAutosave } from "../hooks/useAutosave";
import { mergeErrors, NO_ERRORS, toFieldErrors, withoutField, type FieldErrors } from "./fieldErrors";
import { getPath, setPath } from "./paths";

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 400;

/** Which request a form edits. */
export interface DraftTarget {
    rpps: string;
    kind: RequestKind;
    /** The object of the request: the activity a cessation ends. */
    targetId?: string;
    /** A request to open as it is (`?demande=<id>`); otherwise the request is started or resumed. */
    requestId?: string;
}

/** What happened to the last transmission, withdrawal or deletion. */
export type DraftOutcome =
    | { kind: "none" }
    | { kind: "transmitted" }
    | { kind: "withdrawn" }
    /** The ARS would refuse it: field errors (required ones included) are shown beside the fields. */
    | { kind: "invalid"; message: string; attempt: number }
    | { kind: "failed"; title: string; message: string };

/** The fields' side of a draft: what the bound fields of src/forms/fields.tsx use. */
export interface DraftFields {
    payload: unknown;
    editable: boolean;
    errorOf: (path: string) => string | undefined;
    setField: (path: string, value: unknown) => void;
}

export interface RequestDraft<P> extends DraftFields {
    phase: "loading" | "failed" | "ready";
    /** Why the request could not be opened (phase "failed"). */
    openError?: ApiError;
    retryOpen: () => void;
    /** The request as the Go side last returned it (status, history, dates), with its labels and permissions. */
    request?: RequestItem;
    /** What the user typed: the server's payload at the first load, local changes after. */
    payload: P | undefined;
    /** A draft or a complement asked by the ARS: the form is editable. */
    editable: boolean;
    /** StartRequest found the draft already started, or a draft was opened by its id. */
    resumed: boolean;
    /** The latest validation (each autosave returns one). */
    validation: Validation;
    /** Errors beside the fields: the latest validation's and a refused transmission's. */
    errors: FieldErrors;
    autosave: AutosaveState;
    /** A transmission, withdrawal or deletion is running. */
    busy: boolean;
    outcome: DraftOutcome;
    /** Sets a field (dotted JSON path) and schedules the autosave. */
    setField: (path: string, value: unknown) => void;
    /** Sets several top-level fields at once. */
    update: (patch: Partial<P>) => void;
    /** Saves now what is not saved yet; false when the save failed. */
    flush: () => Promise<boolean>;
    /** Saves, then sends the request to the ARS. */
    transmit: () => Promise<void>;
    /** Takes back a transmitted request not decided yet. */
    withdraw: (comment: string) => Promise<void>;
    /** Deletes the draft; true when it is gone. */
    discard: () => Promise<boolean>;
    /** The draft was saved elsewhere (another tab or window) since this copy was opened: both versions, to choose from. */
    conflict?: DraftConflict<P>;
    /** Saves the payload chosen from the conflict's versions, on top of the newer revision. */
    resolveConflict: (payload: P) => void;
}

/** A save refused because the draft changed elsewhere: what this page holds, and the newer version saved. */
export interface DraftConflict<P> {
    mine: P;
    theirs: P;
    /** The newer revision, the base of the next save. */
    revision: number;
}

const EMPTY_VALIDATION: Validation = { fields: [], guidance: [], complete: false };

interface Session<P> {
    key: string;
    view: RequestView;
    payload: P;
    transmitErrors: FieldErrors;
    outcome: DraftOutcome;
    conflict?: { theirs: RequestView; mine: P };
}

type Opened<P> = Session<P> | { key: string; error: ApiError };

interface PendingSave<P> {
    id: string;
    payload: P;
}

function asApiError(e: unknown): ApiError {
    return e instanceof ApiError ? e : new ApiError("internal", "Une erreur inattendue est survenue. Réessayez.");
}

function isEditable(view: RequestView): boolean {
    return view.permissions.canEdit;
}

function openRequest(target: DraftTarget): Promise<RequestView> {
    if (target.requestId !== undefined && target.requestId !== "") {
        return api.getRequest(target.requestId);
    }
    return api.startRequest({ rpps: target.rpps, kind: target.kind, targetId: target.targetId });
}

/**
 * useRequestDraft opens a request (GetRequest for `requestId`, else
 * StartRequest, which returns the draft of the same kind on the same object
 * when there is one) and edits it offline: every change updates the local
 * payload at once and is saved AUTOSAVE_DELAY_MS after the last one (saves
 * never overlap; a change made during a save is saved right after); pending
 * changes are saved when the page is left, hidden or closed. The server's
 * payload never overwrites what was typed after the first load.
 */
export function useRequestDraft<P extends RequestPayload>(target: DraftTarget): RequestDraft<P> {
    const { rpps, kind, targetId = "", requestId = "" } = target;
    const key = JSON.stringify([rpps, kind, targetId, requestId]);
    const [round, setRound] = useState(0);
    const [opened, setOpened] = useState<Opened<P> | null>(null);
    const [busy, setBusy] = useState(false);
    const payloadRef = useRef<P | undefined>(undefined);
    // The request of the last view received: a save is made over its
    // revision; saves never overlap, so each uses the one the previous returned.
    const baseRef = useRef<Request | undefined>(undefined);
    // Changes typed (counted) and the autosave's status: a change made
    // elsewhere replaces the form only when nothing local is unsaved.
    const editsRef = useRef(0);
    const autosaveStatusRef = useRef<AutosaveState["status"]>("idle");
    const lastSaveError = useRef<ApiError | undefined>(undefined);
    const discarded = useRef(new Set<string>());
    // StrictMode runs effects twice in development: start a request once per key.
    const started = useRef<{ key: string; round: number; promise: Promise<RequestView> } | null>(null);

    useEffect(() => {
        let current = true;
        let entry = started.current;
        if (entry === null || entry.key !== key || entry.round !== round) {
            entry = { key, round, promise: openRequest({ rpps, kind, targetId, requestId }) };
            started.current = entry;
        }
        entry.promise.then(
            view => {
                if (!current) {
                    return;
                }
                const payload = view.request.payload as P;
                payloadRef.current = payload;
                baseRef.current = view.request;
                setOpened({ key, view, payload, transmitErrors: NO_ERRORS, outcome: { kind: "none" } });
            },
            (e: unknown) => {
                if (current) {
                    setOpened({ key, error: asApiError(e) });
                }
            }
        );
        return () => {
            current = false;
        };
    }, [key, round, rpps, kind, targetId, requestId]);

    // A save refused as stale: the newer version saved elsewhere is fetched, to be compared with this page's.
    const showConflict = useCallback(async (id: string) => {
        let theirs: RequestView;
        try {
            theirs = await api.getRequest(id);
        } catch {
            return;
        }
        if (!isEditable(theirs) || theirs.request.revision <= (baseRef.current?.revision ?? 0)) {
            return;
        }
        setOpened(o => {
            if (o === null || !("view" in o) || o.view.request.id !== id || payloadRef.current === undefined) {
                return o;
            }
            return { ...o, conflict: { theirs, mine: payloadRef.current } };
        });
    }, []);

    const save = useCallback(async ({ id, payload }: PendingSave<P>) => {
        if (discarded.current.has(id)) {
            return;
        }
        try {
            const view = await api.saveDraft(id, baseRef.current?.revision ?? 0, payload);
            baseRef.current = view.request;
            lastSaveError.current = undefined;
            setOpened(o => (o !== null && "view" in o && o.view.request.id === id ? { ...o, view: { ...view, resumed: o.view.resumed } } : o));
        } catch (e) {
            lastSaveError.current = asApiError(e);
            if (lastSaveError.current.code === "conflict") {
                await showConflict(id);
            }
            throw lastSaveError.current;
        }
    }, [showConflict]);
    const autosave = useAutosave<PendingSave<P>>(save, AUTOSAVE_DELAY_MS);
    const { change, flush: flushAutosave } = autosave;
    useEffect(() => {
        autosaveStatusRef.current = autosave.state.status;
    }, [autosave.state.status]);

    const flush = useCallback(async () => {
        await flushAutosave();
        return lastSaveError.current === undefined;
    }, [flushAutosave]);

    useEffect(() => {
        const onVisibility = () => {
            if (document.visibilityState === "hidden") {
                void flushAutosave();
            }
        };
        const onPageHide = () => {
            void flushAutosave();
        };
        document.addEventListener("visibilitychange", onVisibility);
        window.addEventListener("pagehide", onPageHide);
        return () => {
            document.removeEventListener("visibilitychange", onVisibility);
            window.removeEventListener("pagehide", onPageHide);
        };
    }, [flushAutosave]);

    const session = opened !== null && opened.key === key && "view" in opened ? opened : undefined;
    const openError = opened !== null && opened.key === key && "error" in opened ? opened.error : undefined;
    const id = session?.view.request.id;
    const editable = session !== undefined && isEditable(session.view);

    const setField = useCallback(
        (path: string, value: unknown) => {
            if (id === undefined || !editable || payloadRef.current === undefined) {
                return;
            }
            const payload = setPath(payloadRef.current, path, value);
            payloadRef.current = payload;
            editsRef.current++;
            setOpened(o => (o !== null && "view" in o ? { ...o, payload, transmitErrors: withoutField(o.transmitErrors, path) } : o));
            change({ id, payload });
        },
        [id, editable, change]
    );

    const update = useCallback(
        (patch: Partial<P>) => {
            if (id === undefined || !editable || payloadRef.current === undefined) {
                return;
            }
            const payload = { ...payloadRef.current, ...patch };
            payloadRef.current = payload;
            editsRef.current++;
            setOpened(o => {
                if (o === null || !("view" in o)) {
                    return o;
                }
                let transmitErrors = o.transmitErrors;
                for (const field of Object.keys(patch)) {
                    transmitErrors = withoutField(transmitErrors, field);
                }
                return { ...o, payload, transmitErrors };
            });
            change({ id, payload });
        },
        [id, editable, change]
    );

    const setOutcome = useCallback((view: RequestView | undefined, outcome: DraftOutcome, transmitErrors?: FieldErrors) => {
        setOpened(o => {
            if (o === null || !("view" in o)) {
                return o;
            }
            const next: Session<P> = { ...o, outcome, transmitErrors: transmitErrors ?? o.transmitErrors };
            if (view !== undefined) {
                baseRef.current = view.request;
                next.view = { ...view, resumed: o.view.resumed };
                if (!isEditable(view)) {
                    // Read-only from now on: show what the ARS received (normalised).
                    next.payload = view.request.payload as P;
                    payloadRef.current = next.payload;
                }
            }
            return next;
        });
    }, []);

    const transmit = useCallback(async () => {
        if (id === undefined) {
            return;
        }
        setBusy(true);
        try {
            if (!(await flush())) {
                setOutcome(undefined, {
                    kind: "failed",
                    title: "La demande n'a pas été transmise",
                    message: `Votre dernière saisie n'a pas pu être enregistrée : ${lastSaveError.current?.message ?? ""}`
                });
                return;
            }
            const view = await api.transmitRequest(id);
            setOutcome(view, { kind: "transmitted" }, NO_ERRORS);
        } catch (e) {
            const err = asApiError(e);
            if (err.code === "invalid") {
                setOutcome(undefined, { kind: "invalid", message: err.message, attempt: Date.now() }, toFieldErrors(err.fields));
            } else {
                setOutcome(undefined, { kind: "failed", title: "La demande n'a pas été transmise", message: err.message });
            }
        } finally {
            setBusy(false);
        }
    }, [id, flush, setOutcome]);

    const withdraw = useCallback(
        async (comment: string) => {
            if (id === undefined) {
                return;
            }
            setBusy(true);
            try {
                await flush();
                const view = await api.withdrawRequest(id, comment.trim());
                setOutcome(view, { kind: "withdrawn" });
            } catch (e) {
                setOutcome(undefined, { kind: "failed", title: "La demande n'a pas été retirée", message: asApiError(e).message });
            } finally {
                setBusy(false);
            }
        },
        [id, flush, setOutcome]
    );

    const discard = useCallback(async () => {
        if (id === undefined) {
            return false;
        }
        setBusy(true);
        discarded.current.add(id);
        try {
            await api.deleteDraft(id);
            return true;
        } catch (e) {
            discarded.current.delete(id);
            setOutcome(undefined, { kind: "failed", title: "Le brouillon n'a pas été supprimé", message: asApiError(e).message });
            return false;
        } finally {
            setBusy(false);
        }
    }, [id, setOutcome]);

    // The same request written elsewhere (another tab or window): show it as
    // it now stands, unless something typed here is not saved yet (that save
    // then meets the change as a conflict).
    useEffect(() => {
        if (id === undefined) {
            return;
        }
        const settled = () => autosaveStatusRef.current === "idle" || autosaveStatusRef.current === "saved";
        return api.onEvent("request:changed", changed => {
            const base = baseRef.current;
            if (changed.id !== id || changed.deleted === true || !settled()) {
                return;
            }
            if (base !== undefined && changed.revision <= base.revision && changed.status === base.status) {
                return;
            }
            const edits = editsRef.current;
            api.getRequest(id).then(
                view => {
                    const current = baseRef.current;
                    if (!settled() || editsRef.current !== edits || (current !== undefined && view.request.revision < current.revision)) {
                        return;
                    }
                    baseRef.current = view.request;
                    const payload = view.request.payload as P;
                    payloadRef.current = payload;
                    setOpened(o => (o !== null && "view" in o && o.view.request.id === id ? { ...o, view: { ...view, resumed: o.view.resumed }, payload } : o));
                },
                () => undefined
            );
        });
    }, [id]);

    const resolveConflict = useCallback(
        (payload: P) => {
            const conflict = session?.conflict;
            if (id === undefined || conflict === undefined) {
                return;
            }
            baseRef.current = conflict.theirs.request;
            payloadRef.current = payload;
            setOpened(o => {
                if (o === null || !("view" in o)) {
                    return o;
                }
                const { conflict: _settled, ...rest } = o;
                return { ...rest, payload, view: { ...conflict.theirs, resumed: o.view.resumed } };
            });
            change({ id, payload });
        },
        [id, session?.conflict, change]
    );

    const retryOpen = useCallback(() => {
        setRound(r => r + 1);
    }, []);

    const validation = session?.view.validation ?? EMPTY_VALIDATION;
    const errors = useMemo(
        () => (session === undefined ? NO_ERRORS : mergeErrors(session.transmitErrors, toFieldErrors(session.view.validation.fields))),
        [session]
    );
    const errorOf = useCallback((path: string) => errors[path], [errors]);
    const view = session?.view;
    const request = useMemo(() => (view === undefined ? undefined : itemOf(view)), [view]);

    return {
        phase: session !== undefined ? "ready" : openError !== undefined ? "failed" : "loading",
        openError,
        retryOpen,
        request,
        payload: session?.payload,
        editable,
        resumed: session !== undefined && (session.view.resumed || (requestId !== "" && session.view.request.status === "draft")),
        validation,
        errors,
        errorOf,
        autosave: autosave.state,
        busy,
        outcome: session?.outcome ?? { kind: "none" },
        setField,
        update,
        flush,
        transmit,
        withdraw,
        discard,
        conflict:
            session?.conflict === undefined
                ? undefined
                : { mine: session.conflict.mine, theirs: session.conflict.theirs.request.payload as P, revision: session.conflict.theirs.request.revision },
        resolveConflict
    };
}

/** textAt reads a text field of a payload ("" when missing or not text). */
export function textAt(payload: unknown, path: string): string {
    const v = getPath(payload, path);
    return typeof v === "string" ? v : "";
}

/** flagAt reads a boolean field of a payload (false when missing). */
export function flagAt(payload: unknown, path: string): boolean {
    return getPath(payload, path) === true;
}
