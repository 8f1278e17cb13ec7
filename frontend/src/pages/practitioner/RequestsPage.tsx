import { useCallback } from "react";
import { api, type Request } from "../../api";
import { kindLabel, statusLabel, statusTone } from "../../domain/requests";
import { formatDate, formatDateTime } from "../../format";
import { useApi } from "../../hooks/useApi";
import { useReference } from "../../reference/useReference";
import { requestPath } from "../../routes";
import { Alert, Badge, Button, DataTable, Heading, Loading, Spacer, Text, TextLink } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";

/** RequestsPage lists the professional's requests: those in preparation, those transmitted, those decided. */
export function RequestsPage() {
    const { practitioner } = usePractitioner();
    const rpps = practitioner.rpps;
    const load = useCallback(() => api.listRequests({ rpps }), [rpps]);
    const result = useApi(load);

    return (
        <ActionPage
            title={actions.requests.title}
            intro="Une fois votre demande envoyée, vous pouvez suivre l'état de traitement de votre dossier ou reprendre une demande « en cours » non transmise pour la modifier."
        >
            {result.status === "loading" ? <Loading label="Lecture des demandes…" /> : null}
            {result.status === "error" ? (
                <Alert severity="error" title="Les demandes n'ont pas pu être lues" live>
                    <>
                        {result.error.message}{" "}
                        <Button priority="tertiary-no-outline" size="small" icon="refresh" onClick={result.reload}>
                            Réessayer
                        </Button>
                    </>
                </Alert>
            ) : null}
            {result.status === "success" ? <RequestGroups rpps={rpps} requests={result.data ?? []} /> : null}
        </ActionPage>
    );
}

function RequestGroups({ rpps, requests }: { rpps: string; requests: Request[] }) {
    if (requests.length === 0) {
        return (
            <Alert severity="info" small>
                Aucune demande n'a encore été préparée pour ce dossier.
            </Alert>
        );
    }
    const drafts = requests.filter(r => r.status === "draft");
    const open = requests.filter(r => r.status === "transmitted" || r.status === "under_review" || r.status === "complement_requested");
    const closed = requests.filter(r => !drafts.includes(r) && !open.includes(r));
    return (
        <>
            <RequestTable id="demandes-brouillons" title="En cours de préparation (non transmises)" empty="Aucune demande en cours de préparation." rpps={rpps} requests={drafts} />
            <Spacer size="md" />
            <RequestTable id="demandes-transmises" title="Transmises à l'ARS" empty="Aucune demande en attente de décision." rpps={rpps} requests={open} />
            <Spacer size="md" />
            <RequestTable id="demandes-terminees" title="Terminées" empty="Aucune demande terminée." rpps={rpps} requests={closed} />
        </>
    );
}

function RequestTable({ id, title, empty, rpps, requests }: { id: string; title: string; empty: string; rpps: string; requests: Request[] }) {
    const ref = useReference();
    return (
        <section aria-labelledby={`${id}-title`}>
            <Heading level={2} look="h5" id={`${id}-title`}>
                {`${title} (${requests.length})`}
            </Heading>
            {requests.length === 0 ? (
                <Text muted>{empty}</Text>
            ) : (
                <DataTable
                    id={id}
                    caption={title}
                    captionHidden
                    headers={["Demande", "Statut", "Département", "Transmise le", "Dernière mise à jour", ""]}
                    rows={requests.map(r => [
                        kindLabel(r.kind),
                        <RequestStatusCell key="status" request={r} />,
                        r.department === undefined || r.department === "" ? "—" : ref.departmentLabel(r.department),
                        r.transmittedAt === undefined ? "—" : formatDate(r.transmittedAt),
                        formatDateTime(r.updatedAt),
                        r.status === "draft" || r.status === "complement_requested" ? (
                            <TextLink key="go" to={requestPath(rpps, r.kind, r.id)} icon="edit">
                                {r.status === "draft" ? "Reprendre" : "Compléter"}
                            </TextLink>
                        ) : (
                            ""
                        )
                    ])}
                />
            )}
        </section>
    );
}

function RequestStatusCell({ request }: { request: Request }) {
    return (
        <>
            <Badge tone={statusTone(request.status)}>{statusLabel(request.status)}</Badge>
            {request.reason !== undefined && request.reason !== "" ? (
                <>
                    <br />
                    {`Motif : ${request.reason}`}
                </>
            ) : null}
            {request.status === "complement_requested" && request.deadline !== undefined && request.deadline !== "" ? (
                <>
                    <br />
                    {`À compléter avant le ${formatDate(request.deadline)}`}
                </>
            ) : null}
        </>
    );
}
