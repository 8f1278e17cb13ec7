import { useSearchParams } from "react-router-dom";
import { DescriptionList, Panel, Spacer } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { ExerciseNameForm } from "./exerciseName/ExerciseNameForm";

/** ExerciseNamePage changes the name shown on the Annuaire Santé (by default, the birth name). */
export function ExerciseNamePage() {
    const { practitioner: p } = usePractitioner();
    const [params] = useSearchParams();
    const requestId = params.get("demande") ?? "";
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
            <Spacer size="lg" />
            <ExerciseNameForm key={requestId} practitioner={p} requestId={requestId} />
        </ActionPage>
    );
}
