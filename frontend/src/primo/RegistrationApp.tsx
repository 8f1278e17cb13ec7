import { useCallback, useEffect, useState } from "react";
import { HashRouter } from "react-router-dom";
import { ApiError } from "../api";
import { FRANCECONNECT_LOGIN, registrations, type Registration, type RegistrationState } from "../api/registration";
import { ErrorBoundary } from "../app/ErrorBoundary";
import { formatDate } from "../format";
import { useApi } from "../hooks/useApi";
import {
    Alert,
    Button,
    ButtonGroup,
    CallOut,
    CheckboxField,
    Col,
    Container,
    DescriptionList,
    FailureAlert,
    Form,
    FranceConnectButton,
    Grid,
    Heading,
    Lead,
    Loading,
    Main,
    Mono,
    Notice,
    Panel,
    SelectField,
    SiteFooter,
    SiteHeader,
    SkipLinks,
    Spacer,
    Text,
    TextField,
    useFailure
} from "../ui";
import { genderLabel, idnps, initialDraft, pageError, screenOf, serverErrors, toWire, withoutError, type Draft, type Errors, type Field } from "./form";

const TITLE = "Primo enregistrement au RPPS";

/**
 * RegistrationApp is /inscription on erpps-server: someone with no RPPS
 * number signs in with FranceConnect and asks the ARS to register them.
 */
export default function RegistrationApp() {
    useEffect(() => {
        document.title = `${TITLE} - eRPPS`;
    }, []);
    return (
        <ErrorBoundary>
            <HashRouter>
                <SkipLinks
                    links={[
                        { label: "Contenu", target: "content" },
                        { label: "Pied de page", target: "footer" }
                    ]}
                />
                <SiteHeader serviceTitle="eRPPS" tagline="Portail d'enregistrement des professionnels intervenant dans le système de santé" homeTitle="Accueil - eRPPS" quickLinks={[]} />
                <Main>
                    <Container>
                        <Spacer size="lg" />
                        <Heading level={1} id="page-title" tabIndex={-1}>
                            {TITLE}
                        </Heading>
                        <RegistrationPage />
                        <Spacer size="xl" />
                    </Container>
                </Main>
                <SiteFooter
                    homeTitle="Accueil - eRPPS"
                    description="Le primo enregistrement permet à un professionnel qui n'a pas encore de numéro RPPS de demander son inscription à l'Agence Régionale de Santé du département où il exercera."
                    bottomNotes={["Serveur eRPPS"]}
                />
            </HashRouter>
        </ErrorBoundary>
    );
}

function RegistrationPage() {
    const load = useCallback(() => registrations.state(), []);
    const result = useApi(load);
    const problem = pageError(new URLSearchParams(window.location.search).get("erreur"));
    if (result.status === "loading") {
        return <Loading label="Lecture de votre demande…" />;
    }
    if (result.status === "error") {
        if (result.error.code === "unauthorized") {
            return <SignIn problem={problem} />;
        }
        return (
            <Alert severity="error" title="Le service ne répond pas" live>
                {result.error.message}
            </Alert>
        );
    }
    return <SignedIn state={result.data} reload={result.reload} />;
}

/** SignIn is the door: FranceConnect, for those with no RPPS number only. */
function SignIn({ problem }: { problem: string | undefined }) {
    return (
        <>
            <Lead>Vous n'avez pas de numéro RPPS et vous allez exercer une profession enregistrée par l'ARS : demandez votre inscription au RPPS.</Lead>
            {problem === undefined ? null : (
                <>
                    <Alert severity="error" title="Identification interrompue" live>
                        {problem}
                    </Alert>
                    <Spacer size="md" />
                </>
            )}
            <Grid>
                <Col base={12} md={6}>
                    <Panel title="Vous n'avez pas de numéro RPPS">
                        <Text>Identifiez-vous avec FranceConnect : votre identité (nom, prénoms, date et lieu de naissance) sera reprise telle que l'État la connaît.</Text>
                        <FranceConnectButton
                            id="btn-franceconnect"
                            onClick={() => {
                                window.location.assign(FRANCECONNECT_LOGIN);
                            }}
                        />
                    </Panel>
                </Col>
                <Col base={12} md={6}>
                    <Notice title="Vous avez déjà un numéro RPPS ?" severity="warning">
                        Ne vous identifiez surtout pas avec FranceConnect : il sert uniquement au primo enregistrement. Connectez-vous avec Pro Santé Connect, avec votre numéro RPPS précédé d'un « 8 ».
                    </Notice>
                </Col>
            </Grid>
        </>
    );
}

