import { Col, Container, Grid, Heading, Lead, PlainLink, Spacer, Text } from "../../ui";
import { ConnectFrame, useConnectTitle } from "../ConnectFrame";
import { connectPaths } from "../paths";
import { ConnectionGuide } from "./ConnectionGuide";

/** HelpApp is /aide-connexion on erpps-server: the connection guide, step by step. */
export default function HelpApp() {
    useConnectTitle("Aide à la connexion");
    return (
        <ConnectFrame>
            <Container>
                <Spacer size="lg" />
                <Grid>
                    <Col base={12} lg={9}>
                        <Heading level={1} id="page-title">
                            Aide à la connexion au portail eRPPS
                        </Heading>
                        <Lead>Afin de vous connecter sur votre espace eRPPS, vous devez vous munir de votre numéro RPPS, de l'application e-CPS sur votre téléphone et d'un ordinateur.</Lead>
                        <Text>
                            <PlainLink href={connectPaths.mobile} icon="phone">
                                Ouvrir le compagnon e-CPS sur ce téléphone
                            </PlainLink>
                        </Text>
                        <ConnectionGuide companionHref={connectPaths.mobile} />
                    </Col>
                </Grid>
            </Container>
        </ConnectFrame>
    );
}
