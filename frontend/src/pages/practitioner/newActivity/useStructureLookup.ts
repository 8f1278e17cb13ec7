import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, type NewActivityPayload } from "../../../api";
import { textAt, type RequestDraft } from "../../../forms";
import { cleanStructure, lookupMethod, mergedStreet, sameNumber, switchLookup, type LookupMethod, type StashedNumbers } from "./model";

/** Where the search of the structure by its number stands. */
export type LookupState =
    | { status: "idle" }
    | { status: "searching"; number: string }
    | { status: "found"; number: string }
    | { status: "not_found"; number: string; message: string }
    | { status: "invalid"; number: string; message: string }
    | { status: "failed"; number: string; message: string };

export interface StructureLookup {
    state: LookupState;
    /** The structure's fields are open for typing (not found, "Modifier", manual entry). */
    editing: boolean;
    /** Opens the structure's fields (the register's street type goes into the street, which the form types whole) or closes them. */
    setEditing: (editing: boolean) => void;
    /** LookupStructure with the number typed; fills the structure from the result. */
    search: () => Promise<void>;
    /** Sets the number typed (the search's outcome no longer applies to another number). */
    setNumber: (value: string) => void;
    /** Changes how the structure is identified (SIRET, FINESS, manual entry). */
    switchMethod: (to: LookupMethod) => void;
}

/** The structure's numbers a change of method may clear or put back. */
const IDENTIFIERS = ["siret", "siren", "finess", "finessEJ"] as const;

const EMPTY_NUMBER = {
    siret: "Indiquez le numéro SIRET de la structure (14 chiffres).",
    finess: "Indiquez le numéro FINESS de l'établissement (9 caractères)."
} as const;

/**
 * useStructureLookup keeps the first step's search state in the form (so that
 * it survives going to another step and back): the number is a payload field
 * like any other (autosaved, checked as typed); "Rechercher" asks the register
 * and puts the structure it knows in the payload.
 */
export function useStructureLookup(draft: RequestDraft<NewActivityPayload>): StructureLookup {
    const [state, setState] = useState<LookupState>({ status: "idle" });
    const [editing, setEditing] = useState(false);
    const stash = useRef<StashedNumbers>({});
    const payload = useRef(draft.payload);
    useEffect(() => {
        payload.current = draft.payload;
    }, [draft.payload]);
    const { update, setField } = draft;

    const edit = useCallback(
        (open: boolean) => {
            const p = payload.current;
            const a = p?.structure.address;
            if (open && p !== undefined && a !== undefined && (a.streetType ?? "") !== "") {
                update({ structure: { ...p.structure, address: { ...a, street: mergedStreet(a), streetType: "" } } });
            }
            setEditing(open);
        },
        [update]
    );

    const search = useCallback(async () => {
        const p = payload.current;
        if (p === undefined) {
            return;
        }
        const method = lookupMethod(p);
        if (method === "manual") {
            return;
        }
        const path = `structure.${method}`;
        const number = textAt(p, path).trim();
        if (number === "") {
            setState({ status: "invalid", number, message: EMPTY_NUMBER[method] });
            return;
        }
        // A new lookup starts from a clean structure: nothing of the one found before stays.
        update({ structure: cleanStructure(method, textAt(p, path)) });
        setEditing(false);
        setState({ status: "searching", number });
        try {
            const found = await api.lookupStructure(method, number);
            if (!sameNumber(textAt(payload.current, path), number)) {
                setState({ status: "idle" });
                return;
            }
            update({ structure: found });
            setEditing(false);
            setState({ status: "found", number: (method === "siret" ? found.siret : found.finess) ?? number });
        } catch (e) {
            const err = e instanceof ApiError ? e : new ApiError("internal", "La recherche n'a pas abouti. Réessayez.");
            if (err.code === "invalid") {
                setState({ status: "invalid", number, message: err.fieldMessage(path) ?? err.message });
            } else if (err.code === "not_found") {
                setState({ status: "not_found", number, message: err.message });
                edit(true);
            } else {
                setState({ status: "failed", number, message: err.message });
            }
        }
    }, [update, edit]);

    const setNumber = useCallback(
        (value: string) => {
            const p = payload.current;
            if (p === undefined) {
                return;
            }
            setField(`structure.${lookupMethod(p)}`, value);
            // A found structure stays (its recap then says the number changed); other outcomes were about the old number.
            setState(s => (s.status === "found" || s.status === "idle" || sameNumber(s.number, value) ? s : { status: "idle" }));
        },
        [setField]
    );

    const switchMethod = useCallback(
        (to: LookupMethod) => {
            const p = payload.current;
            if (p === undefined || lookupMethod(p) === to) {
                return;
            }
            const next = switchLookup(p.structure, to, stash.current);
            stash.current = next.stash;
            // Field by field: the errors shown beside the other fields of the structure stay.
            setField("lookupBy", to);
            for (const key of IDENTIFIERS) {
                if ((next.structure[key] ?? "") !== (p.structure[key] ?? "")) {
                    setField(`structure.${key}`, next.structure[key] ?? "");
                }
            }
            setState({ status: "idle" });
        },
        [setField]
    );

    return { state, editing, setEditing: edit, search, setNumber, switchMethod };
}
