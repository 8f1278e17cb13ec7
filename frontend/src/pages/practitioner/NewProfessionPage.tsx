import { useReference } from "../../reference/useReference";
import { Alert, Spacer, TagList, Text } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { UpcomingForm } from "./UpcomingForm";

export function NewProfessionPage() {
    const { practitioner } = usePractitioner();
    const ref = useReference();
    const held = (practitioner.professions ?? []).map(p => ref.professionLabel(p.code));
    return (
        <ActionPage
            title={actions.newProfession.title}
            intro="Il est possible d'ajouter une nouvelle profession à son numéro RPPS (exemple : Opticien → Audioprothésiste)."
        >
            <Alert severity="warning" small>
                Ne pas confondre avec la déclaration d'un nouveau lieu d'exercice : pour exercer la même profession ailleurs, déclarez une nouvelle
                activité.
            </Alert>
            <Spacer size="md" />
            <Text bold noMargin>
                Profession(s) enregistrée(s) sous votre numéro RPPS :
            </Text>
            {held.length === 0 ? <Text muted>Aucune.</Text> : <TagList items={held} />}
            <Spacer size="md" />
            <UpcomingForm
                steps={[
                    "choisir la nouvelle profession et sa catégorie professionnelle ;",
                    "indiquer depuis quand vous pouvez l'exercer et le titre ou diplôme qui le permet ;",
                    "enregistrer la demande sur ce poste, puis la transmettre à l'ARS."
                ]}
            />
        </ActionPage>
    );
}
