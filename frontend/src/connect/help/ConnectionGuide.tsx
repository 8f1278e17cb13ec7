import type { ReactNode } from "react";
import { Alert, BulletList, CallOut, Disclosure, DisclosureGroup, ExternalLink, Heading, OrderedList, Panel, PlainLink, Spacer, Text } from "../../ui";
import { IdentifierCheck } from "./IdentifierCheck";

export interface ConnectionGuideProps {
    /** The phone companion's address, when this app can open it (the server's /mobile). */
    companionHref?: string;
    /** The ARS to contact, when known. */
    arsName?: string;
    /**
     * The « Quel identifiant saisir ? » tool: the server's IdentifierCheck by
     * default; the desktop gives its own, which asks its Go side.
     */
    identifierTool?: ReactNode;
    /** The connection page opens in the system's browser (eRPPS Desktop). */
    opensInBrowser?: boolean;
}

/**
 * ConnectionGuide is the guide « Aide à la connexion au portail eRPPS », step
 * by step, with its troubleshooting (#depannage: the phone's clock, the « 8 »,
 * FranceConnect used by mistake, wrong contact details). It uses no router:
 * erpps-server's /aide-connexion and the desktop's « Aide à la connexion »
 * show it under their own h1.
 */
export function ConnectionGuide({ companionHref, arsName, identifierTool = <IdentifierCheck />, opensInBrowser = false }: ConnectionGuideProps) {
    const ars = arsName === undefined || arsName === "" ? "l'ARS de votre région" : arsName;
    return (
        <div className="app-connection-guide">
            <Heading level={2} look="h4">
                Ce qu'il vous faut
            </Heading>
            <BulletList
                items={[
                    <>
                        <strong>Votre numéro RPPS</strong> : si vous êtes déjà inscrit (via le RPPS ou anciennement ADELI), vous le retrouvez sur le site{" "}
                        <ExternalLink href="https://annuaire.esante.gouv.fr/">Annuaire Santé</ExternalLink>.
                    </>,
                    <>
                        <strong>L'application e-CPS sur votre téléphone</strong>, activée avec vos coordonnées de correspondance
                        {companionHref === undefined ? null : (
                            <>
                                {" "}
                                (ou le <PlainLink href={companionHref}>compagnon e-CPS</PlainLink> de ce serveur, ouvert sur votre téléphone)
                            </>
                        )}
                        .
                    </>,
                    <>
                        <strong>Un ordinateur.</strong>
                    </>
                ]}
            />
            <Alert severity="warning" title="Ne vous identifiez surtout pas avec FranceConnect">
                FranceConnect sert uniquement au primo-enregistrement : la première inscription d'une personne qui n'a pas encore de numéro RPPS. Si vous
                avez déjà un numéro RPPS, identifiez-vous avec Pro Santé Connect, en bas de l'écran d'accueil.
            </Alert>
            <Spacer size="lg" />

            <Heading level={2} look="h4">
                Étape 1 — Sur le portail eRPPS, choisissez Pro Santé Connect
            </Heading>
            <Text>
                Sur la page « Bienvenue sur le portail d'enregistrement eRPPS pour les Professionnels intervenant dans le système de santé », sous « Vous avez
                déjà un numéro RPPS », cliquez sur <strong>Pro Santé Connect</strong>.
            </Text>

            <Heading level={2} look="h4">
                Étape 2 — « Connectez-vous » : votre identifiant avec un « 8 » devant
            </Heading>
            <OrderedList
                items={[
                    <>Choisissez « Application e-CPS » : vous pouvez vous connecter à ce service en utilisant l'application mobile e-CPS.</>,
                    <>
                        Dans « Votre identifiant RPPS », saisissez votre numéro RPPS <strong>avec un « 8 » devant</strong> (12 chiffres). Si vous l'oubliez, la
                        page l'ajoute et vous dit quel identifiant elle a compris.
                    </>,
                    <>Cochez « Mémoriser mon identifiant sur ce poste » seulement si cet ordinateur est le vôtre.</>,
                    <>Cliquez sur « SE CONNECTER AVEC E-CPS ».</>
                ]}
            />
            <Panel title="Quel identifiant saisir ?" titleAs="h3" id="aide-identifiant-panel">
                {identifierTool}
            </Panel>
            <Spacer size="md" />

            <Heading level={2} look="h4">
                Étape 3 — Première connexion seulement : activez votre e-CPS
            </Heading>
            <OrderedList
                items={[
                    <>Sur votre téléphone, ouvrez l'application e-CPS{companionHref === undefined ? null : " ou le compagnon e-CPS (le QR code de la page de connexion l'ouvre)"} et saisissez votre identifiant.</>,
                    <>
                        La page « Demande d'activation e-CPS » montre, en partie masquée, votre adresse électronique (« c…l@gmail.com ») ou votre numéro de
                        mobile de correspondance. Choisissez-en un et touchez « ENVOYER MA DEMANDE D'ACTIVATION ».
                    </>,
                    <>Saisissez le code reçu <strong>par e-mail ou par SMS</strong> (valable 30 minutes par e-mail, 10 minutes par SMS).</>,
                    <>Choisissez votre mot de passe e-CPS (8 caractères au moins). Votre téléphone est activé.</>
                ]}
            />

            <Heading level={2} look="h4">
                Étape 4 — « Vérification de votre identité en 2 étapes », sur votre téléphone
            </Heading>
            <Text>
                L'ordinateur affiche un code à deux chiffres et le temps qui reste (« Il vous reste 112 secondes pour valider votre demande
                d'authentification » : vous avez environ 2 minutes). Après avoir accepté la notification ou ouvert l'application e-CPS :
            </Text>
            <OrderedList
                items={[
                    <>
                        <strong>Saisie de votre mot de passe</strong> e-CPS ;
                    </>,
                    <>
                        <strong>Sélection du code</strong> affiché sur l'ordinateur parmi les trois codes proposés.
                    </>
                ]}
            />
            <Text>
                Un mauvais mot de passe, un mauvais code ou la fin du décompte font échouer la connexion : recommencez depuis l'ordinateur. « Quitter
                l'authentification » l'annule.
            </Text>

            <Heading level={2} look="h4">
                Étape 5 — Vous êtes connecté
            </Heading>
            <Text>
                Le portail eRPPS s'ouvre sur l'ordinateur, sur le menu « Que souhaitez-vous faire ? ». Pour les prochaines connexions : ouvrez
                l'application e-CPS, saisissez votre mot de passe, puis sélectionnez le nombre affiché.
            </Text>
            <CallOut title="Vous avez une carte CPS ?" icon="lock" titleAs="h3">
                Vous pouvez vous connecter directement avec votre carte CPS si vous en possédez une, si tout est à jour et qu'elle fonctionne : il faut un
                lecteur de carte branché à l'ordinateur, le logiciel de la carte CPS (Cryptolib CPS) installé et à jour, et le code de votre carte.
            </CallOut>

            <Heading level={2} look="h4" id="depannage">
                En cas de problème
            </Heading>
            <DisclosureGroup>
                <Disclosure label="La connexion échoue à chaque fois : l'heure de votre téléphone">
                    <Text>
                        Si vous constatez un échec répété des connexions avec votre e-CPS, cela peut être dû à une mauvaise configuration de l'heure sur votre
                        téléphone. Dans les réglages « Date et heure » du téléphone, activez l'heure automatique (réseau), puis recommencez.
                    </Text>
                    <Text>Le compagnon e-CPS vérifie l'heure de votre téléphone et vous prévient si elle diffère de plus de 30 secondes de celle du serveur.</Text>
                </Disclosure>
                <Disclosure label="« Identifiant inconnu » ou rien ne se passe : le « 8 » devant le numéro RPPS">
                    <Text>
                        L'identifiant est votre numéro RPPS (11 chiffres) précédé d'un « 8 » : 12 chiffres en tout. Un « 0 » devant désigne un numéro ADELI, qui ne
                        permet pas de se connecter ici. Vérifiez le numéro que vous saisissez avec l'outil « Quel identifiant saisir ? », à l'étape 2.
                    </Text>
                </Disclosure>
                <Disclosure label="Vous êtes passé par FranceConnect">
                    <Text>
                        FranceConnect ne sert qu'au primo-enregistrement, pour obtenir un premier numéro RPPS. Si vous avez déjà un numéro RPPS, revenez à la page
                        d'accueil du portail et choisissez « Pro Santé Connect » sous « Vous avez déjà un numéro RPPS ». Une demande de primo-enregistrement
                        faite par erreur sera refusée par l'ARS.
                    </Text>
                </Disclosure>
                <Disclosure label="Vos coordonnées sont incorrectes : le code d'activation n'arrive pas">
                    <Text>
                        Le code d'activation part vers les coordonnées de correspondance connues du RPPS. Si l'adresse électronique ou le numéro masqués ne sont
                        plus les vôtres, touchez « Vos coordonnées sont incorrectes ? » sur la page d'activation : contactez {ars}, qui met à jour vos
                        coordonnées de correspondance. Vérifiez aussi vos courriers indésirables ; un code reçu n'est valable qu'une fois et un nouveau code
                        annule le précédent.
                    </Text>
                </Disclosure>
                {opensInBrowser ? (
                    <Disclosure label="La page de connexion ne s'ouvre pas ou le décompte est dépassé">
                        <Text>
                            Sur eRPPS Desktop, « Se connecter avec Pro Santé Connect » ouvre la page de connexion dans votre navigateur : si rien ne s'ouvre,
                            vérifiez qu'un navigateur est installé sur ce poste. Vous disposez d'environ 2 minutes pour choisir le bon code sur le téléphone :
                            au-delà, « Quitter l'authentification » puis recommencez.
                        </Text>
                    </Disclosure>
                ) : null}
            </DisclosureGroup>
            <Spacer size="md" />
            <Text size="sm">
                Vous pouvez également retrouver cette procédure dans le guide de l'Agence du Numérique en Santé « J'accède au portail eRPPS une fois ma première
                connexion réalisée ».
            </Text>
        </div>
    );
}
