import { useState } from "react";
import { api, ApiError, type Practitioner, type RequestItem } from "../../api";
import { itemOf, statusTone } from "../../domain/requests";
import { formatDate, formatDateTime } from "../../format";
import { useReference } from "../../reference/useReference";
import { requestPath } from "../../routes";
import { Alert, ButtonGroup, ButtonLink, ConfirmDialog, DescriptionList, Disclosure, Panel, StatusBadge, Text, TextField, Timeline } from "../../ui";
import { MailDecisions } from "./MailDecisions";
import { historyLines, linkNote, summaryLines } from "./requestDisplay";

/** What happened to a request on its card: the parent updates its list and tells the user. */
export type RequestChange = { kind: "withdrawn"; request: RequestItem } | { kind: "deleted"; id: string } | { kind: "failed"; message: string };

export interface RequestCardProps {
    request: RequestItem;
    practitioner: Practitioner;
    onChange: (change: RequestChange) => void;
}

function failure(e: unknown, fallback: string): RequestChange {
    return { kind: "failed", message: e instanceof ApiError ? e.message : fallback };
}

/** RequestCard shows one request: what it asks, where it stands, its history, and what can be done. */
export function RequestCard({ request: r, practitioner, onChange }: RequestCardProps) {
    const ref = useReference();
    const [reason, setReason] = useState("");
    const [busy, setBusy] = useState(false);
    const rpps = practitioner.rpps;
    const department = r.department === undefined || r.department === "" ? undefined : ref.department(r.department);
    const link = linkNote(r);
    const history = historyLines(r);

    const withdraw = () => {
        setBusy(true);
        api.withdrawRequest(r.id, reason.trim()).then(
            view => {
                setBusy(false);
                onChange({ kind: "withdrawn", request: itemOf(view) });
            },
            (e: unknown) => {
                setBusy(false);
                onChange(failure(e, "La demande n'a pas pu être retirée."));
            }
        );
    };
    const remove = () => {
        setBusy(true);
        api.deleteDraft(r.id).then(
            () => {
                onChange({ kind: "deleted", id: r.id });
            },
            (e: unknown) => {
                setBusy(false);
                onChange(failure(e, "Le brouillon n'a pas pu être supprimé."));
            }
        );
    };

    return (
        <Panel
            id={`request-${r.id}`}
            title={r.kindLabel}
            actions={
                <StatusBadge id={`status-${r.id}`} status={r.status} tone={statusTone(r.status)}>
                    {r.statusLabel}
                </StatusBadge>
            }
        >
            <DescriptionList
                items={[
                    ...summaryLines(r, practitioner, ref).map(l => ({ term: l.term, value: l.value })),
                    ...(department === undefined ? [] : [{ term: "Adressée à", value: `${department.ars} (${ref.departmentLabel(department.code)})` }])
                ]}
            />
            <Text size="sm" muted>
                {[
                    `Créée le ${formatDate(r.createdAt)}`,
                    `modifiée le ${formatDateTime(r.updatedAt)}`,
                    r.transmittedAt === undefined || r.transmittedAt === "" ? "" : `transmise le ${formatDateTime(r.transmittedAt)}`
                ]
                    .filter(s => s !== "")
                    .join(" · ")}
            </Text>
            {link === "" ? null : (
                <Text size="sm">
                    <span data-linked-request={r.linkedRequestId}>{link}</span>
                </Text>
            )}
            <DecisionNote request={r} />
            {r.transmittedAt === undefined || r.transmittedAt === "" ? null : <MailDecisions requestId={r.id} />}
            <Actions request={r} rpps={rpps} busy={busy} reason={reason} setReason={setReason} withdraw={withdraw} remove={remove} />
            {history.length === 0 ? null : (
                // Keyed by the number of steps: a new step unmounts the accordion, whose DSFR height would be stale.
                <Disclosure key={history.length} label={`Historique de la demande (${history.length} ${history.length > 1 ? "étapes" : "étape"})`}>
                    <Timeline label={`Historique de la demande ${r.kindLabel}`} entries={history} />
                </Disclosure>
            )}
        </Panel>
    );
}

/** DecisionNote gives the ARS's reason for a refusal or a complement, and its deadline. */
function DecisionNote({ request: r }: { request: RequestItem }) {
    const reason = r.reason?.trim() ?? "";
    if (r.status === "refused") {
        return (
            <Alert severity="error" small>
                {reason === "" ? "Demande refusée par l'ARS." : `Motif du refus : ${reason}`}
            </Alert>
        );
    }
    if (r.status === "complement_requested") {
        const deadline = r.deadline === undefined || r.deadline === "" ? "" : ` À fournir avant le ${formatDate(r.deadline)}, faute de quoi la demande sera classée sans suite.`;
        return (
            <Alert severity="warning" small>
                {`L'ARS demande un complément${reason === "" ? "." : ` : ${reason}.`}${deadline}`}
            </Alert>
        );
    }
    return null;
}

interface ActionsProps {
    request: RequestItem;
    rpps: string;
    busy: boolean;
    reason: string;
    setReason: (v: string) => void;
    withdraw: () => void;
    remove: () => void;
}

function Actions({ request: r, rpps, busy, reason, setReason, withdraw, remove }: ActionsProps) {
    const buttons = [];
    if (r.permissions.canEdit) {
        buttons.push(
            <ButtonLink key="resume" id={`resume-${r.id}`} icon="edit" to={requestPath(rpps, r.kind, r.id)}>
                Reprendre et modifier
            </ButtonLink>
        );
    }
    if (r.permissions.canDelete) {
        buttons.push(
            <ConfirmDialog
                key="delete"
                id={`delete-dialog-${r.id}`}
                title="Supprimer ce brouillon ?"
                confirmLabel="Supprimer le brouillon"
                onConfirm={remove}
                trigger={{ label: "Supprimer le brouillon", id: `delete-${r.id}`, icon: "close", priority: "secondary", disabled: busy }}
            >
                <p>{`La demande « ${r.kindLabel} » n'a pas été transmise. Supprimée, elle ne pourra pas être retrouvée.`}</p>
            </ConfirmDialog>
        );
    }
    if (r.permissions.canWithdraw) {
        buttons.push(
            <ConfirmDialog
                key="withdraw"
                id={`withdraw-dialog-${r.id}`}
                title="Retirer ma demande ?"
                confirmLabel="Retirer la demande"
                onConfirm={withdraw}
                trigger={{ label: "Retirer ma demande", id: `withdraw-${r.id}`, icon: "back", priority: "secondary", disabled: busy }}
            >
                <p>{`La demande « ${r.kindLabel} » ne sera plus examinée par l'ARS. Ce retrait est définitif : pour changer d'avis, il faudra faire une nouvelle demande.`}</p>
                {r.withdrawNotice ? <p id={`withdraw-pair-notice-${r.id}`}>{r.withdrawNotice}</p> : null}
                <TextField
                    id={`withdraw-reason-${r.id}`}
                    label="Motif du retrait (facultatif)"
                    hint="Il sera conservé dans l'historique de la demande."
                    multiline
                    rows={3}
                    maxLength={500}
                    value={reason}
                    onChange={setReason}
                />
            </ConfirmDialog>
        );
    }
    return buttons.length === 0 ? null : <ButtonGroup>{buttons}</ButtonGroup>;
}
