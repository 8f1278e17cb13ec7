import { useContext } from "react";
import { ReferenceContext } from "./context";
import type { Reference } from "./lookup";

/** useReference gives the NOS lookups (labels, options, départements). */
export function useReference(): Reference {
    return useContext(ReferenceContext).reference;
}

/** useReferenceStatus tells whether the NOS tables failed to load, with a retry. */
export function useReferenceStatus() {
    const { error, reload } = useContext(ReferenceContext);
    return { error, reload };
}
