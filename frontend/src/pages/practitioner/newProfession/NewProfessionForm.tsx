import type { NewProfessionPayload, Practitioner } from "../../../api";
import { DraftSelectField, DraftTextField, fieldId, RequestEditor, useRequestDraft } from "../../../forms";
import { formatDate } from "../../../format";
import { useReference } from "../../../reference/useReference";
import type { Reference } from "../../../reference/lookup";
import { Heading, RadioField, type Term } from "../../../ui";
import { offeredProfessions } from "./professionChoices";

/** The fields of a new profession, in the form's order, with their labels (the error summary's links). */
const LABELS = {
    professionCode: "Nouvelle profession",
    categoryCode: "Catégorie professionnelle",
    since: "Date d'obtention du diplôme ou de l'autorisation d'exercice",
    diploma: "Titre ou diplôme permettant l'exercice"
} as const;

/** NewProfessionForm adds a profession to the RPPS number; autosaved, then transmitted. */
export function NewProfessionForm({ practitioner: p, requestId }: { practitioner: Practitioner; requestId: string }) {
    const ref = useReference();
    const draft = useRequestDraft<NewProfessionPayload>({ rpps: p.rpps, kind: "new_profession", requestId });
    const categories = ref.options("TRE_R09").map(c => ({ value: c.code, label: c.label }));

    return (
        <RequestEditor draft={draft} rpps={p.rpps} labels={LABELS} summary={payload => professionSummary(payload, ref)}>
            {payload => (
                <>
                    <Heading level={2} look="h5">
                        La profession à ajouter
                    </Heading>
                    <DraftSelectField
                        draft={draft}
                        path="professionCode"
                        label={LABELS.professionCode}
                        hint="Les professions que vous exercez déjà, et celles qu'enregistre un Ordre, ne sont pas proposées."
                        placeholder="Choisissez une profession"
                        options={offeredProfessions(p.addableProfessions, payload.professionCode, ref.professionLabel)}
                        required
                    />
                    <RadioField
                        id={fieldId("categoryCode")}
                        name="categoryCode"
                        legend={LABELS.categoryCode}
                        hint="Nomenclature nationale des catégories professionnelles. Le plus souvent : Civil."
                        options={categories}
                        value={payload.categoryCode}
                        onChange={v => {
                            draft.setField("categoryCode", v);
                        }}
                        error={draft.errorOf("categoryCode")}
                        errorFor="categoryCode"
                        disabled={!draft.editable}
                        inline
                    />
                    <DraftTextField
                        draft={draft}
                        path="since"
                        type="date"
                        label={LABELS.since}
                        hint="La date à partir de laquelle vous pouvez exercer cette profession ; elle ne peut pas être dans le futur. Format attendu : jj/mm/aaaa."
                        required
                    />
                    <DraftTextField
                        draft={draft}
                        path="diploma"
                        label={`${LABELS.diploma} (facultatif)`}
                        hint="Par exemple : Diplôme d'État d'audioprothésiste. 150 caractères au plus."
                        maxLength={150}
                    />
                </>
            )}
        </RequestEditor>
    );
}

function professionSummary(p: NewProfessionPayload, ref: Reference): Term[] {
    return [
        { term: "Demande", value: "Nouvelle profession" },
        { term: "Profession", value: ref.professionLabel(p.professionCode) },
        { term: "Catégorie professionnelle", value: ref.label("TRE_R09", p.categoryCode) },
        { term: "Diplôme ou autorisation obtenu le", value: formatDate(p.since) },
        { term: "Titre ou diplôme", value: p.diploma ?? "" }
    ];
}
