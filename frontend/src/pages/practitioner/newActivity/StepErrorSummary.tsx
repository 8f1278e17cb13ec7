import { ErrorSummaryFrame, type FieldErrors } from "../../../forms";
import { TextLink } from "../../../ui";
import { errorsOfStep, STEPS } from "./model";

export interface StepErrorSummaryProps {
    errors: FieldErrors;
    /** Changes at each refused transmission: the summary takes the focus again. */
    attempt: number;
    message: string;
    /** The link to a step, focusing a field there. */
    hrefOf: (step: number, field: string) => string;
}

/**
 * StepErrorSummary lists, after a refused transmission, the fields to fix
 * step by step; each link opens the step and moves the focus to the field
 * (the shared ErrorSummary links only to fields on the page, and a step
 * shows one part of the form).
 */
export function StepErrorSummary({ errors, attempt, message, hrefOf }: StepErrorSummaryProps) {
    const groups = STEPS.map(s => ({ step: s, errors: errorsOfStep(errors, s.number) })).filter(g => g.errors.length > 0);
    const count = groups.reduce((n, g) => n + g.errors.length, 0);
    return (
        <ErrorSummaryFrame count={count} attempt={attempt} message={message}>
            {groups.map(g => (
                <li key={g.step.number}>
                    {`Étape ${g.step.number} – ${g.step.title}`}
                    <ul>
                        {g.errors.map(e => (
                            <li key={e.field}>
                                <TextLink to={hrefOf(g.step.number, e.field)}>{e.label}</TextLink>
                                {` : ${e.message}`}
                            </li>
                        ))}
                    </ul>
                </li>
            ))}
        </ErrorSummaryFrame>
    );
}
