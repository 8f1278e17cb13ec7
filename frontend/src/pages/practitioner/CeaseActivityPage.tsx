import { Alert, Spacer, TextLink } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { UpcomingForm } from "./UpcomingForm";

export function CeaseActivityPage() {
    const { practitioner } = usePractitioner();
    return (
        <ActionPage title={actions.cease.title} intro="Pour déclarer la fin d'une activité.">
            <Alert severity="warning" title="À faire en premier, pour tout changement de département">
                Vous quittez un département pour un autre ? Déclarez d'abord la fin de votre activité dans l'ancien département, puis votre nouvelle
                activité.
            </Alert>
            <Spacer size="md" />
            <UpcomingForm
                steps={[
                    "choisir, parmi vos activités en cours, celle qui prend fin ;",
                    "indiquer la date de fin d'activité ;",
                    "indiquer le motif de fin d'activité (nomenclature nationale) ;",
                    "enregistrer la demande sur ce poste, la reprendre plus tard, puis la transmettre à l'ARS du département de l'activité."
                ]}
            />
            <TextLink to={actions.activities.path(practitioner.rpps)} icon="arrowRight">
                Voir mes activités professionnelles
            </TextLink>
        </ActionPage>
    );
}
