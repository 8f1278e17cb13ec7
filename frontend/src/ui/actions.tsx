import { Button as DsfrButton } from "@codegouvfr/react-dsfr/Button";
import { Download as DsfrDownload } from "@codegouvfr/react-dsfr/Download";
import { fr } from "@codegouvfr/react-dsfr";
import { Link as RouterLink } from "react-router-dom";
import { Children, type ReactNode } from "react";
import { iconClass, type IconName } from "./icons";

export type Priority = "primary" | "secondary" | "tertiary" | "tertiary-no-outline";

const PRIORITY = {
    primary: "primary",
    secondary: "secondary",
    tertiary: "tertiary",
    "tertiary-no-outline": "tertiary no outline"
} as const;

interface CommonButtonProps {
    children: ReactNode;
    priority?: Priority;
    size?: "small" | "medium" | "large";
    icon?: IconName;
    iconPosition?: "left" | "right";
    id?: string;
}

export interface ButtonProps extends CommonButtonProps {
    onClick?: () => void;
    type?: "button" | "submit" | "reset";
    disabled?: boolean;
    /** Names what the button controls (aria-controls), e.g. a toggled list. */
    controls?: string;
}

/** Button does something on this page. */
export function Button({ children, priority = "primary", size, icon, iconPosition = "left", id, onClick, type = "button", disabled, controls }: ButtonProps) {
    const nativeButtonProps = controls === undefined ? undefined : { "aria-controls": controls };
    if (icon !== undefined) {
        return (
            <DsfrButton id={id} priority={PRIORITY[priority]} size={size} iconId={iconClass(icon)} iconPosition={iconPosition} onClick={onClick} type={type} disabled={disabled} nativeButtonProps={nativeButtonProps}>
                {children}
            </DsfrButton>
        );
    }
    return (
        <DsfrButton id={id} priority={PRIORITY[priority]} size={size} onClick={onClick} type={type} disabled={disabled} nativeButtonProps={nativeButtonProps}>
            {children}
        </DsfrButton>
    );
}

export interface ButtonLinkProps extends CommonButtonProps {
    /** A route of the app. */
    to: string;
}

/** ButtonLink looks like a button and goes to another page of the app. */
export function ButtonLink({ children, priority = "primary", size, icon, iconPosition = "left", id, to }: ButtonLinkProps) {
    if (icon !== undefined) {
        return (
            <DsfrButton id={id} priority={PRIORITY[priority]} size={size} iconId={iconClass(icon)} iconPosition={iconPosition} linkProps={{ to }}>
                {children}
            </DsfrButton>
        );
    }
    return (
        <DsfrButton id={id} priority={PRIORITY[priority]} size={size} linkProps={{ to }}>
            {children}
        </DsfrButton>
    );
}

/** ButtonGroup lines up buttons, stacked on phones. */
export function ButtonGroup({ children, align = "left" }: { children: ReactNode; align?: "left" | "right" | "center" }) {
    return (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left", align === "right" ? "fr-btns-group--right" : align === "center" ? "fr-btns-group--center" : undefined)}>
            {Children.toArray(children).map((child, i) => (
                <li key={i}>{child}</li>
            ))}
        </ul>
    );
}

/** TextLink is a link inside text to another page of the app. */
export function TextLink({ to, children, icon, id }: { to: string; children: ReactNode; icon?: IconName; id?: string }) {
    return (
        <RouterLink id={id} to={to} className={fr.cx("fr-link", icon === undefined ? undefined : iconClass(icon), icon === undefined ? undefined : "fr-link--icon-left")}>
            {children}
        </RouterLink>
    );
}

/** ExternalLink points outside the app (opens in the system browser / a new tab). */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
    return (
        <a className={fr.cx("fr-link")} href={href} target="_blank" rel="noopener noreferrer" title={`${typeof children === "string" ? children : "Lien externe"} - nouvelle fenêtre`}>
            {children}
        </a>
    );
}

/** DownloadLink offers a file (e.g. a PDF served by the local service). */
export function DownloadLink({ label, details, href }: { label: ReactNode; details: ReactNode; href: string }) {
    return <DsfrDownload label={label} details={details} linkProps={{ href, download: true }} />;
}
