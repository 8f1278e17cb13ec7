import { useEffect, useRef, useState } from "react";
import { api, ApiError, type ServerSettings, type SyncState } from "../api";
import { formatDateTime } from "../format";
import { useApi } from "../hooks/useApi";
import { usePageTitle } from "../hooks/usePageTitle";
import type { Errors } from "../sync/serverForm";
import { ConnectionHelpLink, ProSanteConnect } from "./entry/ProSanteConnect";
import { syncDisplay } from "../sync/status";
import { useNow, useSyncState } from "../sync/useSync";
import {
    Alert,
    Badge,
    Breadcrumb,
    Button,
    Col,
    Container,
    DescriptionList,
    FailureAlert,
    Focusable,
    Form,
    FormActions,
    Grid,
    Heading,
    Lead,
    Loading,
    Panel,
    Spacer,
    Text,
    TextField,
    useFailure,
    type BadgeTone
} from "../ui";

const ROLE_LABELS: Record<string, string> = {
    professional: "Professionnel de santé",
    secretary: "Secrétariat",
    ars_agent: "Agent de l'ARS",
    system: "Système"
};

function asApiError(e: unknown): ApiError {
    return e instanceof ApiError ? e : new ApiError("internal", "Une erreur inattendue est survenue. Réessayez.");
}

const TONES: Record<string, BadgeTone> = { success: "success", info: "info", warning: "warning", error: "error" };

