import { useState, type HTMLInputAutoCompleteAttribute, type ReactNode } from "react";
import { Checkbox, SelectField, TextField, type Option } from "../ui";
import { dayShown, dayToSave } from "./dates";
import { fieldId, getPath } from "./paths";
import { textAt, type DraftFields } from "./useRequestDraft";

// Fields bound to a draft by the payload's JSON path: the input's id is
// "field-<path>", its value is read from the local payload, a change sets it
// (and schedules the autosave), the latest error is shown beside it with
// data-field-error="<path>".

interface BoundProps {
    draft: DraftFields;
    /** The payload's JSON path ("endDate", "structure.siret"). */
    path: string;
    label: string;
    hint?: ReactNode;
    disabled?: boolean;
}

export interface DraftTextFieldProps extends BoundProps {
    /** "date": typed and shown jj/mm/aaaa whatever the OS locale, saved YYYY-MM-DD (see dates.ts). */
    type?: "text" | "email" | "tel" | "date";
    inputMode?: "text" | "numeric" | "email" | "tel";
    autoComplete?: HTMLInputAutoCompleteAttribute;
    maxLength?: number;
    multiline?: boolean;
    rows?: number;
    required?: boolean;
    /** Shown instead of the payload's value (e.g. a name filled in from the record). */
    displayValue?: string;
    /** Shown (green) under a value known to be right. */
    valid?: string;
    /** Fields reset to "" whenever this one changes (e.g. the INSEE code when the city changes). */
    resets?: readonly string[];
}

export function DraftTextField(props: DraftTextFieldProps) {
    return props.type === "date" ? <DraftDateField {...props} /> : <DraftPlainTextField {...props} />;
}

/** The value shown is the payload's as typed: never trimmed nor rewritten while typing (the Go side normalises). */
function DraftPlainTextField({ draft, path, label, hint, disabled = false, displayValue, resets = [], ...rest }: DraftTextFieldProps) {
    return (
        <TextField
            {...rest}
            id={fieldId(path)}
            name={path}
            label={label}
            hint={hint}
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
            disabled={disabled || !draft.editable}
        />
    );
}

/**
 * DraftDateField is a text field for a day, typed jj/mm/aaaa: the browser's
 * date input follows the OS locale (mm/dd/yyyy on an English system). What
 * is typed stays as typed; the payload gets YYYY-MM-DD once it is a day.
 */
function DraftDateField({ draft, path, label, hint, disabled = false, required, valid }: DraftTextFieldProps) {
    const [typed, setTyped] = useState<string | null>(null);
    return (
        <TextField
            id={fieldId(path)}
            name={path}
            label={label}
            hint={hint}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="jj/mm/aaaa"
            maxLength={10}
            required={required}
            valid={valid}
            value={dayShown(typed, textAt(draft.payload, path))}
            onChange={v => {
                setTyped(v);
                draft.setField(path, dayToSave(v));
            }}
            error={draft.errorOf(path)}
            errorFor={path}
            disabled={disabled || !draft.editable}
        />
    );
}

export interface DraftSelectFieldProps extends BoundProps {
    options: Option[];
    placeholder?: string;
    required?: boolean;
}

export function DraftSelectField({ draft, path, label, hint, disabled = false, options, placeholder, required }: DraftSelectFieldProps) {
    return (
        <SelectField
            id={fieldId(path)}
            name={path}
            label={label}
            hint={hint}
            options={options}
            placeholder={placeholder}
            required={required}
            value={textAt(draft.payload, path)}
            onChange={v => {
                draft.setField(path, v);
            }}
            error={draft.errorOf(path)}
            errorFor={path}
            disabled={disabled || !draft.editable}
        />
    );
}

export interface DraftCheckboxProps extends Omit<BoundProps, "label"> {
    label: ReactNode;
    /** Replaces the plain setField (e.g. to set another field with it). */
    onChange?: (checked: boolean) => void;
}

export function DraftCheckbox({ draft, path, label, hint, disabled = false, onChange }: DraftCheckboxProps) {
    return (
        <Checkbox
            id={fieldId(path)}
            label={label}
            hint={hint}
            checked={getPath(draft.payload, path) === true}
            onChange={c => {
                if (onChange === undefined) {
                    draft.setField(path, c);
                } else {
                    onChange(c);
                }
            }}
            error={draft.errorOf(path)}
            errorFor={path}
            disabled={disabled || !draft.editable}
        />
    );
}
