import { useCallback, useMemo, type ReactNode } from "react";
import { server } from "../api";
import { useApi } from "../hooks/useApi";
import { ReferenceContext, type ReferenceContextValue } from "../reference/context";
import { createReference } from "../reference/lookup";
import { createLabels, LabelsContext } from "./labels";

/**
 * ReferenceFromServer gives the back office's pages the NOS tables and the
 * départements as the desktop's pages get them (useReference), and Go's
 * labels of the statuses, kinds, roles and decisions (useLabels), read once
 * from the server. Without them codes show as themselves.
 */
export function ReferenceFromServer({ children }: { children: ReactNode }) {
    const load = useCallback(() => server.reference(), []);
    const result = useApi(load);
    const { reload } = result;
    const data = result.status === "success" ? result.data : undefined;
    const error = result.status === "error" ? result.error : undefined;
    const value = useMemo<ReferenceContextValue>(() => ({ reference: createReference(data), error, reload }), [data, error, reload]);
    const labels = useMemo(() => createLabels(data?.labels), [data]);
    return (
        <ReferenceContext value={value}>
            <LabelsContext value={labels}>{children}</LabelsContext>
        </ReferenceContext>
    );
}
