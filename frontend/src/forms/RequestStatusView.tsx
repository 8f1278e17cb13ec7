import { useEffect, useRef } from "react";
import type { Request } from "../api";
import { statusLabel, statusTone } from "../domain/requests";
import { formatDate, formatDateTime } from "../format";
import { useReference } from "../reference/useReference";
import { paths } from "../routes";
import { Alert, Badge, ButtonGroup, ButtonLink, DescriptionList, Focusable, Panel, Spacer, type Term } from "../ui";
import { RequestHistory } from "./RequestHistory";
import type { DraftOutcome, RequestDraft } from "./useRequestDraft";
import { WithdrawDialog } from "./WithdrawDialog";

export const STATUS_BADGE_ID = "request-status";

const WITHDRAWABLE = new Set(["transmitted", "under_review", "complement_requested"]);

/** RequestStatus is the request's status badge (id request-status). */
export function RequestStatusBadge({ request }: { request: Request }) {
    return (
        <span id={STATUS_BADGE_ID}>
            <Badge tone={statusTone(request.status)}>{statusLabel(request.status)}</Badge>
        </span>
    );
}

/**
 * RequestStatusView shows a request that can no longer be changed: its
 * status, what it asks, its history, and the withdrawal while the ARS has not
 * decided.
 */
export function RequestStatusView<P>({ draft, rpps, summary }: { draft: RequestDraft<P>; rpps: string; summary: Term[] }) {
    const ref = useReference();
    const request = draft.request;
    if (request === undefined) {
        return null;
    }
    const terms: Term[] = [{ term: "Statut", value: <RequestStatusBadge request={request} /> }];
    if (request.transmittedAt !== undefined && request.transmittedAt !== "") {
        terms.push({ term: "Transmise le", value: formatDateTime(request.transmittedAt) });
    }
    if (request.department !== undefined && request.department !== "") {
        terms.push({ term: "Examinée par", value: ref.arsName(request.department) });
    }
    if (request.reason !== undefined && request.reason !== "") {
        terms.push({ term: request.status === "refused" ? "Motif du refus" : "Motif", value: request.reason });
    }
    if (request.status === "complement_requested" && request.deadline !== undefined && request.deadline !== "") {
        terms.push({ term: "À compléter avant le", value: formatDate(request.deadline) });
    }
    return (
        <>
            <OutcomeAlert draft={draft} />
            <Panel title="Votre demande" id="request-summary">
                <DescriptionList items={[...terms, ...summary]} />
            </Panel>
            <Spacer size="md" />
            <RequestHistory history={request.history} />
            <ButtonGroup>
                {WITHDRAWABLE.has(request.status) ? <WithdrawDialog draft={draft} /> : null}
                <ButtonLink priority="tertiary" icon="folder" to={paths.requests(rpps)}>
                    Consulter mes demandes
                </ButtonLink>
            </ButtonGroup>
        </>
    );
}

/** OutcomeAlert tells what the last transmission, withdrawal or deletion did; it takes the focus (the button clicked is gone). */
export function OutcomeAlert<P>({ draft }: { draft: RequestDraft<P> }) {
    const o = draft.outcome;
    const el = useRef<HTMLDivElement | null>(null);
    useEffect(() => {
        if (o.kind === "transmitted" || o.kind === "withdrawn" || o.kind === "failed") {
            el.current?.focus();
        }
    }, [o]);
    const alert = outcomeAlert(o);
    if (alert === null) {
        return null;
    }
    return (
        <Focusable
            id="request-outcome"
            innerRef={node => {
                el.current = node;
            }}
        >
            {alert}
            <Spacer size="md" />
        </Focusable>
    );
}

function outcomeAlert(o: DraftOutcome) {
    switch (o.kind) {
        case "transmitted":
            return (
                <Alert severity="success" title="Demande transmise — en attente d'envoi au serveur" live>
                    Votre demande est complète et enregistrée sur ce poste, dans la file d'envoi : elle partira vers l'ARS dès que ce poste sera
                    relié au serveur. L'ARS ne l'a pas encore reçue ; elle ne peut plus être modifiée, mais vous pouvez la retirer.
                </Alert>
            );
        case "withdrawn":
            return (
                <Alert severity="info" title="Demande retirée" live>
                    Votre demande a été retirée : l'ARS ne l'examinera pas.
                </Alert>
            );
        case "failed":
            return (
                <Alert severity="error" title={o.title} live>
                    {o.message}
                </Alert>
            );
        case "invalid":
        case "none":
            return null;
    }
}
