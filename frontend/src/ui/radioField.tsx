import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

// A DSFR radio group whose inputs have known ids: the first radio is `id`
// (what an error summary links to and focuses), the next ones `${id}-1`,
// `${id}-2`… (react-dsfr's RadioButtons numbers every input after the
// fieldset's id, so a field's id could not be focused).

export interface RadioFieldOption {
    value: string;
    label: ReactNode;
    hint?: ReactNode;
}

export interface RadioFieldProps {
    /** The first radio's id; the fieldset is `${id}-fieldset`. */
    id: string;
    legend: ReactNode;
    name: string;
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

/** RadioField is a choice among a few plain options (DSFR radio buttons). */
export function RadioField({ id, legend, name, value, onChange, options, hint, error, errorFor, inline = false, disabled = false }: RadioFieldProps) {
    const hasError = error !== undefined && error !== "";
    const fieldsetId = `${id}-fieldset`;
    const legendId = `${fieldsetId}-legend`;
    const messagesId = `${fieldsetId}-messages`;
    return (
        <fieldset
            id={fieldsetId}
            className={fr.cx("fr-fieldset", hasError ? "fr-fieldset--error" : undefined)}
            aria-labelledby={`${legendId} ${messagesId}`}
            role={hasError ? "group" : undefined}
            disabled={disabled}
        >
            <legend id={legendId} className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>
                {legend}
                {hint === undefined ? null : <span className={fr.cx("fr-hint-text")}>{hint}</span>}
            </legend>
            {options.map((o, i) => {
                const inputId = i === 0 ? id : `${id}-${i}`;
                return (
                    <div key={o.value} className={fr.cx("fr-fieldset__element", inline ? "fr-fieldset__element--inline" : undefined)}>
                        <div className={fr.cx("fr-radio-group")}>
                            <input
                                type="radio"
                                id={inputId}
                                name={name}
                                value={o.value}
                                checked={value === o.value}
                                aria-invalid={hasError ? true : undefined}
                                aria-describedby={hasError ? messagesId : undefined}
                                onChange={() => {
                                    onChange(o.value);
                                }}
                            />
                            <label className={fr.cx("fr-label")} htmlFor={inputId}>
                                {o.label}
                                {o.hint === undefined ? null : <span className={fr.cx("fr-hint-text")}>{o.hint}</span>}
                            </label>
                        </div>
                    </div>
                );
            })}
            <div className={fr.cx("fr-messages-group")} id={messagesId} aria-live="assertive">
                {hasError ? (
                    <p className={fr.cx("fr-message", "fr-message--error")}>
                        <span data-field-error={errorFor}>{error}</span>
                    </p>
                ) : null}
            </div>
        </fieldset>
    );
}
