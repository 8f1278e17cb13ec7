import { Badge as DsfrBadge } from "@codegouvfr/react-dsfr/Badge";
import { Footer as DsfrFooter } from "@codegouvfr/react-dsfr/Footer";
import { Header as DsfrHeader } from "@codegouvfr/react-dsfr/Header";
import { fr } from "@codegouvfr/react-dsfr";
import type { JSX, MouseEvent, ReactNode } from "react";
import { iconClass, type IconName } from "./icons";

// The frame of every page: skip links, the State header, the footer.

export interface QuickLink {
    label: string;
    to: string;
    icon: IconName;
}

/** A button of the header's quick access (e.g. « Se déconnecter »); `action` is set as data-action (tests find it by it). */
export interface QuickButton {
    label: string;
    icon: IconName;
    onClick: () => void;
    action: string;
}

export interface SiteHeaderProps {
    serviceTitle: string;
    tagline: string;
    homeTitle: string;
    quickLinks: QuickLink[];
    quickButtons?: QuickButton[];
    /** A short badge after the service title (e.g. "Démo"). */
    badge?: string;
    /** Shown first in the quick access (the synchronisation's state). */
    status?: JSX.Element;
}

export function SiteHeader({ serviceTitle, tagline, homeTitle, quickLinks, quickButtons = [], badge, status }: SiteHeaderProps) {
    return (
        <DsfrHeader
            id="header"
            brandTop={
                <>
                    République
                    <br />
                    Française
                </>
            }
            homeLinkProps={{ to: "/", title: homeTitle }}
            serviceTitle={
                badge === undefined ? (
                    serviceTitle
                ) : (
                    <>
                        {serviceTitle}{" "}
                        <DsfrBadge as="span" noIcon severity="success">
                            {badge}
                        </DsfrBadge>
                    </>
                )
            }
            serviceTagline={tagline}
            quickAccessItems={[
                ...(status === undefined ? [] : [status]),
                ...quickLinks.map(l => ({ iconId: iconClass(l.icon), text: l.label, linkProps: { to: l.to } })),
                ...quickButtons.map(b => ({ iconId: iconClass(b.icon), text: b.label, buttonProps: { type: "button" as const, onClick: b.onClick, "data-action": b.action } }))
            ]}
        />
    );
}

export interface SiteFooterProps {
    description: ReactNode;
    /** The title of the link to the home page. */
    homeTitle?: string;
    /** Short facts shown in the bottom line (version, mode...). */
    bottomNotes: string[];
}

export function SiteFooter({ description, bottomNotes, homeTitle = "Accueil - eRPPS Desktop" }: SiteFooterProps) {
    return (
        <DsfrFooter
            id="footer"
            accessibility="non compliant"
            contentDescription={description}
            brandTop={
                <>
                    République
                    <br />
                    Française
                </>
            }
            homeLinkProps={{ to: "/", title: homeTitle }}
            domains={[]}
            accessibilityLinkProps={{ to: "/accessibilite" }}
            bottomItems={bottomNotes.map(note => (
                <span key={note} className={fr.cx("fr-footer__bottom-link")}>
                    {note}
                </span>
            ))}
            license={
                <>
                    Sauf mention contraire, tous les contenus de ce site sont sous licence etalab-2.0. Le Système de Design de l'État (DSFR) est
                    utilisé selon ses modalités d'utilisation, pour le compte des Agences Régionales de Santé et de l'Agence du Numérique en Santé.
                </>
            }
        />
    );
}

export interface SkipLink {
    label: string;
    /** The id of the element to reach. */
    target: string;
}

/**
 * SkipLinks lets keyboard users jump to the content or the footer. With hash
 * routing a plain "#content" link would change the route, so the link moves
 * focus itself.
 */
export function SkipLinks({ links }: { links: SkipLink[] }) {
    const jump = (e: MouseEvent<HTMLAnchorElement>, target: string) => {
        e.preventDefault();
        const el = document.getElementById(target);
        if (el === null) {
            return;
        }
        if (!el.hasAttribute("tabindex")) {
            el.setAttribute("tabindex", "-1");
        }
        el.focus();
        el.scrollIntoView();
    };
    return (
        <div className={fr.cx("fr-skiplinks")}>
            <nav className={fr.cx("fr-container")} role="navigation" aria-label="Accès rapide">
                <ul className={fr.cx("fr-skiplinks__list")}>
                    {links.map(l => (
                        <li key={l.target}>
                            <a className={fr.cx("fr-link")} href={`#${l.target}`} onClick={e => { jump(e, l.target); }}>
                                {l.label}
                            </a>
                        </li>
                    ))}
                </ul>
            </nav>
        </div>
    );
}

/** Main is the page's main content; it takes the focus after a route change. */
export function Main({ children }: { children: ReactNode }) {
    return (
        <main id="content" role="main" tabIndex={-1} className="app-main">
            {children}
        </main>
    );
}

/**
 * FranceConnectButton draws the FranceConnect button of the design system.
 * (Drawn here rather than with react-dsfr's component, which adds a link to an
 * external site.)
 */
export function FranceConnectButton({ onClick, id }: { onClick: () => void; id?: string }) {
    return (
        <div className={fr.cx("fr-connect-group")}>
            <button id={id} type="button" className={fr.cx("fr-connect")} onClick={onClick}>
                <span className={fr.cx("fr-connect__login")}>S'identifier avec</span> <span className={fr.cx("fr-connect__brand")}>FranceConnect</span>
            </button>
        </div>
    );
}
