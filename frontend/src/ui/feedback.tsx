import { Alert as DsfrAlert } from "@codegouvfr/react-dsfr/Alert";
import { Badge as DsfrBadge } from "@codegouvfr/react-dsfr/Badge";
import { CallOut as DsfrCallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Highlight as DsfrHighlight } from "@codegouvfr/react-dsfr/Highlight";
import { Notice as DsfrNotice } from "@codegouvfr/react-dsfr/Notice";
import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { Button } from "./actions";
import { iconClass, type IconName } from "./icons";

export type Severity = "info" | "success" | "warning" | "error";

export interface AlertProps {
    severity: Severity;
    title?: string;
    children?: NonNullable<ReactNode>;
    /** Read out at once by screen readers (errors that just happened). */
    live?: boolean;
    small?: boolean;
    id?: string;
}

/** Alert tells of something that matters on this page: an error, a warning, a success. */
export function Alert({ severity, title, children, live = false, small = false, id }: AlertProps) {
    const role = live ? (severity === "error" ? "alert" : "status") : undefined;
    if (small || title === undefined) {
        return <DsfrAlert id={id} severity={severity} small description={children ?? title ?? ""} role={role} />;
    }
    if (children === undefined) {
        return <DsfrAlert id={id} severity={severity} title={title} role={role} as="h2" />;
    }
    return <DsfrAlert id={id} severity={severity} title={title} description={children} role={role} as="h2" />;
}

/** Notice is a banner-style information about the whole page or service. */
export function Notice({ title, children, severity = "info" }: { title: NonNullable<ReactNode>; children?: ReactNode; severity?: "info" | "warning" | "alert" }) {
    return <DsfrNotice title={title} description={children} severity={severity} />;
}

/** CallOut highlights a block of advice (e.g. the guide's tips). */
export function CallOut({ title, children, icon, titleAs = "h3" }: { title?: ReactNode; children: NonNullable<ReactNode>; icon?: IconName; titleAs?: "h2" | "h3" }) {
    return (
        <DsfrCallOut title={title} titleAs={titleAs} bodyAs="div" iconId={icon === undefined ? undefined : iconClass(icon)}>
            {children}
        </DsfrCallOut>
    );
}

/** Highlight sets a sentence apart, with a coloured bar. */
export function Highlight({ children }: { children: NonNullable<ReactNode> }) {
    return <DsfrHighlight>{children}</DsfrHighlight>;
}

export type BadgeTone = "info" | "new" | "success" | "error" | "warning" | "neutral";

/** Badge marks a status ("En cours", "Terminée"). */
export function Badge({ children, tone = "neutral", small = true, noIcon = true }: { children: string; tone?: BadgeTone; small?: boolean; noIcon?: boolean }) {
    return (
        <DsfrBadge as="span" small={small} noIcon={noIcon} severity={tone === "neutral" ? undefined : tone}>
            {children}
        </DsfrBadge>
    );
}

/** InlineWarning is a short inline warning with an icon (e.g. on a tile). */
export function InlineWarning({ children }: { children: ReactNode }) {
    return (
        <span style={{ color: fr.colors.decisions.text.default.warning.default }}>
            <span className={fr.cx(iconClass("warning"), "fr-icon--sm", "fr-mr-1v")} aria-hidden="true" />
            {children}
        </span>
    );
}

/** Loading tells that a part of the page is loading; screen readers hear it. */
export function Loading({ label = "Chargement en cours…" }: { label?: string }) {
    return (
        <p role="status" aria-live="polite" className={fr.cx("fr-text--sm")} style={{ color: fr.colors.decisions.text.mention.grey.default }}>
            <span className={fr.cx("fr-icon-refresh-line", "fr-icon--sm", "fr-mr-1w")} aria-hidden="true" />
            {label}
        </p>
    );
}

/**
 * RetryAlert tells that something could not be read or opened, why, and
 * offers « Réessayer » beside the reason.
 */
export function RetryAlert({ title, children, onRetry, severity = "error", live = false }: { title: string; children: ReactNode; onRetry: () => void; severity?: "error" | "warning"; live?: boolean }) {
    return (
        <Alert severity={severity} title={title} live={live}>
            <>
                {children}{" "}
                <Button priority="tertiary-no-outline" size="small" icon="refresh" onClick={onRetry}>
                    Réessayer
                </Button>
            </>
        </Alert>
    );
}
