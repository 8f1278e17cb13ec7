import { fr } from "@codegouvfr/react-dsfr";
import { Link as RouterLink } from "react-router-dom";
import { iconClass } from "./icons";

// The synchronisation's state in the header: a link to the « Serveur
// eRPPS » page saying the state in words (never colour alone), the changes
// waiting and the last sync. Drawn twice by the DSFR header (desktop tools
// and the mobile menu): no id, found by data-sync-state.

export type SyncIndicatorTone = "success" | "info" | "warning" | "error";

export interface SyncIndicatorProps {
    to: string;
    /** « En ligne »; undefined when no server is configured (the link says « Serveur eRPPS »). */
    label?: string;
    tone?: SyncIndicatorTone;
    state: string;
    /** Shorter facts under the label (« 2 modifications en attente d'envoi »). */
    details?: string[];
}

const ICONS = {
    success: iconClass("check"),
    info: iconClass("refresh"),
    warning: iconClass("warning"),
    error: iconClass("lock")
} as const;

export function SyncIndicator({ to, label, tone = "info", state, details = [] }: SyncIndicatorProps) {
    if (label === undefined) {
        return (
            <RouterLink to={to} className={fr.cx("fr-btn", iconClass("account"))} data-sync-state={state}>
                Serveur eRPPS
            </RouterLink>
        );
    }
    return (
        <RouterLink to={to} className={fr.cx("fr-btn", ICONS[tone]) + ` app-sync app-sync--${tone}`} data-sync-state={state} title="Serveur eRPPS : état de la synchronisation">
            <span className="app-sync__text">
                <span className="app-sync__label">{label}</span>
                {details.map(d => (
                    <span key={d} className={fr.cx("fr-text--xs") + " app-sync__detail"}>
                        {d}
                    </span>
                ))}
            </span>
        </RouterLink>
    );
}

/** ScreenReaderStatus says a short text to screen readers when it changes (polite), shown to no one. */
export function ScreenReaderStatus({ text }: { text: string }) {
    return (
        <p className={fr.cx("fr-sr-only")} role="status" aria-live="polite">
            {text}
        </p>
    );
}
