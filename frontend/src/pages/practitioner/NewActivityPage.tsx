import { Alert, Spacer, TextLink } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { UpcomingForm } from "./UpcomingForm";

export function NewActivityPage() {
    const { practitioner } = usePractitioner();
    return (
        <ActionPage title={actions.newActivity.title} intro="Pour déclarer sa nouvelle activité (nouveau lieu d'exercice).">
            <Alert severity="info" title="Votre cabinet a changé d'adresse ?">
                Si l'adresse de votre cabinet est modifiée, il s'agit d'un nouveau lieu : déclarez une nouvelle activité, et la fin de l'activité à
                l'ancienne adresse. Pour un changement de département, cessez d'abord l'ancienne activité.
            </Alert>
            <Spacer size="md" />
            <UpcomingForm
                steps={[
                    "choisir la profession exercée dans ce nouveau lieu ;",
                    "retrouver la structure par son numéro SIRET ou FINESS, ou la saisir si elle n'en a pas ;",
                    "indiquer le mode d'exercice, le secteur d'activité, votre fonction et la date de début ;",
                    "enregistrer la demande sur ce poste, puis la transmettre à l'ARS du département du nouveau lieu."
                ]}
            />
            <TextLink to={actions.cease.path(practitioner.rpps)} icon="calendar">
                Cesser une activité
            </TextLink>
        </ActionPage>
    );
}
