import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

type Level = 1 | 2 | 3 | 4;
type Look = "display" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6";

/** Heading: the level is the document outline; `look` only changes the size. */
export function Heading({ level, look, children, id, tabIndex }: { level: Level; look?: Look; children: ReactNode; id?: string; tabIndex?: number }) {
    const Tag = `h${level}` as const;
    const className = look === undefined ? fr.cx("fr-mb-3w") : look === "display" ? fr.cx("fr-display--xs", "fr-mb-3w") : fr.cx(`fr-${look}`, "fr-mb-3w");
    return (
        <Tag id={id} tabIndex={tabIndex} className={className}>
            {children}
        </Tag>
    );
}

export function Lead({ children }: { children: ReactNode }) {
    return <p className={fr.cx("fr-text--lead", "fr-mb-3w")}>{children}</p>;
}

export function Text({ children, size = "md", muted = false, bold = false, noMargin = false }: { children: ReactNode; size?: "sm" | "md" | "lg"; muted?: boolean; bold?: boolean; noMargin?: boolean }) {
    const className = fr.cx(
        size === "sm" ? "fr-text--sm" : size === "lg" ? "fr-text--lg" : undefined,
        bold ? "fr-text--bold" : undefined,
        noMargin ? "fr-mb-0" : undefined
    );
    return (
        <p className={className} style={muted ? { color: fr.colors.decisions.text.mention.grey.default } : undefined}>
            {children}
        </p>
    );
}

/** Mono shows an identifier (RPPS, IDNPS, SIRET) so it reads digit by digit. */
export function Mono({ children }: { children: ReactNode }) {
    return <span className="app-mono">{children}</span>;
}

export function BulletList({ items }: { items: ReactNode[] }) {
    return (
        <ul className={fr.cx("fr-mb-3w")}>
            {items.map((item, i) => (
                <li key={i}>{item}</li>
            ))}
        </ul>
    );
}

export function OrderedList({ items }: { items: ReactNode[] }) {
    return (
        <ol className={fr.cx("fr-mb-3w")}>
            {items.map((item, i) => (
                <li key={i}>{item}</li>
            ))}
        </ol>
    );
}

export interface Term {
    term: ReactNode;
    value: ReactNode;
}

/** DescriptionList shows label/value pairs (a record's fields). Empty values show as "Non renseigné". */
export function DescriptionList({ items }: { items: Term[] }) {
    return (
        <dl className="app-dl">
            {items.map((item, i) => (
                <div key={i} className="app-dl__row">
                    <dt>{item.term}</dt>
                    <dd>{item.value === "" || item.value === undefined || item.value === null ? <span className="app-empty">Non renseigné</span> : item.value}</dd>
                </div>
            ))}
        </dl>
    );
}
