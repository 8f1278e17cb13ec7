import type { ReactNode } from "react";
import type { RequestPayload } from "../api";
import { Loading, RetryAlert, Spacer, type Term } from "../ui";
import { ConflictPanel } from "./ConflictPanel";
import { ErrorSummary } from "./ErrorSummary";
import { SyncIssuePanel } from "./SyncIssuePanel";
import { GuidanceList } from "./GuidanceList";
import { OutcomeAlert, RequestStatusBadge, RequestStatusView } from "./RequestStatusView";
import { ComplementNotice, ResumedNotice } from "./ResumedNotice";
import { TransmitBar } from "./TransmitBar";
import type { RequestDraft } from "./useRequestDraft";

export interface RequestEditorProps<P extends RequestPayload> {
    draft: RequestDraft<P>;
    rpps: string;
    /** Each field's label by JSON path, in the form's order (the error summary's links). */
    labels: Readonly<Record<string, string>>;
    /** What the request asks, for the read-only view. */
    summary: (payload: P) => Term[];
    /** The form's fields, shown while the request is editable. */
    children: (payload: P) => ReactNode;
}

/**
 * RequestEditor is the frame of every request form: it opens the request,
 * then shows either the editable form (resumed notice, error summary after a
 * refused transmission, the guide's blocking rules, the fields, its other
 * rules, the autosave status and the transmit bar) or, once transmitted, the read-only request with its
 * status and history.
 */
export function RequestEditor<P extends RequestPayload>({ draft, rpps, labels, summary, children }: RequestEditorProps<P>) {
    if (draft.phase !== "ready" || draft.request === undefined || draft.payload === undefined) {
        return <RequestOpening draft={draft} />;
    }
    const request = draft.request;
    if (!draft.editable) {
        return (
            <>
                <SyncIssuePanel requestId={request.id} labels={labels} />
                <RequestStatusView draft={draft} rpps={rpps} summary={summary(draft.payload)} />
            </>
        );
    }
    return (
        <>
            <SyncIssuePanel requestId={request.id} labels={labels} />
            {draft.resumed ? <ResumedNotice request={request} /> : null}
            {request.status === "complement_requested" ? (
                <>
                    <p>
                        Statut : <RequestStatusBadge request={request} />
                    </p>
                    <ComplementNotice request={request} />
                </>
            ) : null}
            <OutcomeAlert draft={draft} />
            <ConflictPanel draft={draft} labels={labels} />
            {draft.outcome.kind === "invalid" ? (
                <ErrorSummary errors={draft.errors} labels={labels} attempt={draft.outcome.attempt} message={draft.outcome.message} />
            ) : null}
            <GuidanceList guidance={draft.validation.guidance} rpps={rpps} draft={draft} blocking />
            {children(draft.payload)}
            <Spacer size="sm" />
            <GuidanceList guidance={draft.validation.guidance} rpps={rpps} draft={draft} blocking={false} />
            <TransmitBar draft={draft} rpps={rpps} />
        </>
    );
}

/**
 * RequestOpening is what a form shows until its request is open: a loading
 * line, or why it could not be opened with a way to retry.
 */
export function RequestOpening<P>({ draft }: { draft: RequestDraft<P> }) {
    if (draft.phase === "loading") {
        return <Loading label="Ouverture de la demande…" />;
    }
    return (
        <RetryAlert title="La demande n'a pas pu être ouverte" live onRetry={draft.retryOpen}>
            {draft.openError?.message ?? "Une erreur inattendue est survenue."}
        </RetryAlert>
    );
}
