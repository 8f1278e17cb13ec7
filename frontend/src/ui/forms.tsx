import { Checkbox as DsfrCheckbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input as DsfrInput } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons as DsfrRadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select as DsfrSelect } from "@codegouvfr/react-dsfr/Select";
import { ToggleSwitch as DsfrToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import type { HTMLInputAutoCompleteAttribute, ReactNode, SyntheticEvent } from "react";

// Form fields: each has a visible label; an error message is linked to its
// field by the design system (aria-describedby) and announced. `errorFor`
// marks the element holding the message with data-field-error="<errorFor>"
// (the payload's JSON path: end-to-end tests find the message by it).

/** invalid marks a field in error for assistive technologies (aria-invalid="true"); the design system links the message with aria-describedby. */
function invalid(error: string | undefined): { "aria-invalid"?: true } {
    return error !== undefined && error !== "" ? { "aria-invalid": true } : {};
}

function state(error: string | undefined, valid?: string, errorFor?: string) {
    if (error !== undefined && error !== "") {
        return { state: "error" as const, stateRelatedMessage: errorFor === undefined ? error : <span data-field-error={errorFor}>{error}</span> };
    }
    if (valid !== undefined && valid !== "") {
        return { state: "success" as const, stateRelatedMessage: valid };
    }
    return { state: "default" as const };
}

export interface TextFieldProps {
    label: string;
    value: string;
    onChange: (value: string) => void;
    id?: string;
    name?: string;
    hint?: ReactNode;
    error?: string;
    /** Marks the error message with data-field-error (see state()). */
    errorFor?: string;
    /** A message shown when the value is right. */
    valid?: string;
    type?: "text" | "email" | "tel" | "date" | "search" | "password";
    inputMode?: "text" | "numeric" | "email" | "tel" | "search";
    autoComplete?: HTMLInputAutoCompleteAttribute;
    maxLength?: number;
    required?: boolean;
    disabled?: boolean;
    placeholder?: string;
    /** A control beside the input (e.g. a search button). */
    action?: ReactNode;
    multiline?: boolean;
    rows?: number;
}

export function TextField(props: TextFieldProps) {
    const { label, value, onChange, id, name, hint, error, errorFor, valid, type = "text", inputMode, autoComplete, maxLength, required, disabled, placeholder, action, multiline = false, rows = 4 } = props;
    if (multiline) {
        return (
            <DsfrInput
                label={label}
                hintText={hint}
                disabled={disabled}
                {...state(error, valid, errorFor)}
                textArea
                nativeTextAreaProps={{ id, name, value, rows, maxLength, required, placeholder, ...invalid(error), onChange: e => { onChange(e.target.value); } }}
            />
        );
    }
    return (
        <DsfrInput
            label={label}
            hintText={hint}
            disabled={disabled}
            action={action}
            {...state(error, valid, errorFor)}
            nativeInputProps={{ id, name, value, type, inputMode, autoComplete, maxLength, required, placeholder, spellCheck: false, ...invalid(error), onChange: e => { onChange(e.target.value); } }}
        />
    );
}

export interface Option {
    value: string;
    label: string;
    hint?: string;
}

export interface SelectFieldProps {
    label: string;
    value: string;
    onChange: (value: string) => void;
    options: Option[];
    placeholder?: string;
    id?: string;
    name?: string;
    hint?: ReactNode;
    error?: string;
    /** Marks the error message with data-field-error (see state()). */
    errorFor?: string;
    required?: boolean;
    disabled?: boolean;
}

export function SelectField({ label, value, onChange, options, placeholder = "Sélectionnez une option", id, name, hint, error, errorFor, required, disabled }: SelectFieldProps) {
    return (
        <DsfrSelect label={label} hint={hint} disabled={disabled} {...state(error, undefined, errorFor)} nativeSelectProps={{ id, name, value, required, ...invalid(error), onChange: e => { onChange(e.target.value); } }}>
            {/* An option of its own for "" (« Non précisé ») replaces the placeholder: two options of the same value would send the keyboard back to the first. */}
            {options.some(o => o.value === "") ? null : (
                <option value="" disabled hidden>
                    {placeholder}
                </option>
            )}
            {options.map(o => (
                <option key={o.value} value={o.value}>
                    {o.label}
                </option>
            ))}
        </DsfrSelect>
    );
}

export interface RadioGroupProps {
    legend: string;
    name: string;
    value: string;
    onChange: (value: string) => void;
    options: Option[];
    hint?: ReactNode;
    error?: string;
    inline?: boolean;
}

export function RadioGroup({ legend, name, value, onChange, options, hint, error, inline = false }: RadioGroupProps) {
    return (
        <DsfrRadioButtons
            legend={legend}
            name={name}
            hintText={hint}
            orientation={inline ? "horizontal" : "vertical"}
            {...state(error)}
            options={options.map(o => ({
                label: o.label,
                hintText: o.hint,
                nativeInputProps: { value: o.value, checked: value === o.value, ...invalid(error), onChange: () => { onChange(o.value); } }
            }))}
        />
    );
}

export interface CheckboxFieldProps {
    label: string;
    checked: boolean;
    onChange: (checked: boolean) => void;
    hint?: string;
    name?: string;
    error?: string;
}

export function CheckboxField({ label, checked, onChange, hint, name, error }: CheckboxFieldProps) {
    return (
        <DsfrCheckbox
            {...state(error)}
            options={[{ label, hintText: hint, nativeInputProps: { name, checked, ...invalid(error), onChange: e => { onChange(e.target.checked); } } }]}
        />
    );
}

export function Toggle({ label, checked, onChange, hint, id }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string; id?: string }) {
    return <DsfrToggleSwitch id={id} label={label} helperText={hint} checked={checked} onChange={c => { onChange(c); }} showCheckedHint />;
}

/** Form wraps fields; it never reloads the page on submit. */
export function Form({ children, onSubmit, label }: { children: ReactNode; onSubmit: () => void; label?: string }) {
    const submit = (e: SyntheticEvent<HTMLFormElement>) => {
        e.preventDefault();
        onSubmit();
    };
    return (
        <form onSubmit={submit} aria-label={label} noValidate>
            {children}
        </form>
    );
}
