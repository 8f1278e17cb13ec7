import { useState } from "react";
import { usePageTitle } from "../hooks/usePageTitle";
import { paths } from "../routes";
import { Alert, Button, Col, Container, FranceConnectButton, Grid, Heading, Highlight, Panel, Spacer, Text, TextLink } from "../ui";
import { LocalRecords } from "./entry/LocalRecords";

const RECORDS_SEARCH_ID = "recherche-dossiers";

/** EntryPage is the portal's entry: first registration, or an existing RPPS number. */
export function EntryPage() {
    usePageTitle("Accueil");
    const [franceConnectAsked, setFranceConnectAsked] = useState(false);

    const goToRecords = () => {
        const input = document.getElementById(RECORDS_SEARCH_ID);
        input?.scrollIntoView({ behavior: "smooth", block: "center" });
        input?.focus({ preventScroll: true });
    };

    return (
        <Container>
            <Spacer size="lg" />
            <Heading level={1} look="h2">
                Bienvenue sur le portail d'enregistrement eRPPS pour les Professionnels intervenant dans le système de santé
            </Heading>
            <Grid>
                <Col base={12} md={6}>
                    <Panel title="Vous n'avez pas de numéro RPPS" id="sans-rpps">
                        <Text>
                            FranceConnect sert <strong>uniquement à une première inscription</strong> au RPPS (primo-enregistrement), par un
                            professionnel qui n'a encore aucun numéro RPPS.
                        </Text>
                        <Alert severity="warning" small>
                            Ne surtout pas vous identifier avec FranceConnect si vous avez déjà un numéro RPPS.
                        </Alert>
                        <Spacer size="sm" />
                        <FranceConnectButton
                            id="btn-franceconnect"
                            onClick={() => {
                                setFranceConnectAsked(true);
                            }}
                        />
                        {franceConnectAsked ? (
                            <Alert severity="info" small live>
                                La première inscription au RPPS avec FranceConnect n'est pas disponible dans eRPPS Desktop : elle nécessite une
                                connexion aux services nationaux. Rapprochez-vous de l'ARS de votre département.
                            </Alert>
                        ) : null}
                    </Panel>
                </Col>
                <Col base={12} md={6}>
                    <Panel title="Vous avez déjà un numéro RPPS" id="avec-rpps">
                        <Text>
                            Vous vous connectez avec <strong>Pro Santé Connect</strong>, grâce à l'application e-CPS sur votre téléphone ou à votre
                            carte CPS. Votre identifiant est votre numéro RPPS précédé d'un « 8 ».
                        </Text>
                        <Text size="sm">
                            La connexion par e-CPS arrivera dans une prochaine version d'eRPPS Desktop. En attendant, choisissez le dossier sur
                            lequel travailler parmi ceux enregistrés sur ce poste.
                        </Text>
                        <Button icon="arrowRight" iconPosition="right" onClick={goToRecords} controls={RECORDS_SEARCH_ID}>
                            Choisir un dossier sur ce poste
                        </Button>
                        <Spacer size="sm" />
                        <TextLink to={paths.help} icon="help">
                            Aide à la connexion au portail eRPPS
                        </TextLink>
                    </Panel>
                </Col>
            </Grid>
            <Spacer size="lg" />
            <LocalRecords searchId={RECORDS_SEARCH_ID} />
            <Spacer size="lg" />
            <Highlight>
                Un secrétariat peut préparer ici les demandes de plusieurs professionnels. Chaque demande est ensuite transmise à l'ARS du département
                concerné.
            </Highlight>
        </Container>
    );
}
