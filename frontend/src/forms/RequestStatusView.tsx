import type { Request } from "../api";
import { statusLabel, statusTone } from "../domain/requests";
import { formatDate, formatDateTime } from "../format";
import { useReference } from "../reference/useReference";
import { paths } from "../routes";
import { Alert, Badge, ButtonGroup, ButtonLink, DescriptionList, Panel, Spacer, type Term } from "../ui";
import { RequestHistory } from "./RequestHistory";
import type { RequestDraft } from "./useRequestDraft";
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
        terms.push({ term: "Examinée par", value: `ARS – département ${ref.departmentLabel(request.department)}` });
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

/** OutcomeAlert tells what the last transmission, withdrawal or deletion did. */
export function OutcomeAlert<P>({ draft }: { draft: RequestDraft<P> }) {
    const o = draft.outcome;
    switch (o.kind) {
        case "transmitted":
            return (
                <>
                    <Alert id="request-outcome" severity="success" title="Demande transmise" live>
                        Votre demande a été transmise à l'ARS. Elle sera envoyée dès que le poste sera connecté.
                    </Alert>
                    <Spacer size="md" />
                </>
            );
        case "withdrawn":
            return (
                <>
                    <Alert id="request-outcome" severity="info" title="Demande retirée" live>
                        Votre demande a été retirée : l'ARS ne l'examinera pas.
                    </Alert>
                    <Spacer size="md" />
                </>
            );
        case "failed":
            return (
                <>
                    <Alert id="request-outcome" severity="error" title={o.title} live>
                        {o.message}
                    </Alert>
                    <Spacer size="md" />
                </>
            );
        case "invalid":
        case "none":
            return null;
    }
}
