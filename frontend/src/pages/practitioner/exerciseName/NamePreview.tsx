import type { ExerciseNamePayload, Practitioner } from "../../../api";
import { civilityShort } from "../../../domain/names";
import type { Reference } from "../../../reference/lookup";
import { Highlight } from "../../../ui";

/** Civilités d'exercice (TRE_R11) as the Annuaire Santé abbreviates them before a name. */
const EXERCISE_CIVILITY_SHORT: Partial<Record<string, string>> = { DR: "Dr", PR: "Pr" };

/** annuaireName writes the name as the Annuaire Santé would show it: "Dr Claire MARTIN". */
export function annuaireName(p: Practitioner, payload: ExerciseNamePayload, ref: Reference): string {
    const code = p.exerciseCivility ?? "";
    const civility = code === "" ? civilityShort(p.civility) : (EXERCISE_CIVILITY_SHORT[code] ?? ref.label("TRE_R11", code));
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
