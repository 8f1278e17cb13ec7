import { useCallback, useEffect, useState } from "react";
import { ApiError, ecps, type LoginStarted, type LoginState } from "../../api";
import { Alert, Col, Container, Disclosure, FailureAlert, Grid, Heading, Lead, PlainLink, Spacer, Text, useFailure } from "../../ui";
import { ConnectFrame, useConnectTitle } from "../ConnectFrame";
import { deadline } from "../countdown";
import { connectPaths } from "../paths";
import { IdentifierForm } from "./IdentifierForm";
import { outcomeOf, safeContinue, type Outcome } from "./outcome";
import { rememberedIdentifier, rememberIdentifier } from "./remember";
import { CardOption, CompanionPanel } from "./SideOptions";
import { Verification } from "./Verification";

/** How often the page asks whether the phone answered. */
const POLL_MS = 2000;

type Step =
    | { name: "identifier" }
    | { name: "verifying"; identifier: string; login: LoginStarted; deadlineAt: number }
    | { name: "approved" };

function authRequestOf(search: string): string {
    return new URLSearchParams(search).get("authRequest") ?? "";
}

/**
 * LoginApp is /connexion on erpps-server, where the OpenID provider sends the
 * browser (?authRequest=<id>): « Connectez-vous » with the identifier, then
 * « Vérification de votre identité en 2 étapes » until the phone answers.
 */
