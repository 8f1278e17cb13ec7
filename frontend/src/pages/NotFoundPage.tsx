import { usePageTitle } from "../hooks/usePageTitle";
import { paths } from "../routes";
import { ButtonGroup, ButtonLink, Col, Container, Grid, Heading, Lead, Pictogram, Spacer, Text } from "../ui";

export function NotFoundPage() {
    usePageTitle("Page introuvable");
    return (
        <Container>
            <Spacer size="xl" />
            <Grid>
                <Col base={12} md={8}>
                    <Heading level={1}>Page introuvable</Heading>
                    <Text size="sm" muted>
                        Erreur 404
                    </Text>
                    <Lead>La page que vous cherchez n'existe pas dans eRPPS Desktop, ou son adresse a changé.</Lead>
                    <Text>Si vous avez suivi un lien, il est peut-être incomplet. Revenez à l'accueil pour choisir un dossier.</Text>
                    <ButtonGroup>
                        <ButtonLink to={paths.home}>Page d'accueil</ButtonLink>
                        <ButtonLink priority="secondary" to={paths.help}>
                            Aide à la connexion
                        </ButtonLink>
                    </ButtonGroup>
                </Col>
                <Col base={12} md={4}>
                    <Pictogram name="error" size="160px" />
                </Col>
            </Grid>
            <Spacer size="xl" />
        </Container>
    );
}
