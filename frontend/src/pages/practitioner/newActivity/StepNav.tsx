import type { NewActivityPayload } from "../../../api";
import { AutosaveStatus, type RequestDraft } from "../../../forms";
import { Button, ButtonGroup, FormActions, Text } from "../../../ui";
import { errorsOfStep, STEPS, type StepNumber } from "./model";

/**
 * StepNav ends the first three steps: where the autosave stands, and the
 * way to the previous and next steps. Steps never block: a field left wrong
 * is shown again on the review step.
 */
export function StepNav({ step, draft, goTo }: { step: StepNumber; draft: RequestDraft<NewActivityPayload>; goTo: (step: StepNumber) => void }) {
    const next = STEPS[step];
    const toFix = errorsOfStep(draft.errors, step).length;
    return (
        <FormActions>
            <ButtonGroup>
                {step > 1 ? (
                    <Button
                        id="btn-previous"
                        priority="secondary"
                        icon="arrowLeft"
                        onClick={() => {
                            goTo((step - 1) as StepNumber);
                        }}
                    >
                        Précédent
                    </Button>
                ) : null}
                {next === undefined ? null : (
                    <Button
                        id="btn-next"
                        icon="arrowRight"
                        iconPosition="right"
                        onClick={() => {
                            goTo(next.number);
                        }}
                    >
                        {`Suivant : ${next.title}`}
                    </Button>
                )}
            </ButtonGroup>
            {toFix === 0 ? null : (
                <Text size="sm" muted>
                    {toFix === 1 ? "Un champ de cette étape est à corriger" : `${toFix} champs de cette étape sont à corriger`} : vous pouvez continuer et y revenir
                    avant de transmettre.
                </Text>
            )}
            <AutosaveStatus
                state={draft.autosave}
                onRetry={() => {
                    void draft.flush();
                }}
            />
        </FormActions>
    );
}
