import type { Activity, NewActivityPayload } from "../../../api";
import { GuidanceList, type RequestDraft } from "../../../forms";
import { useReference } from "../../../reference/useReference";
import { Alert, Button, DescriptionList, Panel, Spacer, Stack, Text, type Term } from "../../../ui";
import { errorsOfStep, STEPS, type StepNumber } from "./model";
import { exerciseTerms, goDepartment, moveTerms, placeDepartment, structureTerms } from "./summary";

export interface ReviewStepProps {
    draft: RequestDraft<NewActivityPayload>;
    payload: NewActivityPayload;
    rpps: string;
    current: readonly Activity[];
    goTo: (step: StepNumber, field?: string) => void;
}

/**
 * ReviewStep is the last step: what will be sent, step by step (each with its
 * "Modifier" and the fields still to correct), then the guide's rules that
 * apply (GuidanceList: its buttons start a cessation or answer the
 * "moved cabinet" question).
 */
export function ReviewStep({ draft, payload, rpps, current, goTo }: ReviewStepProps) {
    const ref = useReference();
    const fromGo = goDepartment(draft.request, draft.validation);
    const department = placeDepartment(payload.structure, fromGo);
    const sections: { step: StepNumber; terms: Term[] }[] = [
        { step: 1, terms: structureTerms(payload, ref, fromGo) },
        { step: 2, terms: exerciseTerms(payload, ref) },
        { step: 3, terms: moveTerms(payload, current, draft.validation.moveEndDate ?? "") }
    ];
    return (
        <>
            <Text>Vérifiez votre demande avant de la transmettre à l'ARS{department === "" ? "" : ` (département ${ref.departmentLabel(department)})`}.</Text>
            <Stack gap="md" id="new-activity-review">
                {sections.map(s => (
                    <ReviewSection key={s.step} step={s.step} terms={s.terms} draft={draft} goTo={goTo} />
                ))}
            </Stack>
            <Spacer size="lg" />
            <GuidanceList guidance={draft.validation.guidance} rpps={rpps} draft={draft} />
        </>
    );
}

function ReviewSection({ step, terms, draft, goTo }: { step: StepNumber; terms: Term[]; draft: RequestDraft<NewActivityPayload>; goTo: ReviewStepProps["goTo"] }) {
    const errors = errorsOfStep(draft.errors, step);
    const title = STEPS[step - 1]?.title ?? "";
    return (
        <Panel
            id={`review-step-${step}`}
            titleAs="h3"
            title={`${step}. ${title}`}
            actions={
                <Button
                    id={`btn-edit-step-${step}`}
                    priority="tertiary"
                    size="small"
                    icon="edit"
                    onClick={() => {
                        goTo(step);
                    }}
                >
                    Modifier
                </Button>
            }
        >
            <DescriptionList items={terms} />
            {errors.length === 0 ? null : (
                <Alert severity="error" small>
                    <>
                        {`${errors.length === 1 ? "Un champ à corriger" : `${errors.length} champs à corriger`} : ${errors.map(e => e.label).join(", ")}. `}
                        <Button
                            priority="tertiary-no-outline"
                            size="small"
                            onClick={() => {
                                goTo(step, errors[0]?.field);
                            }}
                        >
                            Corriger
                        </Button>
                    </>
                </Alert>
            )}
        </Panel>
    );
}
