import { usePageTitle } from "../../hooks/usePageTitle";
import { displayName } from "../../domain/names";
import { Col, Container, Grid, Heading, Highlight, InlineWarning, Lead, Spacer, Tile } from "../../ui";
import { mainActions, otherActions, type PortalAction } from "./actions";
import { usePractitioner } from "./context";
import { DraftRequests } from "./DraftRequests";
import { RegistrationNotice } from "./RegistrationNotice";

/** PortalHomePage is the portal's menu for the open record ("Que souhaitez-vous faire ?"). */
export function PortalHomePage() {
    const { practitioner } = usePractitioner();
    usePageTitle(`Portail de ${displayName(practitioner)}`);
    return (
        <Container>
            <Spacer size="lg" />
            <Heading level={1} look="h2">
                Mon portail eRPPS
            </Heading>
            <Lead>Votre portail vous permet de mettre à jour les informations concernant vos activités professionnelles.</Lead>

            <RegistrationNotice registration={practitioner.registration} />
            {practitioner.registration.servedByArs ? (
                <PortalActions rpps={practitioner.rpps} />
            ) : (
                <>
                    <Spacer size="md" />
                    <Heading level={2} look="h4">
                        Vous exercez aussi une profession enregistrée par l'ARS ?
                    </Heading>
                    <ActionTiles actions={otherActions.filter(a => a.tileId === "tile-nouvelle-profession")} rpps={practitioner.rpps} />
                    <Spacer size="lg" />
                </>
            )}
        </Container>
    );
}

/** PortalActions are the portal's actions, for a record the ARS keeps. */
function PortalActions({ rpps }: { rpps: string }) {
    return (
        <>
            <Heading level={2} look="h4">
                Que souhaitez-vous faire ?
            </Heading>
            <ActionTiles actions={mainActions} rpps={rpps} />
            <Spacer size="lg" />

            <Heading level={2} look="h4">
                Sur votre portail, vous pouvez également :
            </Heading>
            <ActionTiles actions={otherActions} rpps={rpps} />
            <Spacer size="lg" />

            <DraftRequests rpps={rpps} />
            <Spacer size="lg" />

            <Highlight>L'ARS vous remercie pour le soin que vous apporterez au maintien de ces informations.</Highlight>
        </>
    );
}

function ActionTiles({ actions, rpps }: { actions: PortalAction[]; rpps: string }) {
    return (
        <Grid>
            {actions.map(a => (
                <Col key={a.tileId} base={12} md={6} lg={3}>
                    <Tile
                        id={a.tileId}
                        title={a.title}
                        to={a.path(rpps)}
                        description={a.description}
                        detail={a.warning === undefined ? undefined : <InlineWarning>{a.warning}</InlineWarning>}
                        pictogram={a.pictogram}
                    />
                </Col>
            ))}
        </Grid>
    );
}