/** StateSummary says where the synchronisation stands, with « Synchroniser maintenant ». */
function StateSummary({ state }: { state: SyncState }) {
    const now = useNow();
    const shown = syncDisplay(state, now);
    const [busy, setBusy] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    if (shown === null) {
        return null;
    }
    const syncNow = () => {
        setBusy(true);
        setFailure(null);
        api.syncNow().then(
            () => {
                setBusy(false);
            },
            (e: unknown) => {
                setBusy(false);
                setFailure(asApiError(e).message);
            }
        );
    };
    return (
        <>
            <DescriptionList
                items={[
                    { term: "État", value: <Badge tone={TONES[shown.tone] ?? "info"}>{shown.label}</Badge> },
                    { term: "Modifications en attente", value: shown.waiting },
                    ...(shown.setAside === "" ? [] : [{ term: "À vérifier", value: `${shown.setAside} : ouvrez la demande concernée pour choisir` }]),
                    { term: "Synchronisation", value: shown.lastSync },
                    ...(state.error === undefined || state.error === "" ? [] : [{ term: "Dernière erreur", value: state.error }])
                ]}
            />
            {failure === null ? null : (
                <>
                    <Alert severity="error" title="La synchronisation a échoué" live>
                        {failure}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
            <Button id="btn-sync-now" priority="secondary" icon="refresh" disabled={busy} onClick={syncNow}>
                {busy ? "Synchronisation…" : "Synchroniser maintenant"}
            </Button>
        </>
    );
}

/** SignedIn shows the account this computer is signed in with, and signs out. */
function SignedIn({ settings, onChange }: { settings: ServerSettings; onChange: (s: ServerSettings) => void }) {
    const state = useSyncState();
    const [busy, setBusy] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const account = settings.account;
    if (account === undefined) {
        return null;
    }
    const signOut = () => {
        setBusy(true);
        setFailure(null);
        api.disconnectServer().then(
            s => {
                setBusy(false);
                onChange(s);
            },
            (e: unknown) => {
                setBusy(false);
                setFailure(asApiError(e).message);
            }
        );
    };
    const current = state.state === "local" ? settings.state : state;
    return (
        <>
            {current.state === "unauthorized" && settings.method === "psc" ? (
                <>
                    <Alert severity="error" title="Reconnexion nécessaire" live>
                        Votre connexion Pro Santé Connect a expiré. Reconnectez-vous : vos modifications en attente restent sur ce poste et partiront
                        ensuite.
                    </Alert>
                    <Spacer size="sm" />
                    <ProSanteConnect connected={{ kind: "none" }} available onSignedOut={() => undefined} />
                    <Spacer size="md" />
                </>
            ) : current.state === "unauthorized" ? (
                <>
                    <Alert severity="error" title="Reconnexion nécessaire" live>
                        Le serveur ne reconnaît plus ce poste (session expirée ou révoquée). Déconnectez-vous puis connectez-vous de nouveau : vos
                        modifications en attente restent sur ce poste.
                    </Alert>
                    <Spacer size="sm" />
                </>
            ) : null}
            <Panel title="Connexion" id="server-connection">
                <DescriptionList
                    items={[
                        { term: "Serveur", value: settings.url },
                        ...(settings.caFile === "" ? [] : [{ term: "Autorité de certification", value: settings.caFile }]),
                        { term: "Compte", value: `${account.name} (${account.login})` },
                        { term: "Rôle", value: ROLE_LABELS[account.role] ?? account.role },
                        { term: "Connexion", value: settings.method === "psc" ? "Pro Santé Connect (e-CPS)" : "Identifiant et mot de passe" },
                        { term: "Connecté depuis le", value: formatDateTime(settings.signedInAt) }
                    ]}
                />
                <StateSummary state={current} />
            </Panel>
            <Spacer size="md" />
            {failure === null ? null : (
                <>
                    <Alert severity="error" title="La déconnexion a échoué" live>
                        {failure}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
            <Text size="sm" muted>
                Après la déconnexion, les demandes restent sur ce poste ; les modifications pas encore envoyées partiront à la prochaine connexion.
            </Text>
            <Button id="btn-server-signout" priority="tertiary" icon="logout" disabled={busy} onClick={signOut}>
                Se déconnecter du serveur
            </Button>
        </>
    );
}

/** SignInForm: the server's address, its CA file, a login and a password. */
function SignInForm({ settings, onChange }: { settings: ServerSettings; onChange: (s: ServerSettings) => void }) {
    const [url, setUrl] = useState(settings.url);
    const [caFile, setCaFile] = useState(settings.caFile);
    const [login, setLogin] = useState("");
    const [password, setPassword] = useState("");
    const [errors, setErrors] = useState<Errors>({});
    const { failure, show, clear, anchor } = useFailure();
    const [busy, setBusy] = useState(false);

    const submit = () => {
        setErrors({});
        clear();
        setBusy(true);
        api.connectServer({ url: url.trim(), caFile: caFile.trim(), login: login.trim(), password }).then(
            s => {
                setBusy(false);
                setPassword("");
                onChange(s);
            },
            (e: unknown) => {
                const err = asApiError(e);
                setBusy(false);
                setPassword("");
                const fieldErrors: Errors = {};
                for (const f of ["url", "caFile", "login", "password"] as const) {
                    const m = err.fieldMessage(f);
                    if (m !== undefined) {
                        fieldErrors[f] = m;
                    }
                }
                setErrors(fieldErrors);
                const first = (["url", "caFile", "login", "password"] as const).find(f => fieldErrors[f] !== undefined);
                if (first === undefined) {
                    show(err.message);
                } else {
                    clear();
                    document.getElementById(first === "caFile" ? "server-ca" : `server-${first}`)?.focus();
                }
            }
        );
    };

    return (
        <>
            <FailureAlert id="server-failure" anchor={anchor} title="Connexion au serveur impossible">
                {failure}
            </FailureAlert>
            <Form onSubmit={submit} label="Connexion au serveur eRPPS">
                <TextField
                    id="server-url"
                    name="url"
                    label="Adresse du serveur"
                    hint="Par exemple https://erpps.sante.fr : l'adresse donnée par votre ARS."
                    type="text"
                    inputMode="text"
                    autoComplete="url"
                    value={url}
                    onChange={setUrl}
                    error={errors.url}
                    errorFor="url"
                    required
                />
                <TextField
                    id="server-ca"
                    name="caFile"
                    label="Fichier de l'autorité de certification (facultatif)"
                    hint="Le chemin d'un fichier PEM, seulement si votre organisation utilise sa propre autorité de certification."
                    value={caFile}
                    onChange={setCaFile}
                    error={errors.caFile}
                    errorFor="caFile"
                />
                <TextField
                    id="server-login"
                    name="username"
                    label="Identifiant"
                    hint="Votre numéro RPPS, ou l'identifiant du compte de votre secrétariat."
                    autoComplete="username"
                    value={login}
                    onChange={setLogin}
                    error={errors.login}
                    errorFor="login"
                    required
                />
                <TextField
                    id="server-password"
                    name="password"
                    type="password"
                    label="Mot de passe"
                    autoComplete="current-password"
                    value={password}
                    onChange={setPassword}
                    error={errors.password}
                    errorFor="password"
                    required
                />
                <FormActions>
                    <Button id="btn-server-signin" type="submit" icon="lock" disabled={busy}>
                        {busy ? "Connexion…" : "Se connecter au serveur"}
                    </Button>
                </FormActions>
            </Form>
            <Text size="sm">
                Professionnel de santé ? Connectez-vous plutôt avec Pro Santé Connect depuis l'accueil, avec votre e-CPS.
            </Text>
            <ConnectionHelpLink />
        </>
    );
}

/**
 * ServerPage (« Serveur eRPPS ») connects this computer to the eRPPS
 * server: its address, its CA file, a sign-in (the device keeps a token,
 * never shown), where the synchronisation stands, and the sign-out. Without
 * a server the application works on this computer alone, as before.
 */
export function ServerPage() {
    usePageTitle("Serveur eRPPS");
    const loaded = useApi(api.serverSettings);
    const [settings, setSettings] = useState<ServerSettings | null>(null);
    const shown = settings ?? (loaded.status === "success" ? loaded.data : null);
    const signedIn = shown?.account !== undefined;
    const first = useRef(true);
    useEffect(() => {
        if (first.current) {
            first.current = false;
            return;
        }
        document.getElementById("server-status")?.focus();
    }, [signedIn]);

    return (
        <Container>
            <Breadcrumb trail={[]} current="Serveur eRPPS" />
            <Grid>
                <Col base={12} md={10} lg={8}>
                    <Heading level={1} look="h2">
                        Serveur eRPPS
                    </Heading>
                    <Lead>
                        Reliez ce poste au serveur eRPPS : vos demandes préparées ici, même hors connexion, lui sont envoyées dès que possible, et les
                        décisions de l'ARS reviennent sur ce poste.
                    </Lead>
                    {loaded.status === "loading" && shown === null ? <Loading label="Chargement des réglages…" /> : null}
                    {loaded.status === "error" ? (
                        <Alert severity="error" title="Les réglages n'ont pas pu être lus" live>
                            {loaded.error.message}
                        </Alert>
                    ) : null}
                    {shown === null ? null : !shown.available ? (
                        <Alert severity="info" title="Pas de serveur dans ce mode">
                            Cette borne d'accueil ne garde aucune donnée : elle n'est reliée à aucun serveur.
                        </Alert>
                    ) : (
                        <Focusable id="server-status">
                            {signedIn ? (
                                <>
                                    <Alert severity="success" title="Ce poste est relié au serveur eRPPS">
                                        Les modifications faites sur ce poste sont envoyées au serveur automatiquement.
                                    </Alert>
                                    <Spacer size="md" />
                                    <SignedIn settings={shown} onChange={setSettings} />
                                </>
                            ) : (
                                <>
                                    <Alert severity="info" title="Ce poste n'est relié à aucun serveur">
                                        Vos demandes restent sur ce poste. Connectez-vous pour les envoyer au serveur eRPPS.
                                    </Alert>
                                    <Spacer size="md" />
                                    <SignInForm settings={shown} onChange={setSettings} />
                                </>
                            )}
                        </Focusable>
                    )}
                </Col>
            </Grid>
            <Spacer size="xl" />
        </Container>
    );
}
