import { useCallback, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { server, type QueueItem, type QueuePage as Page } from "../api";
import { formatDate } from "../format";
import { useApi } from "../hooks/useApi";
import { useReference } from "../reference/useReference";
import { statusTone } from "../domain/requests";
import { Button, ButtonGroup, Col, Container, DataTable, Form, Grid, Heading, Lead, Loading, Mono, Pager, RetryAlert, SelectField, Spacer, StatusBadge, StatusLine, Text, TextLink } from "../ui";
import { useLabels, type BackOfficeLabels } from "./labels";
import { PAGE_TITLE_ID, useFocusTitle, useTitle } from "./page";
import { AGE_OPTIONS, ageDays, ageText, countText, filtersFromSearch, pageCount, QUEUE_KINDS, QUEUE_STATUSES, queryOf, searchOf, withFilters, type QueueFilters } from "./queueFilters";
import { boPaths } from "./routes";
import { useAgent, useSession } from "./session";


/** QueuePage: the requests of the agent's region, filtered and paged. */
export function QueuePage() {
    useTitle("Demandes à instruire");
    const agent = useAgent();
    const { ended } = useSession();
    const ref = useReference();
    const [params] = useSearchParams();
    const search = searchOf(filtersFromSearch(params));
    const filters = filtersFromSearch(new URLSearchParams(search));
    const load = useCallback(() => server.queue(queryOf(filtersFromSearch(new URLSearchParams(search)))), [search]);
    const result = useApi(load);
    useFocusTitle(result.status === "loading" ? undefined : `queue${search}`);

    useEffect(() => {
        if (result.status === "error" && result.error.code === "unauthorized") {
            ended();
        }
    }, [result, ended]);

    const departments = agent.region === undefined ? [] : ref.departmentsOfRegion(agent.region);
    const ars = departments[0]?.ars ?? "";

    return (
        <Container>
            <Spacer size="lg" />
            <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                Demandes à instruire
            </Heading>
            <Lead>{ars === "" ? "Les demandes transmises par les professionnels de votre région." : `Les demandes transmises par les professionnels relevant de l'${ars}.`}</Lead>
            <Filters key={search} filters={filters} departments={departments.map(d => ({ value: d.code, label: `${d.code} – ${d.name}` }))} />
            <Spacer size="md" />
            {result.status === "loading" ? <Loading label="Lecture des demandes…" /> : null}
            {result.status === "error" ? (
                <RetryAlert title="La file des demandes n'a pas pu être lue" live onRetry={result.reload}>
                    {result.error.message}
                </RetryAlert>
            ) : null}
            {result.status === "success" ? <QueueTable page={result.data} filters={filters} /> : null}
            <Spacer size="xl" />
        </Container>
    );
}

function Filters({ filters, departments }: { filters: QueueFilters; departments: { value: string; label: string }[] }) {
    const navigate = useNavigate();
    const labels = useLabels();
    const [draft, setDraft] = useState(filters);
    const statusOptions = [{ value: "", label: "À traiter" }, ...QUEUE_STATUSES.map(s => ({ value: s, label: labels.status(s) }))];
    const kindOptions = [{ value: "", label: "Tous les types" }, ...QUEUE_KINDS.map(k => ({ value: k, label: labels.kind(k) }))];
    const apply = () => {
        void navigate(boPaths.queue(searchOf(withFilters(filters, draft))));
    };
    const reset = () => {
        void navigate(boPaths.queue());
    };
    return (
        <section aria-labelledby="filters-title" className="app-panel">
            <div className="app-panel__body">
                <Heading level={2} look="h6" id="filters-title">
                    Filtrer les demandes
                </Heading>
                <Text size="sm" muted>
                    « À traiter » : les demandes transmises, en instruction ou en attente d'un complément.
                </Text>
                <Form onSubmit={apply} label="Filtres de la file">
                    <Grid>
                        <Col base={12} md={6} lg={3}>
                            <SelectField id="filter-status" label="Statut" value={draft.status} options={statusOptions} onChange={v => { setDraft(d => ({ ...d, status: v as QueueFilters["status"] })); }} />
                        </Col>
                        <Col base={12} md={6} lg={3}>
                            <SelectField
                                id="filter-department"
                                label="Département"
                                value={draft.department}
                                options={[{ value: "", label: "Toute la région" }, ...departments]}
                                onChange={v => { setDraft(d => ({ ...d, department: v })); }}
                            />
                        </Col>
                        <Col base={12} md={6} lg={3}>
                            <SelectField id="filter-kind" label="Type de demande" value={draft.kind} options={kindOptions} onChange={v => { setDraft(d => ({ ...d, kind: v as QueueFilters["kind"] })); }} />
                        </Col>
                        <Col base={12} md={6} lg={3}>
                            <SelectField id="filter-age" label="Ancienneté" value={draft.age} options={[...AGE_OPTIONS]} onChange={v => { setDraft(d => ({ ...d, age: v })); }} />
                        </Col>
                    </Grid>
                    <Spacer size="sm" />
                    <ButtonGroup>
                        <Button id="btn-filter" type="submit" icon="filter">
                            Appliquer les filtres
                        </Button>
                        <Button id="btn-filter-reset" priority="secondary" onClick={reset}>
                            Réinitialiser
                        </Button>
                    </ButtonGroup>
                </Form>
            </div>
        </section>
    );
}

function QueueTable({ page, filters }: { page: Page; filters: QueueFilters }) {
    const ref = useReference();
    const labels = useLabels();
    const items = page.items ?? [];
    const now = new Date();
    return (
        <>
            <StatusLine id="queue-count" tone="neutral">
                {countText(page)}
            </StatusLine>
            {items.length === 0 ? null : (
                <DataTable
                    id="queue-table"
                    caption="Demandes de la file, les plus anciennes d'abord"
                    headers={["Demande", "Professionnel", "Département", "Transmise le", "Attente", "Statut", "Instruite par"]}
                    rows={items.map(item => row(item, now, ref.departmentLabel, labels))}
                />
            )}
            <Pager id="queue-pages" count={pageCount(page)} page={filters.page} to={n => boPaths.queue(searchOf({ ...filters, page: n }))} />
        </>
    );
}

function row(item: QueueItem, now: Date, departmentLabel: (code: string) => string, labels: BackOfficeLabels) {
    return [
        <TextLink key="link" id={`open-${item.id}`} to={boPaths.case(item.id)}>
            {labels.kind(item.kind)}
        </TextLink>,
        <span key="who">
            {item.practitionerName}
            <br />
            <Mono>{item.rpps}</Mono>
        </span>,
        departmentLabel(item.department),
        formatDate(item.transmittedAt),
        ageText(ageDays(item, now)),
        <span key="status">
            <StatusBadge status={item.status} tone={statusTone(item.status)}>
                {labels.status(item.status)}
            </StatusBadge>
            {item.deadline === undefined || item.deadline === "" ? null : (
                <>
                    <br />
                    {`Avant le ${formatDate(item.deadline)}`}
                </>
            )}
        </span>,
        labels.actor(item.assignedTo) === "" ? "—" : labels.actor(item.assignedTo)
    ];
}
