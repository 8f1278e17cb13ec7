import { useCallback } from "react";
import { api, type RequestItem } from "../../api";
import { formatDateTime, plural } from "../../format";
import { useApi } from "../../hooks/useApi";
import { paths, requestPath } from "../../routes";
import { ButtonLink, DataTable, Heading, Loading, RetryAlert, Text, TextLink } from "../../ui";
import { usePulled } from "../../sync/useSync";

/** DraftRequests lists the requests prepared and not transmitted yet, to resume them. */
export function DraftRequests({ rpps }: { rpps: string }) {
    const load = useCallback(
        () => api.listRequests({ rpps, statuses: ["draft"] }).then(list => (list ?? []).filter(r => !r.untouched)),
        [rpps]
    );
    const result = useApi(load);
    usePulled(result.reload);

    return (
        <section aria-labelledby="brouillons-title">
            <Heading level={2} look="h4" id="brouillons-title">
                Demandes en cours
            </Heading>
            {result.status === "loading" ? <Loading label="Lecture des demandes en cours…" /> : null}
            {result.status === "error" ? (
                <RetryAlert title="Les demandes en cours n'ont pas pu être lues" onRetry={result.reload}>
                    {result.error.message}
                </RetryAlert>
            ) : null}
            {result.status === "success" ? <DraftTable rpps={rpps} drafts={result.data} /> : null}
        </section>
    );
}

function DraftTable({ rpps, drafts }: { rpps: string; drafts: RequestItem[] }) {
    if (drafts.length === 0) {
        return <Text muted>Aucune demande en cours de préparation. Les demandes commencées et non transmises apparaîtront ici.</Text>;
    }
    return (
        <>
            <Text>
                {plural(drafts.length, "demande préparée n'est", "demandes préparées ne sont")} pas encore transmise{drafts.length > 1 ? "s" : ""} à
                l'ARS.
            </Text>
            <DataTable
                caption="Demandes en cours, non transmises"
                captionHidden
                headers={["Demande", "Dernier enregistrement", "Action"]}
                rows={drafts.map(d => [
                    d.kindLabel,
                    formatDateTime(d.updatedAt),
                    <TextLink key="resume" to={requestPath(rpps, d.kind, d.id)} icon="edit">
                        Reprendre
                    </TextLink>
                ])}
            />
            <ButtonLink priority="secondary" size="small" to={paths.requests(rpps)} icon="folder">
                Toutes mes demandes
            </ButtonLink>
        </>
    );
}