function SignedIn({ state, reload }: { state: RegistrationState; reload: () => void }) {
    const [signOutError, setSignOutError] = useState<string | null>(null);
    const signOut = () => {
        registrations.signOut().then(reload, (e: unknown) => {
            setSignOutError(e instanceof ApiError ? e.message : "La déconnexion a échoué.");
        });
    };
    const screen = screenOf(state);
    return (
        <>
            <Identity state={state} />
            <Spacer size="md" />
            {screen === "submitted" && state.registration !== undefined ? <Submitted registration={state.registration} state={state} /> : null}
            {screen === "accepted" && state.registration !== undefined ? <Accepted registration={state.registration} /> : null}
            {screen === "form" ? (
                <>
                    {state.registration?.status === "refused" ? (
                        <>
                            <Alert severity="warning" title="Votre demande précédente a été refusée" id="refused">
                                {`Motif : ${state.registration.motif ?? ""}. Vous pouvez déposer une nouvelle demande.`}
                            </Alert>
                            <Spacer size="md" />
                        </>
                    ) : null}
                    <RegistrationForm state={state} onSubmitted={reload} />
                </>
            ) : null}
            <Spacer size="md" />
            {signOutError === null ? null : <Alert severity="error" title={signOutError} small live />}
            <ButtonGroup>
                <Button id="btn-fc-signout" priority="tertiary" icon="logout" onClick={signOut}>
                    Se déconnecter de FranceConnect
                </Button>
            </ButtonGroup>
        </>
    );
}

/** Identity shows what FranceConnect said, read only. */
function Identity({ state }: { state: RegistrationState }) {
    const id = state.identity;
    return (
        <Panel title="Votre identité (transmise par FranceConnect)" id="identity">
            <Text size="sm" muted>
                Ces informations viennent de FranceConnect et ne peuvent pas être modifiées ici.
            </Text>
            <DescriptionList
                items={[
                    { term: "Nom de naissance", value: id.familyName },
                    { term: "Prénoms", value: id.givenName },
                    { term: "Date de naissance", value: formatDate(id.birthDate) },
                    { term: "Sexe", value: genderLabel(id.gender) },
                    { term: "Lieu de naissance (code INSEE)", value: id.birthPlace ?? "" },
                    { term: "Adresse électronique", value: id.email ?? "" }
                ]}
            />
        </Panel>
    );
}

function Submitted({ registration, state }: { registration: Registration; state: RegistrationState }) {
    const dept = state.departments.find(d => d.code === registration.department)?.label ?? registration.department;
    return (
        <Alert severity="info" title="Votre demande a été transmise" id="submitted">
            {`Transmise le ${formatDate(registration.submittedAt.slice(0, 10))}, pour le département ${dept}. L'ARS l'examine ; revenez ici pour connaître sa décision.`}
        </Alert>
    );
}

