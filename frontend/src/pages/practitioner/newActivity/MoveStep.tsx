import type { Activity, NewActivityPayload } from "../../../api";
import { fieldId, type RequestDraft } from "../../../forms";
import { formatDate } from "../../../format";
import { useReference } from "../../../reference/useReference";
import { CallOut, RadioCards, Text, type RadioCardOption } from "../../../ui";
import { structureName } from "../activityFields";
import { ADDITIONAL_PLACE, moveChoice, movePatch } from "./model";
import { placeAddress } from "./summary";

/** Secteurs d'activité (TRE_R02) of a cabinet: drawn with a house, the others with a hospital. */
const CABINET_SECTORS = new Set(["SA07", "SA08", "SA52"]);

export interface MoveStepProps {
    draft: RequestDraft<NewActivityPayload>;
    payload: NewActivityPayload;
    /** The practitioner's activities in progress. */
    current: readonly Activity[];
}

/**
 * MoveStep is the third step: does the new place replace a current one (a
 * moved cabinet is a new place; the old one's end is requested with it), or
 * is it an additional place?
 */
export function MoveStep({ draft, payload, current }: MoveStepProps) {
    // The day before the new start, from Go (the linked cessation's end).
    const end = draft.validation.moveEndDate ?? "";
    const replaced = current.find(a => a.id === payload.replacesActivityId);
    return (
        <>
            <CallOut title="Un cabinet qui déménage est un nouveau lieu d'exercice" icon="mapPin">
                <>
                    Si l'adresse de votre cabinet change, déclarez la nouvelle adresse comme une nouvelle activité et indiquez ci-dessous celle qu'elle
                    remplace. À la transmission, la fin de l'ancienne activité est demandée <strong>la veille du début de la nouvelle</strong>
                    {end === "" ? "" : ` (le ${formatDate(end)})`}, par une demande de cessation liée (motif « changement de lieu d'exercice ») : vous
                    n'avez pas à la déclarer séparément.
                </>
            </CallOut>
            {current.length === 0 ? (
                <Text>Vous n'avez aucune activité en cours : cette nouvelle activité s'ajoute simplement à votre dossier.</Text>
            ) : (
                <RadioCards
                    id={fieldId("replacesActivityId")}
                    name="replacesActivityId"
                    legend="Cette nouvelle activité remplace-t-elle un de vos lieux d'exercice actuels (déménagement du cabinet) ?"
                    hint="Vos activités en cours."
                    value={moveChoice(payload)}
                    onChange={v => {
                        draft.update(movePatch(v));
                    }}
                    options={[...current.map(activityOption), ADDITIONAL_OPTION]}
                    error={draft.errorOf("replacesActivityId")}
                    errorFor="replacesActivityId"
                />
            )}
            {replaced === undefined ? null : (
                <Text size="sm" muted>
                    {`L'activité « ${structureName(replaced)} » prendra fin ${end === "" ? "la veille du début de la nouvelle" : `le ${formatDate(end)}`}.`}
                </Text>
            )}
        </>
    );
}

const ADDITIONAL_OPTION: RadioCardOption = {
    value: ADDITIONAL_PLACE,
    label: "Non, c'est un lieu supplémentaire",
    hint: "Vous conservez vos activités actuelles et en ajoutez une.",
    pictogram: "newActivity"
};

function activityOption(a: Activity): RadioCardOption {
    return {
        value: a.id,
        label: `Oui, elle remplace : ${structureName(a)}`,
        hint: <ActivityHint activity={a} />,
        pictogram: CABINET_SECTORS.has(a.sectorCode) ? "contact" : "activities"
    };
}

function ActivityHint({ activity: a }: { activity: Activity }) {
    const ref = useReference();
    return (
        <>
            {placeAddress(a.structure.address)}
            <br />
            {`${ref.departmentLabel(a.structure.department)} · ${ref.professionLabel(a.professionCode)} · depuis le ${formatDate(a.startDate)}`}
        </>
    );
}
