import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { api, type Practitioner, type RequestItem } from "../../api";
import { useApi } from "../../hooks/useApi";
import { Alert, ButtonGroup, ButtonLink, Loading, RetryAlert, SegmentedFilter, Spacer, Stack, Text } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { RequestCard, type RequestChange } from "./RequestCard";
import { groupOf, REQUEST_GROUPS, type RequestGroup } from "./requestDisplay";
import { usePulled } from "../../sync/useSync";
import { SyncIssues } from "./SyncIssues";

/** RequestsPage: "Consulter ma demande en cours": every request, where it stands, and what can be done with it. */
export function RequestsPage() {
    const { practitioner } = usePractitioner();
    const rpps = practitioner.rpps;
    const load = useCallback(() => api.listRequests({ rpps }).then(list => (list ?? []).filter(r => !r.untouched)), [rpps]);
    const result = useApi(load);
    usePulled(result.reload);

    return (
        <ActionPage
            title={actions.requests.title}
            intro="Une fois votre demande envoyée, vous pouvez suivre l'état de traitement de votre dossier ou reprendre une demande « en cours » non transmise pour la modifier."
        >
            <SyncIssues rpps={rpps} />
            {result.status === "loading" ? <Loading label="Lecture des demandes…" /> : null}
            {result.status === "error" ? (
                <RetryAlert title="Les demandes n'ont pas pu être lues" live onRetry={result.reload}>
                    {result.error.message}
                </RetryAlert>
            ) : null}
            {result.status === "success" ? <RequestList practitioner={practitioner} initial={result.data} /> : null}
        </ActionPage>
    );
}

type Notice = { severity: "success" | "error"; text: string };

function RequestList({ practitioner, initial }: { practitioner: Practitioner; initial: RequestItem[] }) {
    const [requests, setRequests] = useState(initial);
    const [group, setGroup] = useState<RequestGroup>("all");
    const [notice, setNotice] = useState<Notice | null>(null);
    const noticeRef = useRef<HTMLDivElement>(null);

    useEffect(() => {
        if (notice !== null) {
            noticeRef.current?.focus();
        }
    }, [notice]);

    const onChange = (change: RequestChange) => {
        switch (change.kind) {
            case "withdrawn":
                setRequests(list => list.map(r => (r.id === change.request.id ? change.request : r)));
                setNotice({ severity: "success", text: `Votre demande « ${change.request.kindLabel} » a été retirée.` });
                // A request of a moved cabinet is withdrawn with its partner: read the list again.
                api.listRequests({ rpps: practitioner.rpps }).then(
                    list => {
                        setRequests((list ?? []).filter(r => !r.untouched));
                    },
                    () => undefined
                );
                break;
            case "deleted":
                setRequests(list => list.filter(r => r.id !== change.id));
                setNotice({ severity: "success", text: "Le brouillon a été supprimé." });
                break;
            case "failed":
                setNotice({ severity: "error", text: change.message });
                break;
        }
    };

    if (requests.length === 0) {
        return (
            <>
                <NoticeArea notice={notice} innerRef={noticeRef} />
                <Alert severity="info" small>
                    Aucune demande n'a encore été préparée pour ce dossier.
                </Alert>
                <Spacer size="md" />
                <StartLinks rpps={practitioner.rpps} />
            </>
        );
    }

    const count = (g: RequestGroup) => (g === "all" ? requests.length : requests.filter(r => groupOf(r) === g).length);
    const shown = group === "all" ? requests : requests.filter(r => groupOf(r) === group);

    return (
        <>
            <NoticeArea notice={notice} innerRef={noticeRef} />
            <SegmentedFilter
                id="requests-filter"
                legend="Afficher les demandes"
                options={REQUEST_GROUPS.map(g => ({ value: g.value, label: `${g.label} (${count(g.value)})` }))}
                value={group}
                onChange={v => {
                    setGroup(v as RequestGroup);
                }}
            />
            <Spacer size="md" />
            <div id="requests-list" aria-live="polite">
                {shown.length === 0 ? (
                    <Text muted>Aucune demande dans cette catégorie.</Text>
                ) : (
                    <Stack gap="md">
                        {shown.map(r => (
                            <RequestCard key={r.id} request={r} practitioner={practitioner} onChange={onChange} />
                        ))}
                    </Stack>
                )}
            </div>
        </>
    );
}

function NoticeArea({ notice, innerRef }: { notice: Notice | null; innerRef: RefObject<HTMLDivElement | null> }) {
    return (
        <div id="requests-notice" ref={innerRef} tabIndex={-1} aria-live="polite" style={{ outline: "none" }}>
            {notice === null ? null : (
                <>
                    <Alert severity={notice.severity} small>
                        {notice.text}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
        </div>
    );
}

function StartLinks({ rpps }: { rpps: string }) {
    return (
        <ButtonGroup>
            <ButtonLink priority="secondary" icon="add" to={actions.newActivity.path(rpps)}>
                {actions.newActivity.title}
            </ButtonLink>
            <ButtonLink priority="secondary" icon="calendar" to={actions.cease.path(rpps)}>
                {actions.cease.title}
            </ButtonLink>
            <ButtonLink priority="secondary" icon="edit" to={actions.exerciseName.path(rpps)}>
                {actions.exerciseName.title}
            </ButtonLink>
        </ButtonGroup>
    );
}
