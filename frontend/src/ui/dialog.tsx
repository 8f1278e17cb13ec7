import { Button as DsfrButton } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { iconClass, type IconName } from "./icons";

export interface ConfirmDialogProps {
    /** The dialog's id (unique on the page). */
    id: string;
    title: string;
    children: ReactNode;
    confirmLabel: string;
    cancelLabel?: string;
    onConfirm: () => void;
    /** The button that opens the dialog. */
    trigger: { label: string; id?: string; icon?: IconName; priority?: "primary" | "secondary" | "tertiary"; disabled?: boolean };
}

/**
 * ConfirmDialog asks before an action that cannot be undone (a DSFR modal:
 * focus kept inside, Escape closes it, the focus goes back to the trigger).
 */
export function ConfirmDialog({ id, title, children, confirmLabel, cancelLabel = "Annuler", onConfirm, trigger }: ConfirmDialogProps) {
    const [modal] = useState(() => createModal({ id, isOpenedByDefault: false }));
    const triggerProps = { ...modal.buttonProps, id: trigger.id ?? modal.buttonProps.id, type: "button" as const };
    const priority = trigger.priority ?? "secondary";
    return (
        <>
            {trigger.icon === undefined ? (
                <DsfrButton priority={priority} disabled={trigger.disabled} nativeButtonProps={triggerProps}>
                    {trigger.label}
                </DsfrButton>
            ) : (
                <DsfrButton priority={priority} disabled={trigger.disabled} iconId={iconClass(trigger.icon)} nativeButtonProps={triggerProps}>
                    {trigger.label}
                </DsfrButton>
            )}
            {/* In <body>: the trigger may sit in a button group, whose styles must not reach the dialog. */}
            {createPortal(
                <modal.Component
                    title={title}
                    titleAs="h2"
                    buttons={[
                        { children: cancelLabel, priority: "secondary" },
                        { children: confirmLabel, priority: "primary", onClick: onConfirm, nativeButtonProps: { id: `${id}-confirm` } }
                    ]}
                >
                    {children}
                </modal.Component>,
                document.body
            )}
        </>
    );
}