export default function LoginApp() {
    const authRequest = authRequestOf(window.location.search);
    const [remembered] = useState(rememberedIdentifier);
    // What the form shows again after a failure: the identifier just tried, remembered or not.
    const [last, setLast] = useState({ identifier: remembered, remember: remembered !== "" });
    const [step, setStep] = useState<Step>({ name: "identifier" });
    const [busy, setBusy] = useState(false);
    const [quitting, setQuitting] = useState(false);
    const { failure, show, clear, anchor } = useFailure<Outcome>();
    const [understood, setUnderstood] = useState<string | null>(remembered === "" ? null : remembered);
    useConnectTitle(step.name === "verifying" ? "Vérification de votre identité en 2 étapes" : "Connectez-vous");

    const fail = useCallback(
        (o: Outcome) => {
            show(o);
            setStep({ name: "identifier" });
            setBusy(false);
            setQuitting(false);
        },
        [show]
    );

    const start = (idnps: string, remember: boolean) => {
        rememberIdentifier(remember ? idnps : null);
        setLast({ identifier: idnps, remember });
        clear();
        if (authRequest === "") {
            fail({
                severity: "warning",
                title: "Connexion à lancer depuis votre application",
                message: "Cette page s'ouvre quand eRPPS Desktop ou le portail vous envoie vous connecter. Lancez la connexion depuis l'application (« Pro Santé Connect »)."
            });
            return;
        }
        setBusy(true);
        ecps.startLogin(authRequest, idnps).then(
            login => {
                setBusy(false);
                setStep({ name: "verifying", identifier: idnps, login, deadlineAt: deadline(performance.now(), login.seconds) });
            },
            (e: unknown) => {
                fail({ severity: "error", title: "Connexion impossible", message: e instanceof ApiError ? e.message : "La connexion n'a pas pu commencer. Réessayez." });
            }
        );
    };

    const verifying = step.name === "verifying" ? step : null;
    const loginId = verifying?.login.id;
    const seconds = verifying?.login.seconds ?? 120;

    const settle = useCallback(
        (state: LoginState) => {
            if (state.status === "approved") {
                const next = safeContinue(state.continue);
                if (next === null) {
                    fail({ severity: "error", title: "Connexion impossible", message: "Le serveur n'a pas indiqué où poursuivre la connexion. Recommencez depuis votre application." });
                    return;
                }
                setStep({ name: "approved" });
                window.location.assign(next);
                return;
            }
            const o = outcomeOf(state, seconds);
            if (o !== null) {
                fail(o);
            }
        },
        [fail, seconds]
    );

    useEffect(() => {
        if (loginId === undefined) {
            return;
        }
        let stopped = false;
        let timer = 0;
        const poll = () => {
            ecps.loginState(loginId).then(
                state => {
                    if (stopped) {
                        return;
                    }
                    if (state.status === "pending") {
                        timer = window.setTimeout(poll, POLL_MS);
                    } else {
                        stopped = true;
                        settle(state);
                    }
                },
                () => {
                    // A network hiccup: keep asking until the countdown ends.
                    if (!stopped) {
                        timer = window.setTimeout(poll, POLL_MS * 2);
                    }
                }
            );
        };
        timer = window.setTimeout(poll, POLL_MS);
        return () => {
            stopped = true;
            window.clearTimeout(timer);
        };
    }, [loginId, settle]);

    const quit = () => {
        if (loginId === undefined) {
            return;
        }
        setQuitting(true);
        ecps.cancelLogin(loginId).then(
            () => {
                settle({ status: "cancelled" });
            },
            () => {
                settle({ status: "cancelled" });
            }
        );
    };

    const timeUp = useCallback(() => {
        if (loginId === undefined) {
            return;
        }
        // The server decides; if it still says pending, the window is over on this side anyway.
        ecps.loginState(loginId).then(
            state => {
                settle(state.status === "pending" ? { status: "expired" } : state);
            },
            () => {
                settle({ status: "expired" });
            }
        );
    }, [loginId, settle]);

    return (
        <ConnectFrame>
            <Container>
                <Spacer size="lg" />
                {verifying !== null ? (
                    <Grid center>
                        <Col base={12} md={10} lg={7}>
                            <Verification identifier={verifying.identifier} code={verifying.login.code} total={seconds} deadlineAt={verifying.deadlineAt} onQuit={quit} onTimeUp={timeUp} quitting={quitting} />
                        </Col>
                    </Grid>
                ) : step.name === "approved" ? (
                    <Alert severity="success" title="Identité vérifiée" live>
                        Ouverture du portail eRPPS…
                    </Alert>
                ) : (
                    <Grid>
                        <Col base={12} lg={7}>
                            <div className="app-connect-card">
                                <Heading level={1} look="h3" id="page-title">
                                    Connectez-vous
                                </Heading>
                                <FailureAlert id="login-failure" anchor={anchor} title={failure?.title ?? ""} severity={failure?.severity}>
                                    {failure?.message ?? null}
                                </FailureAlert>
                                <Heading level={2} look="h5">
                                    Application e-CPS
                                </Heading>
                                <Lead>Vous pouvez vous connecter à ce service en utilisant l'application mobile e-CPS.</Lead>
                                <Alert severity="info" small>
                                    Si vous constatez un échec répété des connexions avec votre e-CPS, cela peut être dû à une mauvaise configuration de l'heure sur
                                    votre téléphone.
                                </Alert>
                                <Spacer size="sm" />
                                <IdentifierForm initial={last.identifier} initialRemember={last.remember} busy={busy} onSubmit={start} onUnderstood={setUnderstood} />
                                <Spacer size="sm" />
                                <Text size="sm">
                                    <PlainLink href={connectPaths.help} icon="help">
                                        Aide à la connexion
                                    </PlainLink>
                                </Text>
                                <Disclosure label="En savoir plus sur la gestion de vos données et vos droits">
                                    <Text size="sm">
                                        Votre identifiant sert à envoyer la demande d'authentification à votre téléphone activé. S'il est mémorisé, il reste dans ce
                                        navigateur seulement. Ni votre mot de passe e-CPS ni les codes ne passent par cet ordinateur.
                                    </Text>
                                </Disclosure>
                            </div>
                            <Spacer size="md" />
                            <Text size="sm" muted>
                                Vous n'avez pas de numéro RPPS ? Le primo-enregistrement se fait avec FranceConnect, depuis l'accueil du portail. Ne l'utilisez pas si
                                vous avez déjà un numéro RPPS.
                            </Text>
                        </Col>
                        <Col base={12} lg={5}>
                            <CompanionPanel identifier={understood} />
                            <Spacer size="md" />
                            <CardOption />
                        </Col>
                    </Grid>
                )}
                <Spacer size="lg" />
            </Container>
        </ConnectFrame>
    );
}
