import { RadioButtons as DsfrRadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { fr } from "@codegouvfr/react-dsfr";
import type { MouseEvent, ReactNode } from "react";
import { iconClass, type IconName } from "./icons";
import { Pictogram, type PictogramName } from "./pictograms";

// Pieces of the request forms: a checkbox with its own id, radio cards, a
// status line read out politely, a link that moves the focus to a field.

export interface CheckboxProps {
    /** The input's id (the label points to it). */
    id: string;
    label: ReactNode;
    checked: boolean;
    onChange: (checked: boolean) => void;
    hint?: ReactNode;
    disabled?: boolean;
    error?: string;
    /** Marks the error message with data-field-error. */
    errorFor?: string;
}

/** Checkbox is one DSFR checkbox whose input carries a given id. */
export function Checkbox({ id, label, checked, onChange, hint, disabled = false, error, errorFor }: CheckboxProps) {
    const hasError = error !== undefined && error !== "";
    const messageId = `${id}-messages`;
    return (
        <div className={fr.cx("fr-fieldset__element")}>
            <div className={fr.cx("fr-checkbox-group", hasError ? "fr-checkbox-group--error" : undefined)}>
                <input
                    type="checkbox"
                    id={id}
                    checked={checked}
                    disabled={disabled}
                    aria-describedby={hasError ? messageId : undefined}
                    aria-invalid={hasError ? true : undefined}
                    onChange={e => {
                        onChange(e.target.checked);
                    }}
                />
                <label className={fr.cx("fr-label")} htmlFor={id}>
                    {label}
                    {hint === undefined ? null : <span className={fr.cx("fr-hint-text")}>{hint}</span>}
                </label>
                <div className={fr.cx("fr-messages-group")} id={messageId} aria-live="polite">
                    {hasError ? (
                        <p className={fr.cx("fr-message", "fr-message--error")}>
                            <span data-field-error={errorFor}>{error}</span>
                        </p>
                    ) : null}
                </div>
            </div>
        </div>
    );
}

export interface RadioCardOption {
    value: string;
    label: ReactNode;
    hint?: ReactNode;
    pictogram?: PictogramName;
}

export interface RadioCardsProps {
    /** The fieldset's id; its radios are `${id}-0`, `${id}-1`… */
    id: string;
    legend: ReactNode;
    name: string;
    value: string;
    onChange: (value: string) => void;
    options: RadioCardOption[];
    hint?: ReactNode;
    error?: string;
    errorFor?: string;
}

/** RadioCards is a choice among a few rich options (bordered, with a pictogram). */
export function RadioCards({ id, legend, name, value, onChange, options, hint, error, errorFor }: RadioCardsProps) {
    const hasError = error !== undefined && error !== "";
    return (
        <DsfrRadioButtons
            id={id}
            legend={legend}
            name={name}
            hintText={hint}
            state={hasError ? "error" : "default"}
            stateRelatedMessage={hasError ? <span data-field-error={errorFor}>{error}</span> : undefined}
            options={options.map(o => ({
                label: o.label,
                hintText: o.hint,
                illustration: <Pictogram name={o.pictogram ?? "activities"} size="56px" />,
                nativeInputProps: {
                    value: o.value,
                    checked: value === o.value,
                    "aria-invalid": hasError ? true : undefined,
                    onChange: () => {
                        onChange(o.value);
                    }
                }
            }))}
        />
    );
}

export type StatusTone = "neutral" | "busy" | "success" | "error";

const STATUS_ICONS: Record<StatusTone, IconName> = { neutral: "info", busy: "refresh", success: "check", error: "warning" };

/**
 * StatusLine is a short line that screen readers read out when it changes
 * (role=status), e.g. the autosave's state. `action` sits beside it, outside
 * the live region.
 */
export function StatusLine({ id, tone, children, action }: { id: string; tone: StatusTone; children: ReactNode; action?: ReactNode }) {
    const color = tone === "error" ? "var(--text-default-error)" : tone === "success" ? "var(--text-default-success)" : "var(--text-mention-grey)";
    return (
        <div className="app-status-line">
            <p id={id} role="status" aria-live="polite" aria-atomic="true" className={fr.cx("fr-text--sm", "fr-mb-0")} style={{ color }}>
                <span className={fr.cx(iconClass(STATUS_ICONS[tone]), "fr-icon--sm", "fr-mr-1v")} aria-hidden="true" />
                {children}
            </p>
            {action}
        </div>
    );
}

/** FocusLink moves the focus to an element of the page (e.g. a field named in an error summary). */
export function FocusLink({ target, children }: { target: string; children: ReactNode }) {
    const focus = (e: MouseEvent<HTMLAnchorElement>) => {
        e.preventDefault();
        const el = document.getElementById(target);
        if (el === null) {
            return;
        }
        el.scrollIntoView({ block: "center" });
        el.focus();
    };
    return (
        <a className={fr.cx("fr-link")} href={`#${target}`} onClick={focus}>
            {children}
        </a>
    );
}

/** Focusable wraps a block the page moves the focus to (an error summary), without a focus ring on the whole block. */
export function Focusable({ id, children, innerRef }: { id: string; children: ReactNode; innerRef?: (el: HTMLDivElement | null) => void }) {
    return (
        <div id={id} tabIndex={-1} ref={innerRef} className="app-focusable">
            {children}
        </div>
    );
}

/** FormActions sets the form's final buttons apart, under a rule. */
export function FormActions({ children }: { children: ReactNode }) {
    return <div className="app-form-actions">{children}</div>;
}
