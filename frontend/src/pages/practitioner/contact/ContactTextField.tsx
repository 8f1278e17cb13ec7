import type { HTMLInputAutoCompleteAttribute, ReactNode } from "react";
import { fieldId, textAt, type DraftFields } from "../../../forms";
import { TextField } from "../../../ui";

// A text field bound to the draft like src/forms' DraftTextField (id
// "field-<path>", error with data-field-error="<path>"), with two additions
// the contact form needs: a success message under a value the Go side
// accepted, and a change that also resets related fields.

export interface ContactTextFieldProps {
    draft: DraftFields;
    path: string;
    label: string;
    hint?: ReactNode;
    /** Shown (green) under a value known to be right. */
    valid?: string;
    /** Shown instead of the payload's value at `path`. */
    displayValue?: string;
    /** Fields reset to "" whenever this one changes (e.g. the INSEE code when the city changes). */
    resets?: readonly string[];
    type?: "text" | "email" | "tel";
    inputMode?: "text" | "numeric" | "email" | "tel";
    autoComplete?: HTMLInputAutoCompleteAttribute;
    maxLength?: number;
    required?: boolean;
}

export function ContactTextField({ draft, path, label, hint, valid, displayValue, resets = [], ...rest }: ContactTextFieldProps) {
    return (
        <TextField
            {...rest}
            id={fieldId(path)}
            name={path}
            label={label}
            hint={hint}
            valid={valid}
            value={displayValue ?? textAt(draft.payload, path)}
            onChange={v => {
                draft.setField(path, v);
                for (const other of resets) {
                    if (textAt(draft.payload, other) !== "") {
                        draft.setField(other, "");
                    }
                }
            }}
            error={draft.errorOf(path)}
            errorFor={path}
            disabled={!draft.editable}
        />
    );
}
