import { useCallback, useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import { ApiError, server, type Case } from "../api";
import { statusTone } from "../domain/requests";
import { formatDate, formatDateTime, isoDay } from "../format";
import { useApi } from "../hooks/useApi";
import { useReference } from "../reference/useReference";
import { Alert, Breadcrumb, ChangesTable, Col, Container, DataTable, DescriptionList, Focusable, Grid, Heading, Inline, Loading, Mono, Panel, RetryAlert, Spacer, StatusBadge, Text } from "../ui";
import { decisionInput, doneMessage, failureMessage, fieldErrorsOf, historyTable, type DecisionDraft, type DecisionErrors } from "./decisions";
import { DecisionPanel } from "./DecisionPanel";
import { useLabels } from "./labels";
import { PAGE_TITLE_ID, useFocusTitle, useTitle } from "./page";
import { RecordPanel } from "./RecordPanel";
import { boPaths } from "./routes";
import { useSession } from "./session";

/** CasePage: one request beside the practitioner's record, what it would change, its history and the decisions. */
export function CasePage() {
    const { id = "" } = useParams();
    const { ended } = useSession();
    const load = useCallback(() => server.getCase(id), [id]);
    const result = useApi(load);
    const labels = useLabels();
    useTitle(result.status === "success" ? `Demande ${labels.kind(result.data.request.kind).toLowerCase()}` : "Demande");
    useFocusTitle(result.status === "loading" ? undefined : `case-${id}-${result.status}`);

    useEffect(() => {
        if (result.status === "error" && result.error.code === "unauthorized") {
            ended();
        }
    }, [result, ended]);

    const crumbs = [{ label: "Demandes à instruire", to: boPaths.queue() }];
    if (result.status === "success") {
        return <CaseView key={id} initial={result.data} crumbs={crumbs} />;
    }
    return (
        <Container>
            <Breadcrumb trail={crumbs} current="Demande" />
            <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                Demande
            </Heading>
            {result.status === "loading" ? <Loading label="Lecture de la demande…" /> : null}
            {result.status === "error" ? (
                <RetryAlert title="La demande n'a pas pu être lue" live onRetry={result.reload}>
                    {result.error.message}
                </RetryAlert>
            ) : null}
            <Spacer size="xl" />
        </Container>
    );
}

type Notice = { severity: "success" | "error"; title: string; text: string };

function CaseView({ initial, crumbs }: { initial: Case; crumbs: { label: string; to: string }[] }) {
    const { ended } = useSession();
    const ref = useReference();
    const labels = useLabels();
    const [theCase, setCase] = useState(initial);
    const [busy, setBusy] = useState(false);
    const [notice, setNotice] = useState<Notice | null>(null);
    const [serverErrors, setServerErrors] = useState<DecisionErrors>({});
    const noticeRef = useRef<HTMLDivElement | null>(null);
    const request = theCase.request;
    const today = isoDay(new Date());

    useEffect(() => {
        if (notice !== null) {
            noticeRef.current?.focus();
        }
    }, [notice]);

    const refresh = async (): Promise<void> => {
        setCase(await server.getCase(request.id));
    };

    const decide = (d: DecisionDraft) => {
        setBusy(true);
        setNotice(null);
        setServerErrors({});
        server
            .decide(request.id, decisionInput(d, request.revision))
            .then(async next => {
                if (next === undefined) {
                    await refresh();
                } else {
                    setCase(next);
                }
                setNotice({ severity: "success", title: "Décision enregistrée", text: doneMessage(d, labels) });
            })
            .catch(async (e: unknown) => {
                const err = e instanceof ApiError ? e : new ApiError("internal", "Une erreur inattendue est survenue. Réessayez.");
                if (err.code === "unauthorized") {
                    ended();
                    return;
                }
                setNotice({ severity: "error", ...failureMessage(err) });
                setServerErrors(fieldErrorsOf(err));
                if (err.code === "conflict") {
                    await refresh().catch(() => undefined);
                }
            })
            .finally(() => {
                setBusy(false);
            });
    };

    const name = theCase.record.exerciseName !== "" ? `${theCase.record.firstName} ${theCase.record.exerciseName}` : `${theCase.record.firstName} ${theCase.record.birthName}`;
    const changes = theCase.changes ?? [];
    const assigned = [...(request.history ?? [])].reverse().find(e => e.to === "under_review");

    return (
        <Container>
            <Breadcrumb trail={crumbs} current={`${labels.kind(request.kind)} — ${name}`} />
            <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                {`${labels.kind(request.kind)} — ${name}`}
            </Heading>
            <Inline>
                <StatusBadge id="request-status" status={request.status} tone={statusTone(request.status)}>
                    {labels.status(request.status)}
                </StatusBadge>
                <Text size="sm" muted noMargin>
                    {`${theCase.ars} — demande n° `}
                    <Mono>{request.id}</Mono>
                </Text>
            </Inline>
            <Spacer size="sm" />
            <Focusable
                id="decision-notice"
                innerRef={el => {
                    noticeRef.current = el;
                }}
            >
                {notice === null ? null : (
                    <Alert severity={notice.severity} title={notice.title} live>
                        {notice.text}
                    </Alert>
                )}
            </Focusable>
            <Spacer size="md" />
            <Grid>
                <Col base={12} lg={7}>
                    {/* In a block of its own: a panel fills its parent's height. */}
                    <div>
                        <Panel id="request-panel" title="La demande">
                            <DescriptionList
                                items={[
                                    { term: "Type de demande", value: labels.kind(request.kind) },
                                    { term: "Statut", value: labels.status(request.status) },
                                    { term: "Département", value: request.department === undefined ? "" : ref.departmentLabel(request.department) },
                                    { term: "Transmise le", value: formatDateTime(request.transmittedAt) },
                                    { term: "Instruite par", value: assigned === undefined ? "" : labels.actor(assigned.actor) },
                                    ...(request.deadline === undefined || request.deadline === "" ? [] : [{ term: "Date limite du complément", value: formatDate(request.deadline) }]),
                                    ...(request.reason === undefined || request.reason === "" ? [] : [{ term: request.status === "refused" ? "Motif du refus" : "Message au professionnel", value: request.reason }])
                                ]}
                            />
                            {theCase.linked === undefined || theCase.linked === null ? null : (
                                <Alert severity="info" small>
                                    {`Cabinet déplacé : cette demande va de pair avec une demande « ${labels.kind(theCase.linked.kind)} » (« ${labels.status(theCase.linked.status)} »). Une décision s'applique aux deux.`}
                                </Alert>
                            )}
                        </Panel>
                    </div>
                    <Spacer size="md" />
                    <section aria-labelledby="changes-title">
                        <Heading level={2} look="h4" id="changes-title">
                            Ce qui changerait dans le dossier
                        </Heading>
                        {theCase.changesProblem === undefined || theCase.changesProblem === "" ? null : (
                            <Alert severity="warning" title="La demande ne correspond plus au dossier">
                                {theCase.changesProblem}
                            </Alert>
                        )}
                        {theCase.final ? (
                            <Text>{`La demande est « ${labels.status(request.status)} » : le dossier affiché est le dossier tel qu'il est aujourd'hui.`}</Text>
                        ) : changes.length === 0 ? (
                            <Text>Cette demande ne change aucun champ du dossier tel qu'il est aujourd'hui.</Text>
                        ) : (
                            <ChangesTable id="changes-table" caption={`Champs modifiés si la demande est acceptée (${String(changes.length)})`} changes={changes} beforeTitle="Dans le dossier" afterTitle="Après acceptation" />
                        )}
                    </section>
                    <Spacer size="md" />
                    <DecisionPanel key={`${request.status}-${String(request.revision)}`} theCase={theCase} busy={busy} onDecide={decide} serverErrors={serverErrors} />
                    <Spacer size="md" />
                    <section aria-labelledby="history-title">
                        <Heading level={2} look="h4" id="history-title">
                            Historique
                        </Heading>
                        <DataTable id="history-table" caption="Historique de la demande, daté et attribué" captionHidden headers={["Date", "Étape", "Par", "Commentaire"]} rows={historyTable(theCase)} />
                    </section>
                </Col>
                <Col base={12} lg={5}>
                    <div>
                        <RecordPanel record={theCase.record} today={today} />
                    </div>
                </Col>
            </Grid>
            <Spacer size="xl" />
        </Container>
    );
}