function Accepted({ registration }: { registration: Registration }) {
    const rpps = registration.rpps ?? "";
    return (
        <CallOut title="Vous êtes enregistré au RPPS" icon="check" titleAs="h2">
            <Text>
                Votre numéro RPPS : <Mono>{rpps}</Mono>
            </Text>
            <Text>
                Désormais, ne vous identifiez plus avec FranceConnect : connectez-vous avec Pro Santé Connect, identifiant <Mono>{idnps(rpps)}</Mono> (le numéro RPPS précédé d'un « 8 »).
            </Text>
        </CallOut>
    );
}

function RegistrationForm({ state, onSubmitted }: { state: RegistrationState; onSubmitted: () => void }) {
    const [draft, setDraft] = useState<Draft>(() => initialDraft(state.identity));
    const [errors, setErrors] = useState<Errors>({});
    const { failure, show, clear, anchor } = useFailure();
    const [sending, setSending] = useState(false);
    const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => {
        setDraft(d => ({ ...d, [k]: v }));
        setErrors(e => withoutError(e, k));
    };
    const err = (f: Field) => errors[f];
    const submit = () => {
        setErrors({});
        clear();
        setSending(true);
        registrations.submit(toWire(draft)).then(
            () => {
                setSending(false);
                onSubmitted();
            },
            (e: unknown) => {
                setSending(false);
                if (e instanceof ApiError) {
                    setErrors(serverErrors(e));
                    show(e.message);
                } else {
                    show("L'envoi a échoué. Réessayez.");
                }
            }
        );
    };
    return (
        <Panel title="Votre demande d'enregistrement" id="registration-form">
            <Form onSubmit={submit} label="Demande de primo enregistrement">
                <FailureAlert id="form-error" anchor={anchor} title="La demande n'a pas été transmise">
                    {failure}
                </FailureAlert>
                <SelectField
                    id="profession"
                    label="Profession"
                    hint="Les professions enregistrées par l'ARS. Médecins, chirurgiens-dentistes, sages-femmes, pharmaciens, infirmiers, masseurs-kinésithérapeutes et pédicures-podologues s'inscrivent auprès de leur Ordre."
                    value={draft.professionCode}
                    options={state.professions.map(p => ({ value: p.code, label: p.label }))}
                    placeholder="Choisissez votre profession"
                    onChange={set("professionCode")}
                    error={err("professionCode")}
                    errorFor="professionCode"
                    required
                />
                <TextField id="diploma-title" label="Intitulé du diplôme" hint="Exemple : Certificat de capacité d'orthoptiste" value={draft.diplomaTitle} onChange={set("diplomaTitle")} error={err("diploma.title")} errorFor="diploma.title" maxLength={200} required />
                <TextField id="diploma-institution" label="Établissement ou lieu de délivrance" value={draft.diplomaInstitution} onChange={set("diplomaInstitution")} error={err("diploma.institution")} errorFor="diploma.institution" maxLength={200} required />
                <TextField id="diploma-date" label="Date d'obtention" type="date" value={draft.diplomaDate} onChange={set("diplomaDate")} error={err("diploma.date")} errorFor="diploma.date" required />
                <SelectField
                    id="department"
                    label="Département d'exercice"
                    hint="Le département où vous exercerez : son ARS examine votre demande."
                    value={draft.department}
                    options={state.departments.map(d => ({ value: d.code, label: d.label }))}
                    placeholder="Choisissez un département"
                    onChange={set("department")}
                    error={err("department")}
                    errorFor="department"
                    required
                />
                <TextField id="email" label="Adresse électronique de correspondance" type="email" autoComplete="email" value={draft.email} onChange={set("email")} error={err("email")} errorFor="email" required />
                <TextField id="phone" label="Téléphone mobile (facultatif)" hint="Pour recevoir plus tard vos codes d'activation e-CPS par SMS." type="tel" inputMode="tel" autoComplete="tel" value={draft.phone} onChange={set("phone")} error={err("phone")} errorFor="phone" />
                <CheckboxField name="noRpps" label="Je déclare ne pas avoir de numéro RPPS." hint="Si vous en avez un, connectez-vous avec Pro Santé Connect." checked={draft.noRpps} onChange={set("noRpps")} error={err("noRpps")} />
                <ButtonGroup>
                    <Button id="btn-submit-registration" type="submit" icon="arrowRight" disabled={sending}>
                        Transmettre ma demande à l'ARS
                    </Button>
                </ButtonGroup>
            </Form>
        </Panel>
    );
}
