import { useCallback, useMemo } from "react";
import { Outlet, useParams } from "react-router-dom";
import { api } from "../../api";
import { displayName, idnps } from "../../domain/names";
import { useApi } from "../../hooks/useApi";
import { usePageTitle } from "../../hooks/usePageTitle";
import { paths } from "../../routes";
import { Alert, Band, ButtonGroup, ButtonLink, Button, Container, Inline, Loading, Mono, Spacer, Text } from "../../ui";
import { PractitionerContext, type PractitionerContextValue } from "./context";

/**
 * PractitionerLayout opens one professional's record for the pages under
 * /pro/:rpps: it reads it once, shows whose record is open, and shares it.
 */
export function PractitionerLayout() {
    const { rpps = "" } = useParams();
    const load = useCallback(() => api.getPractitioner(rpps), [rpps]);
    const result = useApi(load);
    const { reload } = result;
    const practitioner = result.status === "success" ? result.data : undefined;
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
                        <Text bold noMargin>
                            {displayName({ ...p, civility: p.civilityShort })}
                        </Text>
                        <Text size="sm" noMargin>
                            RPPS <Mono>{p.rpps}</Mono> · IDNPS <Mono>{idnps(p.rpps)}</Mono>
                        </Text>
                    </div>
                    <ButtonGroup align="right">
                        <ButtonLink priority="tertiary" size="small" icon="user" to={paths.record(p.rpps)}>
                            Voir le dossier
                        </ButtonLink>
                        <ButtonLink priority="secondary" size="small" icon="userSearch" to={paths.home}>
                            Changer de dossier
                        </ButtonLink>
                    </ButtonGroup>
                </Inline>
            </Band>
            <Outlet />
        </PractitionerContext>
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
