import { useState } from "react";
import { api } from "../api";
import { recordsShown } from "../connection/login";
import { useConnection } from "../connection/useConnection";
import { useApi } from "../hooks/useApi";
import { usePageTitle } from "../hooks/usePageTitle";
import { paths } from "../routes";
import { Alert, Col, Container, FranceConnectButton, Grid, Heading, Highlight, Panel, Spacer, Text, TextLink } from "../ui";
import { LocalRecords } from "./entry/LocalRecords";
import { CPSCardDoor, ProSanteConnect } from "./entry/ProSanteConnect";

const RECORDS_SEARCH_ID = "recherche-dossiers";

/**
 * EntryPage is the portal's entry: first registration (FranceConnect), or an
 * existing RPPS number (Pro Santé Connect, or the CPS card). Without a login
 * only the demonstration records are listed, in demo mode; a secretary
 * signed in on the « Serveur eRPPS » page sees the records of this computer.
 */
export function EntryPage() {
    usePageTitle("Accueil");
    const [franceConnectAsked, setFranceConnectAsked] = useState(false);
    const info = useApi(api.appInfo);
    const appInfo = info.status === "success" ? info.data : undefined;
    const { connected, reload } = useConnection();
    const shown = recordsShown(appInfo, connected);

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
                        <ProSanteConnect connected={connected} available={appInfo?.proSanteConnect !== false} onSignedOut={reload} />
                    </Panel>
                </Col>
            </Grid>
            <Spacer size="md" />
            <CPSCardDoor />
            <Spacer size="lg" />
            {shown === "none" ? null : (
                <>
                    {shown === "demo" ? (
                        <Alert severity="info" title="Mode démonstration" small>
                            Les dossiers ci-dessous sont fictifs : ils s'ouvrent sans connexion, pour découvrir eRPPS Desktop. Votre propre dossier
                            s'ouvre après la connexion avec Pro Santé Connect.
                        </Alert>
                    ) : null}
                    <LocalRecords searchId={RECORDS_SEARCH_ID} />
                    <Spacer size="lg" />
                </>
            )}
            <Highlight>
                Un secrétariat peut préparer ici les demandes de plusieurs professionnels : il se connecte sur la page{" "}
                <TextLink to={paths.server}>Serveur eRPPS</TextLink> avec l'identifiant de son compte, et retrouve les dossiers des professionnels qui
                lui ont donné mandat. Chaque demande est ensuite transmise à l'ARS du département concerné.
            </Highlight>
        </Container>
    );
}
