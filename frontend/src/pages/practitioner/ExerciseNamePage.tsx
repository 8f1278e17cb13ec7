import { DescriptionList, Panel, Spacer } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { UpcomingForm } from "./UpcomingForm";

export function ExerciseNamePage() {
    const { practitioner: p } = usePractitioner();
    return (
        <ActionPage
            title={actions.exerciseName.title}
            intro="Modifier le nom d'exercice avec lequel le professionnel va apparaître sur l'Annuaire Santé. Par défaut, il s'agit de mon nom de naissance."
        >
            <Panel title="Vos noms actuels" id="noms-actuels">
                <DescriptionList
                    items={[
                        { term: "Nom de naissance", value: p.birthName },
                        { term: "Nom d'exercice", value: p.exerciseName === "" ? `${p.birthName} (nom de naissance)` : p.exerciseName },
                        { term: "Prénom d'exercice", value: p.exerciseFirstName !== undefined && p.exerciseFirstName !== "" ? p.exerciseFirstName : p.firstName }
                    ]}
                />
            </Panel>
            <Spacer size="md" />
            <UpcomingForm
                steps={[
                    "choisir le nom d'exercice affiché sur l'Annuaire Santé, ou revenir à votre nom de naissance ;",
                    "indiquer, si besoin, un prénom d'exercice ;",
                    "enregistrer la demande sur ce poste, puis la transmettre à l'ARS."
                ]}
            />
        </ActionPage>
    );
}
