import { useMemo, type ReactNode } from "react";
import { api } from "../api";
import { useApi } from "../hooks/useApi";
import { ReferenceContext, type ReferenceContextValue } from "./context";
import { createReference } from "./lookup";

/** ReferenceProvider loads the NOS tables once and shares them with every page. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
    const result = useApi(api.referenceData);
    const { reload } = result;
    const data = result.status === "success" ? result.data : undefined;
    const error = result.status === "error" ? result.error : undefined;
    const value = useMemo<ReferenceContextValue>(
        () => ({ reference: createReference(data), error, reload }),
        [data, error, reload]
    );
    return <ReferenceContext value={value}>{children}</ReferenceContext>;
}
