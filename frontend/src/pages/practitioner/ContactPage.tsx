import { useSearchParams } from "react-router-dom";
import { formatPhone } from "../../format";
import { Alert, DescriptionList, Panel, Spacer } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { ContactForm } from "./contact/ContactForm";
import { postalAddress } from "./contact/contactDisplay";
import { usePractitioner } from "./context";

/**
 * ContactPage changes the coordonnées de correspondance: where the CPS card
 * is posted and where e-CPS activation codes are sent. The form starts from
 * the record.
 */
export function ContactPage() {
    const { practitioner } = usePractitioner();
    const [params] = useSearchParams();
    const requestId = params.get("demande") ?? "";
    const c = practitioner.contact;
    return (
        <ActionPage title={actions.contact.title}>
            <Alert severity="warning" title="Coordonnées à vérifier lors de la première connexion">
                Coordonnées à vérifier lors de la première connexion via Pro Santé Connect. Si vous avez droit à une carte CPS, c'est à l'adresse
                indiquée ici que vous la recevrez.
            </Alert>
            <Spacer size="md" />
            <Panel title="Vos coordonnées de correspondance actuelles" id="coordonnees-actuelles">
                <DescriptionList
                    items={[
                        { term: "Adresse électronique", value: c.email },
                        { term: "Téléphone", value: formatPhone(c.phone) },
                        { term: "Adresse postale", value: postalAddress(c.address) }
                    ]}
                />
            </Panel>
            <Spacer size="lg" />
            <ContactForm key={requestId} practitioner={practitioner} requestId={requestId} />
        </ActionPage>
    );
}
