import { RadioButtons as DsfrRadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { ReactNode } from "react";

// A plain radio group bound to one value, with the hooks the request forms
// need: the fieldset's id (its radios are `${id}-0`, `${id}-1`… in the
// options' order), the error marked with data-field-error, and disabling.

export interface RadioFieldOption {
    value: string;
    label: ReactNode;
    hint?: ReactNode;
}

export interface RadioFieldProps {
    /** The fieldset's id; its radios are `${id}-0`, `${id}-1`… */
    id: string;
    /** The radios' name (end-to-end tests pick a radio by name and value). */
    name: string;
    legend: ReactNode;
    value: string;
    onChange: (value: string) => void;
    options: RadioFieldOption[];
    hint?: ReactNode;
    error?: string;
    /** Marks the error message with data-field-error. */
    errorFor?: string;
    /** Side by side from 768 px (short options). */
    inline?: boolean;
    disabled?: boolean;
}

/** RadioField is a DSFR radio group for one choice among a few short options. */
export function RadioField({ id, name, legend, value, onChange, options, hint, error, errorFor, inline = false, disabled = false }: RadioFieldProps) {
    const hasError = error !== undefined && error !== "";
    return (
        <DsfrRadioButtons
            id={id}
            name={name}
            legend={legend}
            hintText={hint}
            orientation={inline ? "horizontal" : "vertical"}
            disabled={disabled}
            state={hasError ? "error" : "default"}
            stateRelatedMessage={hasError ? <span data-field-error={errorFor}>{error}</span> : undefined}
            options={options.map(o => ({
                label: o.label,
                hintText: o.hint,
                nativeInputProps: {
                    value: o.value,
                    checked: value === o.value,
                    onChange: () => {
                        onChange(o.value);
                    }
                }
            }))}
        />
    );
}
