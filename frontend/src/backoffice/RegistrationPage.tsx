import { useCallback, useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { ApiError } from "../api";
import { registrations, type RegistrationCase } from "../api/registration";
import { formatDate, formatDateTime } from "../format";
import { useApi } from "../hooks/useApi";
import { Alert, Breadcrumb, Button, ButtonGroup, Col, Container, DescriptionList, Form, Grid, Heading, Loading, Panel, Spacer, StatusBadge, Text, TextField } from "../ui";
import { PAGE_TITLE_ID, useFocusTitle, useTitle } from "./page";
import { motifProblem, registrationStatusLabel, registrationStatusTone } from "./registrationLabels";
import { boPaths } from "./routes";
import { useSession } from "./session";

const crumbs = [{ label: "Primo-inscriptions", to: boPaths.registrations() }];

/** RegistrationPage: one primo-registration, and the agent's decision. */
export function RegistrationPage() {
    const { id = "" } = useParams();
    const { ended } = useSession();
    const load = useCallback(() => registrations.get(id), [id]);
    const result = useApi(load);
    useTitle("Primo-inscription");
    useFocusTitle(result.status === "loading" ? undefined : `registration-${id}-${result.status}`);
    useEffect(() => {
        if (result.status === "error" && result.error.code === "unauthorized") {
            ended();
        }
    }, [result, ended]);
    return (
        <Container>
            <Breadcrumb trail={crumbs} current="Primo-inscription" />
            {result.status === "loading" ? <Loading label="Lecture de la demande…" /> : null}
            {result.status === "error" ? (
                <>
                    <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                        Primo-inscription
                    </Heading>
                    <Alert severity="error" title="La demande n'a pas pu être lue" live>
                        {result.error.message}
                    </Alert>
                </>
            ) : null}
            {result.status === "success" ? <RegistrationView key={id} initial={result.data} /> : null}
            <Spacer size="xl" />
        </Container>
    );
}

function RegistrationView({ initial }: { initial: RegistrationCase }) {
    const [c, setCase] = useState(initial);
    const r = c.registration;
    const id = r.identity;
    return (
        <>
            <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                {`Primo-inscription de ${id.givenName} ${id.familyName}`}
            </Heading>
            <Text>
                <StatusBadge id="registration-status" status={r.status} tone={registrationStatusTone(r.status)}>
                    {registrationStatusLabel(r.status)}
                </StatusBadge>{" "}
                {`Transmise le ${formatDateTime(r.submittedAt)} à l'${c.ars}.`}
            </Text>
            <Grid>
                <Col base={12} lg={6}>
                    <Panel title="Identité (FranceConnect)">
                        <DescriptionList
                            items={[
                                { term: "Nom de naissance", value: id.familyName },
                                { term: "Prénoms", value: id.givenName },
                                { term: "Date de naissance", value: formatDate(id.birthDate) },
                                { term: "Sexe", value: id.gender === "female" ? "Femme" : id.gender === "male" ? "Homme" : id.gender },
                                { term: "Lieu de naissance (code INSEE)", value: id.birthPlace ?? "" },
                                { term: "Pays de naissance (code INSEE)", value: id.birthCountry ?? "" }
                            ]}
                        />
                    </Panel>
                </Col>
                <Col base={12} lg={6}>
                    <Panel title="Profession et diplôme">
                        <DescriptionList
                            items={[
                                { term: "Profession", value: c.professionLabel },
                                { term: "Diplôme", value: r.diploma.title },
                                { term: "Délivré par", value: r.diploma.institution },
                                { term: "Obtenu le", value: formatDate(r.diploma.date) },
                                { term: "Département d'exercice", value: `${r.department} – ${c.departmentName}` },
                                { term: "Adresse électronique", value: r.email },
                                { term: "Téléphone mobile", value: r.phone ?? "" }
                            ]}
                        />
                    </Panel>
                </Col>
            </Grid>
            <Spacer size="md" />
            {r.status === "submitted" ? <DecisionForm id={r.id} onDecided={setCase} /> : <Outcome c={c} />}
        </>
    );
}

function Outcome({ c }: { c: RegistrationCase }) {
    const r = c.registration;
    const who = r.decidedBy?.name ?? "";
    if (r.status === "accepted") {
        return (
            <Alert severity="success" title="Demande acceptée" id="registration-outcome">
                {`Numéro RPPS attribué : ${r.rpps ?? ""} — décision de ${who} le ${formatDateTime(r.decidedAt)}. Le professionnel est inscrit au répertoire.`}
            </Alert>
        );
    }
    if (r.status === "refused") {
        return (
            <Alert severity="warning" title="Demande refusée" id="registration-outcome">
                {`Motif : ${r.motif ?? ""} — décision de ${who} le ${formatDateTime(r.decidedAt)}.`}
            </Alert>
        );
    }
    return (
        <Alert severity="info" title="Demande retirée" id="registration-outcome">
            {`Retirée par la personne le ${formatDateTime(r.decidedAt)}.`}
        </Alert>
    );
}

function DecisionForm({ id, onDecided }: { id: string; onDecided: (c: RegistrationCase) => void }) {
    const [motif, setMotif] = useState("");
    const [motifError, setMotifError] = useState<string | undefined>(undefined);
    const [failure, setFailure] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const decide = (action: "accept" | "refuse") => {
        setFailure(null);
        if (action === "refuse") {
            const problem = motifProblem(motif);
            setMotifError(problem);
            if (problem !== undefined) {
                return;
            }
        }
        setBusy(true);
        registrations.decide(id, action === "accept" ? { action } : { action, motif: motif.trim() }).then(
            c => {
                setBusy(false);
                onDecided(c);
            },
            (e: unknown) => {
                setBusy(false);
                if (e instanceof ApiError) {
                    setMotifError(e.fieldMessage("motif"));
                    setFailure(e.message);
                } else {
                    setFailure("La décision n'a pas été enregistrée. Réessayez.");
                }
            }
        );
    };
    return (
        <Panel title="Décision" id="registration-decision">
            <Text>
                Accepter attribue un <strong>nouveau numéro RPPS</strong> et inscrit le professionnel au répertoire avec cette identité et cette profession. Refuser demande un motif, communiqué à la personne.
            </Text>
            {failure === null ? null : (
                <>
                    <Alert severity="error" title="Décision non enregistrée" live id="decision-error">
                        {failure}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
            <Form onSubmit={() => { decide("accept"); }} label="Décision sur la primo-inscription">
                <TextField id="motif" label="Motif du refus" hint="Obligatoire pour refuser." value={motif} onChange={setMotif} error={motifError} errorFor="motif" multiline rows={3} maxLength={1000} />
                <ButtonGroup>
                    <Button id="btn-accept-registration" type="submit" icon="check" disabled={busy}>
                        Accepter et attribuer un numéro RPPS
                    </Button>
                    <Button id="btn-refuse-registration" priority="secondary" icon="close" disabled={busy} onClick={() => { decide("refuse"); }}>
                        Refuser
                    </Button>
                </ButtonGroup>
            </Form>
            <Text size="sm" muted>
                Le numéro est tiré d'une séquence qui ne revient jamais en arrière : il n'a jamais été attribué à personne.
            </Text>
        </Panel>
    );
}
