import { useSearchParams } from "react-router-dom";
import { Alert, BulletList, Heading, Spacer, Text } from "../../ui";

/**
 * UpcomingForm says plainly what the action's form will let the user do: the
 * form itself comes with a later version. Nothing is pretended.
 */
export function UpcomingForm({ steps, after }: { steps: string[]; after?: string }) {
    const [params] = useSearchParams();
    const resumed = params.get("demande");
    return (
        <>
            <Alert severity="info" title="Formulaire bientôt disponible">
                Le formulaire de cette démarche arrive dans une prochaine version d'eRPPS Desktop. Aucune demande n'est créée depuis cette page pour
                l'instant.
            </Alert>
            {resumed !== null && resumed !== "" ? (
                <>
                    <Spacer size="sm" />
                    <Alert severity="info" small>
                        La demande en cours que vous voulez reprendre reste enregistrée sur ce poste : vous pourrez la compléter dès que le formulaire
                        sera disponible.
                    </Alert>
                </>
            ) : null}
            <Spacer size="md" />
            <Heading level={2} look="h5">
                Ce que vous pourrez faire ici
            </Heading>
            <BulletList items={steps} />
            {after === undefined ? null : <Text>{after}</Text>}
        </>
    );
}
