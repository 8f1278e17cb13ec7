import { companionPath, companionQrPath } from "../../api";
import { CallOut, Heading, PlainLink, QrCode, Text } from "../../ui";
import { connectPaths } from "../paths";

/** CompanionPanel shows the QR code that opens the phone companion on this server (first connection: activation). */
export function CompanionPanel({ identifier }: { identifier: string | null }) {
    const query = identifier === null ? "" : `?identifiant=${encodeURIComponent(identifier)}`;
    const url = `${window.location.origin}${companionPath()}`;
    return (
        <section aria-labelledby="companion-title" className="app-connect-card">
            <Heading level={2} look="h6" id="companion-title">
                Première connexion : activez votre e-CPS sur votre téléphone
            </Heading>
            <Text size="sm">Scannez ce code avec l'appareil photo de votre téléphone, connecté au même réseau que cet ordinateur, pour ouvrir le compagnon e-CPS.</Text>
            <QrCode src={`${companionQrPath()}${query}`} alt={`QR code du compagnon e-CPS : ${url}`} size={168} />
            <Text size="sm">
                Ou ouvrez sur votre téléphone : <strong className="app-mono">{url}</strong>
            </Text>
            <Text size="sm" noMargin>
                Lors d'une première connexion, l'activation se fait par un code reçu par e-mail ou par SMS à vos coordonnées de correspondance.
            </Text>
        </section>
    );
}

/** CardOption is the CPS card door, with what it needs. */
export function CardOption() {
    return (
        <CallOut title="Carte CPS" icon="lock" titleAs="h2">
            <Text size="sm">
                Vous pouvez vous connecter directement avec votre carte CPS si vous en possédez une, si tout est à jour et qu'elle fonctionne. Il vous faut :
            </Text>
            <ul className="fr-text--sm">
                <li>un lecteur de carte CPS branché sur cet ordinateur ;</li>
                <li>le logiciel de la carte CPS (Cryptolib CPS) installé et à jour ;</li>
                <li>votre carte CPS en cours de validité et son code.</li>
            </ul>
            <Text size="sm" noMargin>
                Ce serveur ne lit pas encore la carte CPS : connectez-vous avec l'application e-CPS. <PlainLink href={connectPaths.help}>Aide à la connexion</PlainLink>
            </Text>
        </CallOut>
    );
}
