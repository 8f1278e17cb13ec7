import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, ApiError } from "../../api";
import { beginLogin, type Connected } from "../../connection/login";
import { paths } from "../../routes";
import { Alert, BulletList, Button, ButtonGroup, ButtonLink, CallOut, Disclosure, FailureAlert, Spacer, Text, TextLink, useFailure } from "../../ui";

function asApiError(e: unknown): ApiError {
    return e instanceof ApiError ? e : new ApiError("internal", "Une erreur inattendue est survenue. Réessayez.");
}

/** HelpLink leads to the connection help (step by step, and what to do when it fails). */
export function ConnectionHelpLink({ troubleshooting = false }: { troubleshooting?: boolean }) {
    return (
        <TextLink id={troubleshooting ? "lien-aide-depannage" : "lien-aide-connexion"} to={troubleshooting ? `${paths.help}#depannage` : paths.help} icon="help">
            {troubleshooting ? "La connexion échoue ? Voir l'aide à la connexion" : "Aide à la connexion au portail eRPPS"}
        </TextLink>
    );
}

/**
 * ProSanteConnect is the door of a practitioner who has an RPPS number: the
 * « Pro Santé Connect » button starts the OpenID Connect login (the
 * system's browser on the desktop, this page in a browser); on the desktop
 * the page waits, with « Quitter l'authentification », until the browser
 * comes back, then opens the practitioner's portal.
 */
export function ProSanteConnect({ connected, available, onSignedOut }: { connected: Connected; available: boolean; onSignedOut: () => void }) {
    const navigate = useNavigate();
    const [step, setStep] = useState<"idle" | "starting" | "waiting" | "navigating">("idle");
    const { failure, show, clear, anchor } = useFailure();

    useEffect(
        () =>
            api.onEvent("connection:changed", e => {
                if (e.state === "connected" && e.rpps !== undefined) {
                    setStep("idle");
                    void navigate(paths.portal(e.rpps));
                } else if (e.state === "failed") {
                    setStep("idle");
                    show(e.message ?? "La connexion n'a pas abouti.");
                } else if (e.state === "cancelled") {
                    setStep("idle");
                }
            }),
        [navigate, show]
    );

    const start = () => {
        clear();
        setStep("starting");
        beginLogin(api.startProSanteConnect, url => {
            window.location.assign(url);
        }).then(setStep, (e: unknown) => {
            setStep("idle");
            show(asApiError(e).message);
        });
    };
    const quit = () => {
        void api.cancelProSanteConnect();
        setStep("idle");
    };
    const signOut = () => {
        api.disconnectServer().then(onSignedOut, (e: unknown) => {
            show(asApiError(e).message);
        });
    };

    if (connected.kind === "practitioner") {
        return (
            <>
                <Alert severity="success" title={`Vous êtes connecté : ${connected.name}`}>
                    {connected.method === "psc" ? "Connexion par Pro Santé Connect." : "Connexion au serveur eRPPS."} Votre dossier est disponible sur
                    ce poste, même hors connexion.
                </Alert>
                <Spacer size="sm" />
                <ButtonGroup>
                    <ButtonLink id="btn-mon-portail" icon="arrowRight" iconPosition="right" to={paths.portal(connected.rpps)}>
                        Ouvrir mon portail
                    </ButtonLink>
                    <Button id="btn-se-deconnecter" priority="secondary" icon="logout" onClick={signOut}>
                        Se déconnecter
                    </Button>
                </ButtonGroup>
                {failure === null ? null : (
                    <Alert severity="error" small live>
                        {failure}
                    </Alert>
                )}
            </>
        );
    }

    return (
        <>
            <FailureAlert id="psc-failure" anchor={anchor} title="Connexion impossible">
                {failure === null ? null : (
                    <>
                        {failure} <ConnectionHelpLink troubleshooting />
                    </>
                )}
            </FailureAlert>
            {step === "waiting" ? (
                <>
                    <Alert severity="info" title="Poursuivez la connexion dans votre navigateur" live>
                        La page « Connectez-vous » de Pro Santé Connect s'est ouverte dans votre navigateur : saisissez votre identifiant (un « 8 »
                        devant votre numéro RPPS), puis validez sur votre téléphone avec l'application e-CPS. Votre portail s'ouvrira ici ensuite.
                    </Alert>
                    <Spacer size="sm" />
                    <Button id="btn-quitter-authentification" priority="secondary" icon="close" onClick={quit}>
                        Quitter l'authentification
                    </Button>
                </>
            ) : (
                <Button id="btn-pro-sante-connect" icon="lock" disabled={!available || step !== "idle"} onClick={start}>
                    {step === "idle" ? "Se connecter avec Pro Santé Connect" : "Ouverture de Pro Santé Connect…"}
                </Button>
            )}
            {available ? null : (
                <Text size="sm" muted>
                    La connexion avec Pro Santé Connect n'est pas proposée sur cette borne.
                </Text>
            )}
            <Spacer size="sm" />
            <ConnectionHelpLink />
        </>
    );
}

/** CPSCardDoor says what connecting with a CPS card needs. */
export function CPSCardDoor() {
    return (
        <CallOut title="Vous avez une carte CPS ?" icon="lock">
            <>
                <Text>
                    Vous pouvez aussi vous connecter avec votre carte CPS, si tout est à jour et qu'elle fonctionne : après « Se connecter avec Pro Santé
                    Connect », choisissez la carte CPS sur la page « Connectez-vous ».
                </Text>
                <Disclosure label="Ce qu'il faut pour la carte CPS">
                    <BulletList
                        items={[
                            <>un lecteur de carte à puce branché sur cet ordinateur ;</>,
                            <>le logiciel de la carte CPS (le « middleware » CPS, Cryptolib CPS de l'Agence du Numérique en Santé) installé et à jour ;</>,
                            <>une carte CPS en cours de validité, et son code secret.</>
                        ]}
                    />
                </Disclosure>
            </>
        </CallOut>
    );
}
