import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, type CompanionLink, type MailboxState, type MailFindingView } from "../api";
import { formatDateTime } from "../format";
import { usePageTitle } from "../hooks/usePageTitle";
import {
    codesByPractitioner,
    decisionDisplay,
    emptyMailboxForm,
    pickupDisplay,
    mailboxErrorsOf,
    readHow,
    signInOf,
    validityLabel,
    type CodesOf,
    type MailboxErrors,
    type MailboxForm
} from "../mailbox/mailbox";
import { paths } from "../routes";
import { useNow } from "../sync/useSync";
import {
    Alert,
    Badge,
    Breadcrumb,
    Button,
    ButtonLink,
    Col,
    Container,
    DescriptionList,
    Form,
    FormActions,
    Grid,
    Heading,
    Lead,
    Loading,
    Mono,
    Panel,
    Spacer,
    Text,
    TextField
} from "../ui";

function messageOf(e: unknown): string {
    return e instanceof ApiError ? e.message : "Une erreur inattendue est survenue. Réessayez.";
}

/** ConnectForm: the cabinet's IMAP server, its login and password. */
function ConnectForm({ onConnected }: { onConnected: (s: MailboxState) => void }) {
    const [form, setForm] = useState<MailboxForm>(emptyMailboxForm);
    const [errors, setErrors] = useState<MailboxErrors>({});
    const [failure, setFailure] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const set = (k: keyof MailboxForm) => (v: string) => { setForm(f => ({ ...f, [k]: v })); };
    const submit = () => {
        setErrors({});
        setFailure(null);
        setBusy(true);
        api.connectMailbox(signInOf(form)).then(
            s => {
                setBusy(false);
                setForm(f => ({ ...f, password: "" }));
                onConnected(s);
            },
            (e: unknown) => {
                setBusy(false);
                setForm(f => ({ ...f, password: "" }));
                const found = mailboxErrorsOf(e);
                setErrors(found);
                setFailure(messageOf(e));
                const first = (["host", "port", "username", "password"] as const).find(f => found[f] !== undefined);
                if (first !== undefined) {
                    document.getElementById(`mailbox-${first}`)?.focus();
                }
            }
        );
    };
    return (
        <>
            {failure === null ? null : (
                <>
                    <Alert severity="error" title="Connexion à la boîte aux lettres impossible" live>
                        {failure}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
            <Form onSubmit={submit} label="Connexion de la boîte aux lettres du cabinet">
                <TextField id="mailbox-host" name="host" label="Serveur IMAP" hint="Par exemple imap.example.org (IMAP sur TLS)." value={form.host} onChange={set("host")} error={errors.host} required />
                <TextField id="mailbox-port" name="port" label="Port" hint="993 en général." inputMode="numeric" value={form.port} onChange={set("port")} error={errors.port} required />
                <TextField id="mailbox-username" name="username" label="Identifiant" autoComplete="username" value={form.username} onChange={set("username")} error={errors.username} required />
                <TextField
                    id="mailbox-password"
                    name="password"
                    type="password"
                    label="Mot de passe"
                    hint="Gardé dans le trousseau du système (ou chiffré sur ce poste), jamais en clair."
                    autoComplete="current-password"
                    value={form.password}
                    onChange={set("password")}
                    error={errors.password}
                    required
                />
                <TextField id="mailbox-folder" name="folder" label="Dossier (facultatif)" hint="INBOX si vide." value={form.folder} onChange={set("folder")} />
                <FormActions>
                    <Button id="btn-mailbox-connect" type="submit" icon="lock" disabled={busy}>
                        {busy ? "Connexion…" : "Relier la boîte aux lettres"}
                    </Button>
                </FormActions>
            </Form>
        </>
    );
}

/** PhoneLink is « Transmettre au téléphone »: a QR code of the companion's page with the code. */
function PhoneLink({ finding }: { finding: MailFindingView }) {
    const [link, setLink] = useState<CompanionLink | null>(null);
    const [failure, setFailure] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const show = () => {
        setBusy(true);
        setFailure(null);
        api.companionLinkFor(finding.id).then(
            l => {
                setBusy(false);
                setLink(l);
            },
            (e: unknown) => {
                setBusy(false);
                setFailure(messageOf(e));
            }
        );
    };
    if (link !== null) {
        return (
            <div className="app-mailbox-qr" id={`qr-${finding.id}`}>
                <img src={`data:image/png;base64,${link.qrCodePng}`} width={200} height={200} alt="QR code de la page d'activation du téléphone, avec l'identifiant et le code" />
                <Text size="sm">
                    Scannez ce QR code avec l'appareil photo du téléphone du professionnel : la page d'activation e-CPS s'ouvre avec son identifiant et
                    ce code déjà saisis. Il ne reste qu'à choisir le mot de passe e-CPS.
                </Text>
                <Text size="sm" muted>
                    <Mono>{link.url}</Mono>
                </Text>
            </div>
        );
    }
    return (
        <>
            {failure === null ? null : (
                <Alert severity="error" title="Transmission impossible" live>
                    {failure}
                </Alert>
            )}
            <Button id={`btn-phone-${finding.id}`} priority="secondary" icon="phone" disabled={busy} onClick={show}>
                Transmettre au téléphone
            </Button>
        </>
    );
}

/** PractitionerCodes lists the activation codes received for one practitioner. */
function PractitionerCodes({ group, now }: { group: CodesOf; now: Date }) {
    return (
        <div>
        <Panel title={group.name} titleAs="h3" id={`codes-${group.rpps}`} actions={<ButtonLink to={paths.portal(group.rpps)} priority="tertiary">Dossier</ButtonLink>}>
            <Text size="sm" muted>
                Identifiant e-CPS : <Mono>{group.idnps}</Mono>
            </Text>
            {group.codes.map(f => {
                const validity = validityLabel(f, now);
                const expired = validity.startsWith("Expiré");
                return (
                    <div key={f.id} className="app-mailbox-code">
                        <DescriptionList
                            items={[
                                { term: "Code d'activation", value: <strong className={expired ? "app-mailbox-code__value--expired" : "app-mailbox-code__value"}>{f.code ?? ""}</strong> },
                                { term: "Reçu le", value: formatDateTime(f.receivedAt) },
                                { term: "Validité", value: <Badge tone={expired ? "neutral" : "success"}>{validity}</Badge> },
                                { term: "Courriel", value: readHow(f) }
                            ]}
                        />
                        {expired ? null : <PhoneLink finding={f} />}
                    </div>
                );
            })}
        </Panel>
        <Spacer size="sm" />
        </div>
    );
}

/** Decisions lists the ARS decision e-mails, each against its request. */
function Decisions({ findings }: { findings: MailFindingView[] }) {
    const decisions = findings.filter(f => f.kind === "decision");
    if (decisions.length === 0) {
        return <Text muted>Aucune décision de l'ARS reçue par courriel.</Text>;
    }
    return (
        <>
            {decisions.map(f => {
                const d = decisionDisplay(f.decision);
                return (
                    <div key={f.id}>
                    <Panel title={`Décision — ${f.practitionerName === "" ? `RPPS ${f.rpps}` : f.practitionerName}`} titleAs="h3" id={`decision-${f.id}`}
                        actions={<ButtonLink to={paths.requests(f.rpps)} priority="tertiary">Voir la demande</ButtonLink>}>
                        <DescriptionList
                            items={[
                                { term: "Décision", value: <Badge tone={d.tone}>{d.label}</Badge> },
                                { term: "Demande", value: <Mono>{f.requestId ?? ""}</Mono> },
                                { term: "Reçue le", value: formatDateTime(f.receivedAt) },
                                { term: "Courriel", value: readHow(f) }
                            ]}
                        />
                    </Panel>
                    <Spacer size="sm" />
                    </div>
                );
            })}
        </>
    );
}

/**
 * MailboxPage (« Boîte aux lettres du cabinet ») lets the secretary connect
 * the cabinet's mailbox: the activation codes e-mailed there appear against
 * their practitioner, ready to hand to the phone; the ARS's decisions appear
 * against their request.
 */
export function MailboxPage() {
    usePageTitle("Boîte aux lettres du cabinet");
    const clock = useNow();
    // The clock ticks each minute; a code that just arrived is counted from
    // its loading, not from the last tick.
    const [loadedAt, setLoadedAt] = useState(() => new Date());
    const now = loadedAt > clock ? loadedAt : clock;
    const [state, setState] = useState<MailboxState | null>(null);
    const [findings, setFindings] = useState<MailFindingView[]>([]);
    const [failure, setFailure] = useState<string | null>(null);
    // Events come in bursts (two e-mails filed in one pickup): only the
    // answer to the latest reload is shown, never an older one arriving late.
    const round = useRef(0);
    const reload = useCallback(() => {
        const mine = ++round.current;
        Promise.all([api.mailboxStatus(), api.listMailFindings({ rpps: "", requestId: "", limit: 0 })]).then(
            ([s, f]) => {
                if (mine !== round.current) {
                    return;
                }
                setState(s);
                setFindings(f);
                setFailure(null);
                setLoadedAt(new Date());
            },
            (e: unknown) => {
                if (mine === round.current) {
                    setFailure(messageOf(e));
                }
            }
        );
    }, []);
    useEffect(() => {
        reload();
        return api.onEvent("mailbox:changed", reload);
    }, [reload]);
    const disconnect = () => {
        api.disconnectMailbox().then(setState, (e: unknown) => { setFailure(messageOf(e)); });
    };
    const groups = codesByPractitioner(findings);
    const shown = state === null ? null : pickupDisplay(state.status, now);

    return (
        <Container>
            <Breadcrumb trail={[]} current="Boîte aux lettres du cabinet" />
            <Grid>
                <Col base={12} md={10} lg={9}>
                    <Heading level={1} look="h2">
                        Boîte aux lettres du cabinet
                    </Heading>
                    <Lead>
                        Quand un professionnel active son e-CPS avec l'adresse électronique du cabinet, son code d'activation arrive ici, face à son
                        nom. Les décisions de l'ARS envoyées par courriel sont rangées avec la demande concernée.
                    </Lead>
                    {failure === null ? null : (
                        <Alert severity="error" title="La boîte aux lettres n'a pas pu être lue" live>
                            {failure}
                        </Alert>
                    )}
                    {state === null ? <Loading label="Chargement…" /> : null}
                    {state !== null && !state.available ? (
                        <Alert severity="info" title="Pas de boîte aux lettres dans ce mode">
                            Cette borne d'accueil ne garde aucune donnée.
                        </Alert>
                    ) : null}
                    {state?.available === true && state.account === undefined ? <ConnectForm onConnected={s => { setState(s); reload(); }} /> : null}
                    {state?.account !== undefined && shown !== null ? (
                        <div>
                        <Panel title="Connexion" id="mailbox-connection">
                            <DescriptionList
                                items={[
                                    { term: "Boîte", value: `${state.account.username} sur ${state.account.host}:${state.account.port} (${state.account.folder})` },
                                    { term: "Relève", value: <Badge tone={shown.tone}>{shown.label}</Badge> },
                                    ...(shown.detail === "" ? [] : [{ term: "Détail", value: shown.detail }]),
                                    ...(state.status.lastCheckAt === undefined ? [] : [{ term: "Dernière relève", value: formatDateTime(state.status.lastCheckAt) }]),
                                    { term: "Mot de passe", value: state.secretsWhere === "keychain" ? "Dans le trousseau du système" : "Chiffré sur ce poste (pas de trousseau système)" }
                                ]}
                            />
                            <Button id="btn-mailbox-disconnect" priority="tertiary" icon="logout" onClick={disconnect}>
                                Déconnecter la boîte aux lettres
                            </Button>
                        </Panel>
                        </div>
                    ) : null}
                    <Spacer size="md" />
                    <Heading level={2} look="h4">
                        Codes d'activation e-CPS
                    </Heading>
                    {groups.length === 0 ? <Text muted>Aucun code d'activation reçu pour les professionnels de ce poste.</Text> : groups.map(g => <PractitionerCodes key={g.rpps} group={g} now={now} />)}
                    <Spacer size="md" />
                    <Heading level={2} look="h4">
                        Décisions de l'ARS
                    </Heading>
                    <Decisions findings={findings} />
                </Col>
            </Grid>
            <Spacer size="xl" />
        </Container>
    );
}
