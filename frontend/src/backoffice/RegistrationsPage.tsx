import { useCallback, useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { registrations, type RegistrationCase } from "../api/registration";
import { formatDate } from "../format";
import { useApi } from "../hooks/useApi";
import { Container, DataTable, Heading, Lead, Loading, Mono, RetryAlert, SelectField, Spacer, StatusBadge, StatusLine, TextLink } from "../ui";
import { PAGE_TITLE_ID, useFocusTitle, useTitle } from "./page";
import { REGISTRATION_STATUSES, registrationStatusLabel, registrationStatusTone, statusFromSearch } from "./registrationLabels";
import { boPaths } from "./routes";
import { useSession } from "./session";

/** RegistrationsPage: the primo-registrations (FranceConnect) of the agent's region. */
export function RegistrationsPage() {
    useTitle("Primo-inscriptions");
    const { ended } = useSession();
    const navigate = useNavigate();
    const [params] = useSearchParams();
    const raw = params.get("statut");
    const status = statusFromSearch(raw);
    const load = useCallback(() => registrations.list(status), [status]);
    const result = useApi(load);
    useFocusTitle(result.status === "loading" ? undefined : `registrations-${status ?? "tous"}`);
    useEffect(() => {
        if (result.status === "error" && result.error.code === "unauthorized") {
            ended();
        }
    }, [result, ended]);
    const options = [...REGISTRATION_STATUSES.map(s => ({ value: s, label: registrationStatusLabel(s) })), { value: "tous", label: "Toutes" }];
    return (
        <Container>
            <Spacer size="lg" />
            <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                Primo-inscriptions
            </Heading>
            <Lead>Les demandes d'enregistrement au RPPS de personnes sans numéro RPPS, identifiées par FranceConnect, qui exerceront dans votre région.</Lead>
            <SelectField
                id="registrations-status"
                label="Statut"
                value={status ?? "tous"}
                options={options}
                onChange={v => {
                    void navigate(boPaths.registrations(`?statut=${v}`));
                }}
            />
            {result.status === "loading" ? <Loading label="Lecture des demandes…" /> : null}
            {result.status === "error" ? (
                <RetryAlert title="Les primo-inscriptions n'ont pas pu être lues" live onRetry={result.reload}>
                    {result.error.message}
                </RetryAlert>
            ) : null}
            {result.status === "success" ? <RegistrationsTable items={result.data} /> : null}
            <Spacer size="xl" />
        </Container>
    );
}

function RegistrationsTable({ items }: { items: RegistrationCase[] }) {
    return (
        <>
            <StatusLine id="registrations-count" tone="neutral">
                {items.length === 0 ? "Aucune demande." : items.length === 1 ? "1 demande." : `${items.length} demandes.`}
            </StatusLine>
            {items.length === 0 ? null : (
                <DataTable
                    id="registrations-table"
                    caption="Primo-inscriptions, les plus anciennes d'abord"
                    headers={["Personne", "Profession", "Département", "Transmise le", "Statut"]}
                    rows={items.map(c => {
                        const r = c.registration;
                        return [
                            <TextLink key="who" id={`open-registration-${r.id}`} to={boPaths.registration(r.id)}>
                                {`${r.identity.familyName} ${r.identity.givenName}`}
                            </TextLink>,
                            c.professionLabel,
                            `${r.department} – ${c.departmentName}`,
                            formatDate(r.submittedAt.slice(0, 10)),
                            <span key="status">
                                <StatusBadge status={r.status} tone={registrationStatusTone(r.status)}>
                                    {registrationStatusLabel(r.status)}
                                </StatusBadge>
                                {r.rpps === undefined || r.rpps === "" ? null : (
                                    <>
                                        <br />
                                        <Mono>{r.rpps}</Mono>
                                    </>
                                )}
                            </span>
                        ];
                    })}
                />
            )}
        </>
    );
}
