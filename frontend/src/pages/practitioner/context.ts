import { createContext, useContext } from "react";
import type { PractitionerView } from "../../api";

export interface PractitionerContextValue {
    practitioner: PractitionerView;
    /** Reads the record again (after a change). */
    reload: () => void;
}

export const PractitionerContext = createContext<PractitionerContextValue | null>(null);

/** usePractitioner gives the record open under /pro/:rpps. */
export function usePractitioner(): PractitionerContextValue {
    const value = useContext(PractitionerContext);
    if (value === null) {
        throw new Error("usePractitioner outside of PractitionerLayout");
    }
    return value;
}
