import { createContext } from "react";
import { createReference, type Reference } from "./lookup";
import type { ApiError } from "../api";

export interface ReferenceContextValue {
    reference: Reference;
    error?: ApiError;
    reload: () => void;
}

export const ReferenceContext = createContext<ReferenceContextValue>({
    reference: createReference(undefined),
    reload: () => undefined
});
