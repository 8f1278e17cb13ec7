import { useState } from "react";
import { api, ApiError, type RequestPayload, type SyncIssue } from "../api";
import { issueOf, rejectionTitle, SERVER_INDEX, suggestedChoices, threeWayVersions } from "../sync/threeWay";
import { useSyncIssues } from "../sync/useSync";
import { Alert, Button, ButtonGroup, FormActions, Spacer, VersionComparison } from "../ui";
import { formatValue } from "./ConflictPanel";
import { chooseAll, compareVersions, complete, mergeVersions } from "./versions";

export const SYNC_ISSUE_ID = "sync-issue";

/** The title of a conflict with the server, shown above the three versions. */
export const SYNC_CONFLICT_TITLE = "Cette demande a été modifiée sur le serveur pendant que vous la modifiiez";

function messageOf(e: unknown): string {
    return e instanceof ApiError ? e.message : "Une erreur inattendue est survenue. Réessayez.";
}

/**
 * SyncIssuePanel shows, on a request, the change of this computer the
 * server did not apply: refused (the server's message, and a way to drop
 * the change), or in conflict with a change made elsewhere (the three
 * versions field by field: yours, the server's, the one both started from;
 * the choice is saved as a new change over the server's version).
 */
export function SyncIssuePanel({ requestId, labels }: { requestId: string; labels: Readonly<Record<string, string>> }) {
    const { issues, reload } = useSyncIssues();
    const issue = issueOf(issues, requestId);
    const [busy, setBusy] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    if (issue === undefined) {
        return null;
    }
    const resolve = (payload: RequestPayload | null) => {
        setBusy(true);
        setFailure(null);
        api.resolveSyncConflict(requestId, payload).then(
            () => {
                setBusy(false);
                reload();
            },
            (e: unknown) => {
                setBusy(false);
                setFailure(messageOf(e));
            }
        );
    };
    return (
        <div id={SYNC_ISSUE_ID} data-sync-issue={issue.status}>
            {issue.status === "rejected" ? (
                <Rejected issue={issue} busy={busy} onDrop={() => { resolve(null); }} />
            ) : issue.serverDeleted === true ? (
                <DeletedOnServer issue={issue} busy={busy} onResolve={resolve} />
            ) : (
                <ThreeWay key={issue.createdAt} issue={issue} labels={labels} busy={busy} onResolve={resolve} />
            )}
            {failure === null ? null : (
                <Alert severity="error" title="Votre choix n'a pas pu être enregistré" live>
                    {failure}
                </Alert>
            )}
            <Spacer size="md" />
        </div>
    );
}

function Rejected({ issue, busy, onDrop }: { issue: SyncIssue; busy: boolean; onDrop: () => void }) {
    return (
        <>
            <Alert severity="error" title={rejectionTitle(issue)} live>
                <>
                    {issue.message !== undefined && issue.message !== "" ? issue.message : "Le serveur n'a pas donné de raison."} Les autres
                    modifications de ce poste continuent d'être envoyées.
                </>
            </Alert>
            <Spacer size="sm" />
            <Button id="btn-sync-drop" priority="secondary" icon="back" disabled={busy} onClick={onDrop}>
                Abandonner cette modification et reprendre la version du serveur
            </Button>
        </>
    );
}

function DeletedOnServer({ issue, busy, onResolve }: { issue: SyncIssue; busy: boolean; onResolve: (p: RequestPayload | null) => void }) {
    return (
        <>
            <Alert severity="warning" title="Cette demande a été supprimée sur le serveur" live>
                Elle a été supprimée ailleurs pendant que vous la modifiiez sur ce poste. Choisissez de garder votre version (elle sera envoyée de
                nouveau) ou d'accepter la suppression.
            </Alert>
            <Spacer size="sm" />
            <ButtonGroup>
                <Button id="btn-sync-keep-mine" icon="check" disabled={busy} onClick={() => { onResolve((issue.mine ?? {}) as RequestPayload); }}>
                    Garder votre version
                </Button>
                <Button id="btn-sync-accept" priority="secondary" disabled={busy} onClick={() => { onResolve(null); }}>
                    Accepter la suppression
                </Button>
            </ButtonGroup>
        </>
    );
}

function ThreeWay({ issue, labels, busy, onResolve }: { issue: SyncIssue; labels: Readonly<Record<string, string>>; busy: boolean; onResolve: (p: RequestPayload | null) => void }) {
    const versions = threeWayVersions(issue);
    const rows = compareVersions(versions, labels, formatValue, issue.base ?? undefined);
    const [chosen, setChosen] = useState<Record<string, number>>(() => suggestedChoices(rows));
    const ready = complete(rows, chosen);
    return (
        <>
            <Alert severity="warning" title={SYNC_CONFLICT_TITLE} live>
                Comparez votre version, celle du serveur et la version d'origine, puis choisissez pour chaque champ différent la version à garder
                (les champs modifiés d'un seul côté sont présélectionnés). Rien n'est envoyé tant que vous n'avez pas enregistré votre choix.
            </Alert>
            <Spacer size="sm" />
            <VersionComparison
                id="sync-compare"
                caption="Votre version, celle du serveur et la version d'origine, champ par champ"
                versions={versions}
                fields={rows}
                choices={chosen}
                onChoose={(path, index) => {
                    setChosen({ ...chosen, [path]: index });
                }}
                onChooseAll={index => {
                    setChosen(chooseAll(rows, index));
                }}
            />
            <FormActions>
                <ButtonGroup>
                    <Button
                        id="btn-sync-save"
                        icon="check"
                        disabled={!ready || busy}
                        onClick={() => {
                            onResolve(mergeVersions(versions, chosen, SERVER_INDEX) as RequestPayload);
                        }}
                    >
                        Enregistrer ce choix
                    </Button>
                    <Button
                        id="btn-sync-take-server"
                        priority="secondary"
                        disabled={busy}
                        onClick={() => {
                            onResolve(null);
                        }}
                    >
                        Abandonner ma version
                    </Button>
                </ButtonGroup>
            </FormActions>
        </>
    );
}
