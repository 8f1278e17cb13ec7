import { useEffect } from "react";
import { useLocation } from "react-router-dom";
import { usePageTitle } from "../hooks/usePageTitle";
import { Alert, Breadcrumb, BulletList, CallOut, Col, Container, ExternalLink, Grid, Heading, Lead, OrderedList, Panel, Spacer, Text } from "../ui";
import { IdentifierHelper } from "./help/IdentifierHelper";

/** HelpPage is the guide "Aide à la connexion au portail eRPPS", as a page. */
export function HelpPage() {
    usePageTitle("Aide à la connexion");
    // « La connexion échoue ? » links to the troubleshooting (#depannage).
    const { hash } = useLocation();
    useEffect(() => {
        if (hash !== "") {
            document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
        }
    }, [hash]);
    return (
        <Container>
            <Breadcrumb trail={[]} current="Aide à la connexion" />
            <Heading level={1}>Aide à la connexion au portail eRPPS</Heading>
            <Lead>Afin de vous connecter sur votre espace eRPPS, vous devez vous munir :</Lead>
            <BulletList
                items={[
                    <>
                        <strong>de votre numéro RPPS</strong> : si vous êtes déjà inscrit (via le RPPS ou anciennement ADELI), vous pouvez retrouver
                        votre numéro RPPS sur le site <ExternalLink href="https://annuaire.esante.gouv.fr/">Annuaire Santé</ExternalLink> ;
                    </>,
                    <>
                        <strong>de l'application e-CPS</strong>, téléchargée sur votre téléphone et activée avec vos coordonnées de correspondance
                        (guide de l'Agence du Numérique en Santé « J'active ma e-CPS avec mes coordonnées de correspondance ») ;
                    </>,
                    <>
                        <strong>d'un ordinateur</strong>.
                    </>
                ]}
            />
            <Alert severity="warning" title="Ne surtout pas vous identifier avec FranceConnect">
                FranceConnect sert uniquement au primo-enregistrement, c'est-à-dire à la première inscription d'un professionnel qui n'a pas encore de
                numéro RPPS. Si vous avez déjà un numéro RPPS, identifiez-vous avec Pro Santé Connect, en bas de l'écran d'accueil du portail.
            </Alert>
            <Spacer size="lg" />

            <Grid>
                <Col base={12} lg={7}>
                    <Heading level={2} look="h4">
                        Votre identifiant : un « 8 » devant votre numéro RPPS
                    </Heading>
                    <Text>
                        Sur Pro Santé Connect, le champ « Votre identifiant RPPS » attend votre identifiant national : votre numéro RPPS à 11 chiffres
                        précédé d'un <strong>8</strong>, soit 12 chiffres. Retrouvez votre numéro sur l'Annuaire Santé si besoin.
                    </Text>
                </Col>
                <Col base={12} lg={5}>
                    <Panel title="Quel identifiant saisir ?" titleAs="h3" id="aide-identifiant">
                        <IdentifierHelper />
                    </Panel>
                </Col>
            </Grid>
            <Spacer size="lg" />

            <Heading level={2} look="h4">
                1. Sur le portail eRPPS
            </Heading>
            <Text>
                Sur la page d'accueil « Bienvenue sur le portail d'enregistrement eRPPS pour les Professionnels intervenant dans le système de santé »,
                choisissez <strong>« Vous avez déjà un numéro RPPS »</strong> puis <strong>Pro Santé Connect</strong>, en bas de l'écran.
            </Text>

            <Heading level={2} look="h4">
                2. Sur la page Pro Santé Connect « Connectez-vous »
            </Heading>
            <OrderedList
                items={[
                    <>Choisissez « Application e-CPS » : vous pouvez vous connecter à ce service en utilisant l'application mobile e-CPS.</>,
                    <>Dans « Votre identifiant RPPS », saisissez votre numéro RPPS avec un « 8 » devant.</>,
                    <>Cochez « Mémoriser mon identifiant sur ce poste » si cet ordinateur est le vôtre (jamais sur un poste partagé).</>,
                    <>Cliquez sur « SE CONNECTER AVEC E-CPS ».</>
                ]}
            />

            <Heading level={2} look="h4">
                3. Lors d'une première connexion : activer votre e-CPS
            </Heading>
            <Text>
                La page « Demande d'activation e-CPS » affiche, en partie masquée, votre adresse électronique ou votre numéro de téléphone de
                correspondance. Cliquez sur « ENVOYER MA DEMANDE D'ACTIVATION » : vous recevez un code d'activation <strong>par e-mail ou par SMS</strong>,
                puis vous choisissez votre mot de passe e-CPS dans l'application.
            </Text>
            <Text>
                Ces coordonnées ne sont plus les bonnes ? Suivez le lien « Vos coordonnées sont incorrectes ? » : l'ARS de votre département met à jour
                vos coordonnées de correspondance.
            </Text>

            <Heading level={2} look="h4">
                4. Vérification de votre identité en 2 étapes, sur votre téléphone
            </Heading>
            <Text>Après avoir accepté la notification ou ouvert l'application e-CPS, validez la demande d'authentification sur votre téléphone :</Text>
            <OrderedList
                items={[
                    <>
                        <strong>Saisie de votre mot de passe</strong> e-CPS ;
                    </>,
                    <>
                        <strong>Sélection du code</strong> affiché sur l'ordinateur parmi les trois codes proposés sur le téléphone.
                    </>
                ]}
            />
            <Text>
                L'ordinateur affiche le temps qui reste (« Il vous reste 112 secondes pour valider votre demande d'authentification ») : vous disposez
                d'environ 2 minutes. Le bouton « Quitter l'authentification » annule la connexion.
            </Text>
            <Text>
                Pour les prochaines connexions : ouvrez l'application e-CPS, saisissez votre mot de passe, puis sélectionnez le nombre affiché à
                l'écran.
            </Text>

            <Heading level={2} look="h4">
                5. Vous êtes connecté
            </Heading>
            <Text>
                Le portail eRPPS s'ouvre sur l'ordinateur, avec le menu « Que souhaitez-vous faire ? » : voir vos activités, en déclarer ou en cesser
                une, suivre vos demandes, télécharger votre attestation…
            </Text>
            <Spacer size="md" />

            <Grid>
                <Col base={12} md={6}>
                    <CallOut title="La connexion échoue à chaque fois ?" icon="time">
                        Si vous constatez un échec répété des connexions avec votre e-CPS, cela peut être dû à une mauvaise configuration de l'heure sur
                        votre téléphone. Réglez l'heure en automatique, puis réessayez ; la FAQ e-CPS de l'Agence du Numérique en Santé détaille ce
                        problème.
                    </CallOut>
                </Col>
                <Col base={12} md={6}>
                    <CallOut title="Vous avez une carte CPS ?" icon="lock">
                        Vous pouvez aussi vous connecter directement avec votre carte CPS, si vous en possédez une, si tout est à jour et qu'elle
                        fonctionne (lecteur de carte et logiciels installés sur l'ordinateur).
                    </CallOut>
                </Col>
            </Grid>
            <Spacer size="lg" />
            <Heading level={2} look="h4" id="depannage">
                La connexion échoue ? Les causes les plus fréquentes
            </Heading>
            <OrderedList
                items={[
                    <>
                        <strong>L'heure de votre téléphone.</strong> Si vous constatez un échec répété des connexions avec votre e-CPS, cela peut être dû
                        à une mauvaise configuration de l'heure sur votre téléphone : dans les réglages du téléphone, choisissez « date et heure
                        automatiques », puis réessayez. La page e-CPS du téléphone vous prévient quand l'écart dépasse 30 secondes.
                    </>,
                    <>
                        <strong>Le « 8 » devant le numéro RPPS.</strong> L'identifiant attendu par Pro Santé Connect est votre numéro RPPS à 11
                        chiffres précédé d'un 8 (12 chiffres). Vérifiez-le avec l'outil « Quel identifiant saisir ? » ci-dessus.
                    </>,
                    <>
                        <strong>FranceConnect par erreur.</strong> FranceConnect ne sert qu'à une première inscription, sans numéro RPPS. Si vous avez
                        déjà un numéro RPPS, revenez à l'accueil et choisissez « Se connecter avec Pro Santé Connect ».
                    </>,
                    <>
                        <strong>Des coordonnées de correspondance erronées.</strong> Si le code d'activation part vers une adresse électronique ou un
                        numéro de téléphone qui ne sont plus les vôtres, suivez « Vos coordonnées sont incorrectes ? » : l'ARS de votre département met
                        à jour vos coordonnées ; vous activerez ensuite votre e-CPS.
                    </>,
                    <>
                        <strong>Le délai dépassé.</strong> Vous disposez d'environ 2 minutes pour choisir le bon code sur le téléphone : au-delà,
                        « Quitter l'authentification » puis recommencez. Sur eRPPS Desktop, la page de connexion s'ouvre dans votre navigateur ; si
                        rien ne s'ouvre, vérifiez qu'un navigateur est installé sur ce poste.
                    </>
                ]}
            />
            <Spacer size="md" />
            <Text size="sm" muted>
                Vous pouvez également retrouver cette procédure dans le guide de l'Agence du Numérique en Santé « J'accède au portail eRPPS une fois ma
                première connexion réalisée ».
            </Text>
            <Text size="sm">
                <ExternalLink href="https://annuaire.esante.gouv.fr/">Rechercher mon numéro RPPS sur l'Annuaire Santé</ExternalLink>
            </Text>
        </Container>
    );
}
