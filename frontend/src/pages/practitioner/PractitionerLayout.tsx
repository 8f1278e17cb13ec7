import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Outlet, useParams } from "react-router-dom";
import { api, type Practitioner, type SessionEnded } from "../../api";
import { useConnection } from "../../connection/useConnection";
import { DEMO_LABEL } from "../../domain/demo";
import { displayName } from "../../domain/names";
import { useApi } from "../../hooks/useApi";
import { usePageTitle } from "../../hooks/usePageTitle";
import { paths } from "../../routes";
import { usePulled } from "../../sync/useSync";
import { Alert, Badge, Band, ButtonGroup, ButtonLink, Button, Container, Inline, Loading, Mono, Spacer, Text } from "../../ui";
import { PractitionerContext, type PractitionerContextValue } from "./context";

/**
 * PractitionerLayout opens one professional's record for the pages under
 * /pro/:rpps: it opens the session on it (the local professional acts on
 * this record), reads it once, shows whose record is open, and shares it.
 */
export function PractitionerLayout() {
    const { rpps = "" } = useParams();
    const load = useCallback(async () => {
        const session = await api.openSession(rpps);
        return { sessionId: session.id, practitioner: await api.getPractitioner(rpps) };
    }, [rpps]);
    const result = useApi(load);
    // A practitioner signed in opens their own record only: no « Changer de dossier ».
    const { connected } = useConnection();
    // The session this page acts in: the one opened with the record, or the
    // one reopened after it ended.
    const loadedId = result.status === "success" ? result.data.sessionId : undefined;
    const [reopened, setReopened] = useState<{ after: string | undefined; id: string } | null>(null);
    const sessionId = reopened !== null && reopened.after === loadedId ? reopened.id : loadedId;
    const [ended, setEnded] = useState<SessionEnded | null>(null);
    useEffect(
        () =>
            api.onEvent("session:ended", e => {
                setEnded(e);
            }),
        []
    );
    // The record read again, without unmounting the page, after the
    // server's changes were applied here (a decision adds an activity).
    const [fresh, setFresh] = useState<{ rpps: string; practitioner: Practitioner } | null>(null);
    const refreshQuietly = useCallback(() => {
        api.getPractitioner(rpps).then(
            p => {
                setFresh({ rpps, practitioner: p });
            },
            () => undefined // the page keeps the record it shows
        );
    }, [rpps]);
    usePulled(refreshQuietly);
    const { reload: reloadLoaded } = result;
    const reload = useCallback(() => {
        setFresh(null);
        reloadLoaded();
    }, [reloadLoaded]);
    const loadedPractitioner = result.status === "success" ? result.data.practitioner : undefined;
    const practitioner = loadedPractitioner !== undefined && fresh?.rpps === rpps ? fresh.practitioner : loadedPractitioner;
    const value = useMemo<PractitionerContextValue | null>(
        () => (practitioner === undefined ? null : { practitioner, reload }),
        [practitioner, reload]
    );

    if (result.status === "loading") {
        return (
            <Container>
                <Spacer size="lg" />
                <Loading label="Ouverture du dossier…" />
            </Container>
        );
    }
    if (result.status === "error" || value === null) {
        return <RecordUnavailable rpps={rpps} notFound={result.error?.code === "not_found"} message={result.error?.message} onRetry={reload} />;
    }

    const p = value.practitioner;
    return (
        <PractitionerContext value={value}>
            <Band label="Dossier ouvert">
                <Inline justify="between" gap="sm">
                    <div>
                        <Inline gap="xs">
                            <Text bold noMargin>
                                {displayName({ ...p, civility: p.civilityShort })}
                            </Text>
                            {p.demo ? <Badge tone="warning">{`${DEMO_LABEL} — dossier fictif`}</Badge> : null}
                        </Inline>
                        <Text size="sm" noMargin>
                            RPPS <Mono>{p.rpps}</Mono> · IDNPS <Mono>{p.idnps}</Mono>
                        </Text>
                    </div>
                    <ButtonGroup align="right">
                        <ButtonLink priority="tertiary" size="small" icon="user" to={paths.record(p.rpps)}>
                            Voir le dossier
                        </ButtonLink>
                        {connected.kind === "practitioner" ? null : (
                            <ButtonLink priority="secondary" size="small" icon="userSearch" to={paths.home}>
                                Changer de dossier
                            </ButtonLink>
                        )}
                    </ButtonGroup>
                </Inline>
            </Band>
            {ended !== null && ended.id === sessionId ? (
                <SessionEndedNotice
                    ended={ended}
                    onReopen={() => {
                        void api.openSession(p.rpps).then(s => {
                            setReopened({ after: loadedId, id: s.id });
                        });
                    }}
                />
            ) : null}
            <Suspense
                fallback={
                    <Container>
                        <Loading label="Chargement de la page…" />
                    </Container>
                }
            >
                <Outlet />
            </Suspense>
        </PractitionerContext>
    );
}

/** SessionEndedNotice says that this record was closed on this computer, and reopens it. */
function SessionEndedNotice({ ended, onReopen }: { ended: SessionEnded; onReopen: () => void }) {
    const why =
        ended.reason === "replaced"
            ? "Un autre dossier a été ouvert sur ce poste (dans un autre onglet ou une autre fenêtre) : celui-ci est fermé ici."
            : ended.reason === "shutdown"
              ? "L'application s'est arrêtée : ce dossier est fermé."
              : "Ce dossier a été fermé sur ce poste.";
    return (
        <Container>
            <Spacer size="md" />
            <Alert severity="warning" small live>
                <>
                    <strong>Dossier fermé.</strong> {why} Ce qui a été enregistré est conservé ; rouvrez le dossier pour continuer.{" "}
                    {ended.reason === "shutdown" ? null : (
                        <Button id="btn-reopen-session" priority="secondary" size="small" icon="refresh" onClick={onReopen}>
                            Rouvrir ce dossier
                        </Button>
                    )}
                </>
            </Alert>
        </Container>
    );
}

function RecordUnavailable({ rpps, notFound, message, onRetry }: { rpps: string; notFound: boolean; message?: string; onRetry: () => void }) {
    usePageTitle(notFound ? "Dossier introuvable" : "Dossier indisponible");
    return (
        <Container>
            <Spacer size="lg" />
            {notFound ? (
                <Alert severity="warning" title="Dossier introuvable sur ce poste">
                    <>
                        Aucun dossier portant le numéro RPPS <Mono>{rpps}</Mono> n'est enregistré sur ce poste. Vérifiez le numéro, ou choisissez
                        un dossier dans la liste de l'accueil.
                    </>
                </Alert>
            ) : (
                <Alert severity="error" title="Le dossier n'a pas pu être ouvert" live>
                    {message ?? "Une erreur inattendue est survenue."}
                </Alert>
            )}
            <Spacer size="md" />
            <ButtonGroup>
                <ButtonLink icon="userSearch" to={paths.home}>
                    Choisir un dossier
                </ButtonLink>
                {notFound ? null : (
                    <Button priority="secondary" icon="refresh" onClick={onRetry}>
                        Réessayer
                    </Button>
                )}
            </ButtonGroup>
            <Spacer size="lg" />
        </Container>
    );
}
