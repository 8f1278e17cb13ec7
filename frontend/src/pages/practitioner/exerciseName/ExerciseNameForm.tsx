import type { ExerciseNamePayload, PractitionerView } from "../../../api";
import { DraftCheckbox, DraftTextField, RequestEditor, useRequestDraft } from "../../../forms";
import { Heading } from "../../../ui";
import { annuaireName, NamePreview } from "./NamePreview";

/** The fields of a change of exercise name, in the form's order, with their labels. */
const LABELS = {
    useBirthName: "Utiliser mon nom de naissance",
    exerciseName: "Nom d'exercice",
    exerciseFirstName: "Prénom d'exercice"
} as const;

/** ExerciseNameForm edits the name shown on the Annuaire Santé; autosaved, then transmitted. */
export function ExerciseNameForm({ practitioner: p, requestId }: { practitioner: PractitionerView; requestId: string }) {
    const draft = useRequestDraft<ExerciseNamePayload>({ rpps: p.rpps, kind: "exercise_name", requestId });
    const shown = (payload: ExerciseNamePayload): ExerciseNamePayload =>
        payload.useBirthName ? { ...payload, exerciseName: p.birthName } : payload;

    return (
        <RequestEditor
            draft={draft}
            rpps={p.rpps}
            labels={LABELS}
            summary={payload => [
                { term: "Demande", value: "Nom d'exercice" },
                { term: "Nom d'exercice demandé", value: payload.useBirthName ? `${p.birthName} (nom de naissance)` : payload.exerciseName.toLocaleUpperCase("fr-FR") },
                { term: "Prénom d'exercice", value: payload.exerciseFirstName ?? "" },
                { term: "Sur l'Annuaire Santé", value: annuaireName(p, shown(payload)) }
            ]}
        >
            {payload => (
                <>
                    <Heading level={2} look="h5">
                        Votre nouveau nom d'exercice
                    </Heading>
                    <DraftCheckbox
                        draft={draft}
                        path="useBirthName"
                        label={`${LABELS.useBirthName} (${p.birthName})`}
                        hint="Le nom d'exercice redevient votre nom de naissance."
                        onChange={checked => {
                            draft.update(checked ? { useBirthName: true, exerciseName: p.birthName } : { useBirthName: false });
                        }}
                    />
                    <DraftTextField
                        draft={draft}
                        path="exerciseName"
                        label={LABELS.exerciseName}
                        hint="Des lettres (accents compris), des espaces, des traits d'union ou des apostrophes ; 50 caractères au plus."
                        autoComplete="family-name"
                        maxLength={50}
                        disabled={payload.useBirthName}
                        displayValue={payload.useBirthName ? p.birthName : undefined}
                        required
                    />
                    <DraftTextField
                        draft={draft}
                        path="exerciseFirstName"
                        label={`${LABELS.exerciseFirstName} (facultatif)`}
                        hint={`Laissez vide pour apparaître sous votre prénom (${p.firstName}).`}
                        autoComplete="given-name"
                        maxLength={50}
                    />
                    <NamePreview name={annuaireName(p, shown(payload))} />
                </>
            )}
        </RequestEditor>
    );
}
