import type { Activity, CeaseActivityPayload } from "../../../api";
import { DraftSelectField, DraftTextField, RequestEditor, textAt, useRequestDraft } from "../../../forms";
import { formatDate } from "../../../format";
import { useReference } from "../../../reference/useReference";
import type { Reference } from "../../../reference/lookup";
import type { Term } from "../../../ui";
import { structureName } from "../activityFields";
import { usePractitioner } from "../context";
import { ActivityRecap } from "./ActivityRecap";

/** The fields of a cessation, in the form's order, with their labels (the error summary's links). */
const LABELS = {
    activityId: "Activité qui prend fin",
    endDate: "Date de fin d'activité",
    reasonCode: "Motif de fin d'activité",
    comment: "Commentaire"
} as const;

export interface CeaseFormProps {
    rpps: string;
    /** The request to open (?demande=), or "" */
    requestId: string;
    /** The activity to end (?activite=), or "" */
    activityId: string;
}

/** CeaseForm is the cessation's second step: end date, reason, comment; autosaved, then transmitted. */
export function CeaseForm({ rpps, requestId, activityId }: CeaseFormProps) {
    const { practitioner } = usePractitioner();
    const ref = useReference();
    const draft = useRequestDraft<CeaseActivityPayload>({ rpps, kind: "cease_activity", targetId: activityId, requestId });
    const activityOf = (p: CeaseActivityPayload) => (practitioner.activities ?? []).find(a => a.id === p.activityId);
    const reasons = ref.options("TRE_R25").map(c => ({ value: c.code, label: c.label }));

    return (
        <RequestEditor draft={draft} rpps={rpps} labels={LABELS} summary={p => ceaseSummary(p, activityOf(p), ref)}>
            {p => (
                <>
                    <ActivityRecap rpps={rpps} activity={activityOf(p)} error={draft.errorOf("activityId")} />
                    <DraftTextField
                        draft={draft}
                        path="endDate"
                        type="date"
                        label={LABELS.endDate}
                        hint={endDateHint(activityOf(p))}
                        required
                    />
                    <DraftSelectField
                        draft={draft}
                        path="reasonCode"
                        label={LABELS.reasonCode}
                        hint="Nomenclature nationale des motifs de fin d'activité."
                        placeholder="Choisissez un motif"
                        options={reasons}
                        required
                    />
                    <DraftTextField
                        draft={draft}
                        path="comment"
                        label={`${LABELS.comment} (facultatif)`}
                        hint="Une précision utile à l'ARS, 500 caractères au plus."
                        multiline
                        rows={3}
                        maxLength={500}
                    />
                    {textAt(p, "comment").length > 450 ? <CharactersLeft used={textAt(p, "comment").length} /> : null}
                </>
            )}
        </RequestEditor>
    );
}

function endDateHint(a: Activity | undefined): string {
    const since = a === undefined ? "" : `, au plus tôt le ${formatDate(a.startDate)} (début de l'activité)`;
    return `Le dernier jour d'exercice dans ce lieu${since}. Format attendu : jj/mm/aaaa.`;
}

function CharactersLeft({ used }: { used: number }) {
    return <p aria-live="polite">{`${Math.max(0, 500 - used)} caractères restants.`}</p>;
}

function ceaseSummary(p: CeaseActivityPayload, a: Activity | undefined, ref: Reference): Term[] {
    return [
        { term: "Demande", value: "Cessation d'activité" },
        { term: "Activité", value: a === undefined ? p.activityId : structureName(a) },
        { term: "Date de fin d'activité", value: formatDate(p.endDate) },
        { term: "Motif", value: ref.label("TRE_R25", p.reasonCode) },
        { term: "Commentaire", value: p.comment ?? "" }
    ];
}
