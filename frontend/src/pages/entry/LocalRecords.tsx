import { useCallback, useState } from "react";
import { api, type PractitionerSummary } from "../../api";
import { DEMO_LABEL } from "../../domain/demo";
import { displayName } from "../../domain/names";
import { plural } from "../../format";
import { useApi, type ApiResult } from "../../hooks/useApi";
import { useDebouncedValue } from "../../hooks/useDebouncedValue";
import { useReference } from "../../reference/useReference";
import { paths } from "../../routes";
import { Alert, Badge, Button, DataTable, Heading, Inline, Loading, Mono, RetryAlert, Text, TextField, TextLink } from "../../ui";

const PAGE_SIZE = 50;

/** LocalRecords lists the professionals whose records are stored on this computer, with a search. */
export function LocalRecords({ searchId }: { searchId: string }) {
    const [query, setQuery] = useState("");
    const [limit, setLimit] = useState(PAGE_SIZE);
    const debounced = useDebouncedValue(query.trim(), 300);
    const load = useCallback(() => api.listPractitioners({ query: debounced, limit, offset: 0 }), [debounced, limit]);
    const result = useApi(load);

    return (
        <section aria-labelledby="dossiers-title">
            <Heading level={2} look="h3" id="dossiers-title">
                Dossiers sur ce poste
            </Heading>
            <Text>Choisissez le professionnel dont vous voulez consulter le dossier ou préparer une demande.</Text>
            <TextField
                id={searchId}
                label="Rechercher un professionnel"
                hint="Nom, prénom ou numéro RPPS"
                type="search"
                inputMode="search"
                autoComplete="off"
                value={query}
                onChange={v => {
                    setQuery(v);
                    setLimit(PAGE_SIZE);
                }}
            />
            <RecordsResult result={result} query={debounced} onMore={() => { setLimit(l => l + PAGE_SIZE); }} limit={limit} />
        </section>
    );
}

function RecordsResult({ result, query, limit, onMore }: { result: ApiResult<PractitionerSummary[] | null>; query: string; limit: number; onMore: () => void }) {
    if (result.status === "loading") {
        return <Loading label="Recherche des dossiers…" />;
    }
    if (result.status === "error") {
        return (
            <RetryAlert title="Les dossiers n'ont pas pu être lus" live onRetry={result.reload}>
                {result.error.message}
            </RetryAlert>
        );
    }
    const rows = result.data ?? [];
    if (rows.length === 0) {
        return (
            <Alert severity="info" small live>
                {query === "" ? "Aucun dossier n'est encore enregistré sur ce poste." : `Aucun dossier ne correspond à « ${query} ».`}
            </Alert>
        );
    }
    return (
        <>
            <Text size="sm" muted>
                <span role="status">{rows.length >= limit ? `Les ${rows.length} premiers dossiers` : plural(rows.length, "dossier", "dossiers")}</span>
            </Text>
            <RecordsTable rows={rows} />
            {rows.length >= limit ? (
                <Button priority="secondary" icon="add" onClick={onMore}>
                    Afficher plus de dossiers
                </Button>
            ) : null}
        </>
    );
}

function RecordsTable({ rows }: { rows: PractitionerSummary[] }) {
    const ref = useReference();
    return (
        <DataTable
            caption="Professionnels dont le dossier est sur ce poste"
            captionHidden
            headers={["Professionnel", "N° RPPS", "Profession(s)", "Département(s)", "Demandes"]}
            rows={rows.map(p => [
                <Inline key="name" gap="xs">
                    <TextLink id={`dossier-${p.rpps}`} to={paths.portal(p.rpps)}>
                        {displayName(p)}
                    </TextLink>
                    {p.demo ? <Badge tone="warning">{DEMO_LABEL}</Badge> : null}
                </Inline>,
                <Mono key="rpps">{p.rpps}</Mono>,
                (p.professionCodes ?? []).map(c => ref.professionLabel(c)).join(", "),
                (p.departments ?? []).map(d => ref.departmentLabel(d)).join(", "),
                <RequestBadges key="req" drafts={p.drafts} open={p.openRequests} />
            ])}
        />
    );
}

function RequestBadges({ drafts, open }: { drafts: number; open: number }) {
    if (drafts === 0 && open === 0) {
        return <>Aucune</>;
    }
    return (
        <Inline gap="xs">
            {drafts > 0 ? <Badge tone="new">{`${drafts} en cours`}</Badge> : null}
            {open > 0 ? <Badge tone="info">{plural(open, "transmise", "transmises")}</Badge> : null}
        </Inline>
    );
}
