import { useEffect, useRef, type ReactNode } from "react";
import { Alert, Focusable, FocusLink, Spacer, Text } from "../ui";
import { orderedErrors, type FieldErrors } from "./fieldErrors";
import { fieldId } from "./paths";

export const ERROR_SUMMARY_ID = "error-summary";

export interface ErrorSummaryProps {
    /** The errors to list (those beside the fields). */
    errors: FieldErrors;
    /** Each field's label, by JSON path. */
    labels: Readonly<Record<string, string>>;
    /** Changes at each refused transmission: the summary takes the focus again. */
    attempt: number;
    message: string;
}

/**
 * ErrorSummary lists, after a refused transmission, the fields to fix, each
 * a link that moves the focus to the field. It takes the focus itself so
 * that screen reader users hear it.
 */
export function ErrorSummary({ errors, labels, attempt, message }: ErrorSummaryProps) {
    const list = orderedErrors(errors, Object.keys(labels));
    return (
        <ErrorSummaryFrame count={list.length} attempt={attempt} message={message}>
            {list.map(e => (
                <li key={e.field}>
                    <FocusLink target={fieldId(e.field)}>{labels[e.field] ?? e.field}</FocusLink>
                    {` : ${e.message}`}
                </li>
            ))}
        </ErrorSummaryFrame>
    );
}

export interface ErrorSummaryFrameProps {
    /** How many fields to fix; nothing is shown when 0. */
    count: number;
    attempt: number;
    message: string;
    /** The list's items. */
    children: ReactNode;
}

/**
 * ErrorSummaryFrame is the summary's frame, for forms that list their fields
 * their own way (a stepped form groups them by step): the alert, the count,
 * and the focus taken once per refused transmission.
 */
export function ErrorSummaryFrame({ count, attempt, message, children }: ErrorSummaryFrameProps) {
    const el = useRef<HTMLDivElement | null>(null);
    const shown = count > 0;
    useEffect(() => {
        if (shown) {
            el.current?.focus();
        }
        // Focus once per refused transmission, not at each keystroke.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [attempt]);
    if (!shown) {
        return null;
    }
    return (
        <Focusable
            id={ERROR_SUMMARY_ID}
            innerRef={node => {
                el.current = node;
            }}
        >
            <Alert severity="error" title="Votre demande n'a pas été transmise">
                <>
                    <Text>{message}</Text>
                    <Text noMargin>{count === 1 ? "Le champ à corriger :" : `Les ${count} champs à corriger :`}</Text>
                    <ul>{children}</ul>
                </>
            </Alert>
            <Spacer size="md" />
        </Focusable>
    );
}
