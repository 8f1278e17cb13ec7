import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { iconClass, type IconName } from "./icons";

// Pieces of the connection pages served by erpps-server (/connexion,
// /mobile, /aide-connexion): they are whole pages of their own, without the
// app's router, so their links are plain links that load the page.

export interface ServiceLink {
    label: string;
    href: string;
    icon: IconName;
}

/** ServiceHeader is the State header of a connection page, with plain links. */
export function ServiceHeader({ serviceTitle, tagline, homeHref, links }: { serviceTitle: string; tagline: string; homeHref: string; links: ServiceLink[] }) {
    return (
        <header role="banner" className={fr.cx("fr-header")} id="header">
            <div className={fr.cx("fr-header__body")}>
                <div className={fr.cx("fr-container")}>
                    <div className={fr.cx("fr-header__body-row")}>
                        <div className={fr.cx("fr-header__brand", "fr-enlarge-link")}>
                            <div className={fr.cx("fr-header__brand-top")}>
                                <div className={fr.cx("fr-header__logo")}>
                                    <p className={fr.cx("fr-logo")}>
                                        République
                                        <br />
                                        Française
                                    </p>
                                </div>
                            </div>
                            <div className={fr.cx("fr-header__service")}>
                                <a href={homeHref} title={`Accueil - ${serviceTitle}`}>
                                    <p className={fr.cx("fr-header__service-title")}>{serviceTitle}</p>
                                </a>
                                <p className={fr.cx("fr-header__service-tagline")}>{tagline}</p>
                            </div>
                        </div>
                        {links.length === 0 ? null : (
                            <div className={fr.cx("fr-header__tools")}>
                                {/* Not fr-header__tools-links: the DSFR script would copy those links into a mobile menu this header has not, and fail. */}
                                <div className="app-header-links">
                                    <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline", "fr-btns-group--right", "fr-btns-group--icon-left")}>
                                        {links.map(l => (
                                            <li key={l.href}>
                                                <a className={fr.cx("fr-btn", "fr-btn--tertiary-no-outline", iconClass(l.icon))} href={l.href}>
                                                    {l.label}
                                                </a>
                                            </li>
                                        ))}
                                    </ul>
                                </div>
                            </div>
                        )}
                    </div>
                </div>
            </div>
        </header>
    );
}

/** ServiceFooter is the State footer of a connection page: a short description and plain links. */
export function ServiceFooter({ description, links }: { description: ReactNode; links: { label: string; href: string }[] }) {
    return (
        <footer className={fr.cx("fr-footer")} role="contentinfo" id="footer">
            <div className={fr.cx("fr-container")}>
                <div className={fr.cx("fr-footer__body")}>
                    <div className={fr.cx("fr-footer__brand")}>
                        <p className={fr.cx("fr-logo")}>
                            République
                            <br />
                            Française
                        </p>
                    </div>
                    <div className={fr.cx("fr-footer__content")}>
                        <p className={fr.cx("fr-footer__content-desc")}>{description}</p>
                    </div>
                </div>
                <div className={fr.cx("fr-footer__bottom")}>
                    <ul className={fr.cx("fr-footer__bottom-list")}>
                        {links.map(l => (
                            <li key={l.href} className={fr.cx("fr-footer__bottom-item")}>
                                <a className={fr.cx("fr-footer__bottom-link")} href={l.href}>
                                    {l.label}
                                </a>
                            </li>
                        ))}
                    </ul>
                </div>
            </div>
        </footer>
    );
}

/** PlainLink is a link that loads another page (no router). */
export function PlainLink({ href, children, icon, id }: { href: string; children: ReactNode; icon?: IconName; id?: string }) {
    return (
        <a id={id} href={href} className={fr.cx("fr-link", icon === undefined ? undefined : iconClass(icon), icon === undefined ? undefined : "fr-link--icon-left")}>
            {children}
        </a>
    );
}

/** BigCode shows a short code to compare between two screens, large and digit by digit. */
export function BigCode({ code, label, id }: { code: string; label: string; id?: string }) {
    return (
        <p className="app-big-code" id={id}>
            <span className={fr.cx("fr-sr-only")}>{`${label} : `}</span>
            <span aria-hidden="true">{code}</span>
            <span className={fr.cx("fr-sr-only")}>{code.split("").join(" ")}</span>
        </p>
    );
}

/** Meter is a bar showing a fraction (the time left); decorative: the text beside it says the same. */
export function Meter({ fraction, tone = "info" }: { fraction: number; tone?: "info" | "warning" | "error" }) {
    const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    return (
        <div className="app-meter" aria-hidden="true">
            <div className={`app-meter__bar app-meter__bar--${tone}`} style={{ width: `${pct}%` }} />
        </div>
    );
}

export interface CodeChoiceProps {
    id: string;
    legend: ReactNode;
    name: string;
    choices: string[];
    value: string;
    onChange: (value: string) => void;
    hint?: ReactNode;
    error?: string;
}

/** CodeChoice is a choice among a few short codes, as large radio tiles (the phone's « sélection du code »). */
export function CodeChoice({ id, legend, name, choices, value, onChange, hint, error }: CodeChoiceProps) {
    const hasError = error !== undefined && error !== "";
    const messages = `${id}-messages`;
    return (
        <fieldset id={id} className={fr.cx("fr-fieldset", hasError ? "fr-fieldset--error" : undefined)} aria-describedby={hasError ? messages : undefined}>
            <legend className={fr.cx("fr-fieldset__legend")}>
                {legend}
                {hint === undefined ? null : <span className={fr.cx("fr-hint-text")}>{hint}</span>}
            </legend>
            <div className="app-code-choice">
                {choices.map((c, i) => (
                    <label key={c} className="app-code-choice__item" htmlFor={`${id}-${i}`}>
                        <input
                            type="radio"
                            id={`${id}-${i}`}
                            name={name}
                            value={c}
                            checked={value === c}
                            onChange={() => {
                                onChange(c);
                            }}
                        />
                        <span>{c}</span>
                    </label>
                ))}
            </div>
            <div className={fr.cx("fr-messages-group")} id={messages} aria-live="polite">
                {hasError ? <p className={fr.cx("fr-message", "fr-message--error")}>{error}</p> : null}
            </div>
        </fieldset>
    );
}

/** QrCode shows a QR code image with its text alternative. */
export function QrCode({ src, alt, size = 180 }: { src: string; alt: string; size?: number }) {
    return <img src={src} alt={alt} width={size} height={size} className="app-qr" />;
}
