import { useState } from "react";
import { api, ApiError, type SyncIssue } from "../../api";
import { formatDateTime } from "../../format";
import { requestPath } from "../../routes";
import { rejectionTitle } from "../../sync/threeWay";
import { useSyncIssues } from "../../sync/useSync";
import { Alert, Button, ButtonGroup, ButtonLink, Heading, Spacer, Stack, Text } from "../../ui";

/**
 * SyncIssues lists, on « Mes demandes », the changes of this record the
 * server refused or found in conflict, each with the server's message: a
 * conflict leads to its request (the three versions); a refusal can be
 * dropped here, even for a request this account cannot open.
 */
export function SyncIssues({ rpps }: { rpps: string }) {
    const { issues, reload } = useSyncIssues();
    const [failure, setFailure] = useState<string | null>(null);
    const mine = issues.filter(i => i.principal === rpps);
    if (mine.length === 0) {
        return null;
    }
    const drop = (issue: SyncIssue) => {
        setFailure(null);
        api.resolveSyncConflict(issue.requestId, null).then(reload, (e: unknown) => {
            setFailure(e instanceof ApiError ? e.message : "Une erreur inattendue est survenue. Réessayez.");
        });
    };
    return (
        <section id="sync-issues" aria-labelledby="sync-issues-title">
            <Heading level={2} look="h4" id="sync-issues-title">
                {mine.length > 1 ? `${String(mine.length)} modifications à vérifier` : "1 modification à vérifier"}
            </Heading>
            <Stack gap="sm">
                {mine.map(issue => (
                    <div key={`${issue.requestId}-${issue.createdAt}`} data-sync-issue={issue.status} data-request-id={issue.requestId}>
                        <Alert
                            severity={issue.status === "rejected" ? "error" : "warning"}
                            title={issue.status === "rejected" ? rejectionTitle(issue) : "Cette demande a été modifiée sur le serveur pendant que vous la modifiiez"}
                        >
                            <>
                                {issue.status === "rejected" ? (issue.message ?? "Le serveur n'a pas donné de raison.") : "Choisissez, champ par champ, la version à garder."}{" "}
                                {`Modification faite le ${formatDateTime(issue.createdAt)}.`}
                            </>
                        </Alert>
                        <Spacer size="sm" />
                        <ButtonGroup>
                            {issue.requestKind !== undefined && issue.status === "conflict" ? (
                                <ButtonLink priority="secondary" size="small" icon="edit" to={requestPath(rpps, issue.requestKind, issue.requestId)}>
                                    Choisir la version à garder
                                </ButtonLink>
                            ) : null}
                            {issue.status === "rejected" ? (
                                <Button
                                    id={`btn-sync-drop-${issue.requestId}`}
                                    priority="secondary"
                                    size="small"
                                    icon="back"
                                    onClick={() => {
                                        drop(issue);
                                    }}
                                >
                                    Abandonner cette modification
                                </Button>
                            ) : null}
                        </ButtonGroup>
                    </div>
                ))}
            </Stack>
            {failure === null ? null : (
                <Alert severity="error" title="Votre choix n'a pas pu être enregistré" live>
                    {failure}
                </Alert>
            )}
            <Text size="sm" muted>
                Les autres modifications de ce poste continuent d'être envoyées au serveur.
            </Text>
            <Spacer size="md" />
        </section>
    );
}
