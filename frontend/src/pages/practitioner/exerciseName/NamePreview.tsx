import type { ExerciseNamePayload, PractitionerView } from "../../../api";
import { Highlight } from "../../../ui";

/** annuaireName writes the name as the Annuaire Santé would show it: "Dr Claire MARTIN" (the civility abbreviated by Go). */
export function annuaireName(p: PractitionerView, payload: ExerciseNamePayload): string {
    const civility = p.civilityShort;
    const first = (payload.exerciseFirstName ?? "").trim() !== "" ? (payload.exerciseFirstName ?? "").trim() : p.firstName;
    const name = payload.exerciseName.trim().replace(/\s+/g, " ").toLocaleUpperCase("fr-FR");
    return [civility, first, name].filter(w => w !== "").join(" ");
}

/** NamePreview shows, as it is typed, the name the Annuaire Santé will show. */
export function NamePreview({ name }: { name: string }) {
    return (
        <div id="name-preview" aria-live="polite">
            <Highlight>
                <>
                    Vous apparaîtrez sur l'Annuaire Santé sous le nom : <strong>{name}</strong>
                </>
            </Highlight>
        </div>
    );
}
