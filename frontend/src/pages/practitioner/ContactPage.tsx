import { addressLines, formatPhone } from "../../format";
import { DescriptionList, Panel, Spacer } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { UpcomingForm } from "./UpcomingForm";

export function ContactPage() {
    const { practitioner } = usePractitioner();
    const c = practitioner.contact;
    return (
        <ActionPage
            title={actions.contact.title}
            intro="Coordonnées à vérifier lors de la première connexion via Pro Santé Connect. Si vous avez droit à une carte CPS, c'est à l'adresse indiquée ici que vous la recevrez."
        >
            <Panel title="Vos coordonnées de correspondance actuelles" id="coordonnees-actuelles">
                <DescriptionList
                    items={[
                        { term: "Adresse électronique", value: c.email },
                        { term: "Téléphone", value: formatPhone(c.phone) },
                        { term: "Adresse postale", value: addressLines(c.address).join(", ") }
                    ]}
                />
            </Panel>
            <Spacer size="md" />
            <UpcomingForm
                steps={[
                    "corriger votre adresse électronique et votre téléphone : c'est là que sont envoyés les codes d'activation de votre e-CPS ;",
                    "corriger votre adresse postale, où est envoyée votre carte CPS ;",
                    "enregistrer la demande sur ce poste, puis la transmettre à l'ARS."
                ]}
            />
        </ActionPage>
    );
}
