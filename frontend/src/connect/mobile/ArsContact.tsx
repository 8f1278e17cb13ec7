import type { Ars } from "../../api";
import { Disclosure, Text } from "../../ui";

/**
 * ArsContact is « Vos coordonnées sont incorrectes ? »: the ARS to contact,
 * by name. Its title is an h2: it sits right under the companion's h1.
 */
export function ArsContact({ ars }: { ars: Ars }) {
    return (
        <Disclosure label="Vos coordonnées sont incorrectes ?" titleAs="h2">
            <Text>
                Le code d'activation n'arrive pas, ou les coordonnées affichées ne sont pas les vôtres ? Vos coordonnées de correspondance sont tenues
                par votre Agence Régionale de Santé. Contactez <strong>{ars.name}</strong> pour les faire corriger, puis recommencez l'activation.
            </Text>
            {ars.contact === "" ? null : (
                <Text>
                    Contact : <strong>{ars.contact}</strong>
                </Text>
            )}
        </Disclosure>
    );
}
