import { fr } from "@codegouvfr/react-dsfr";
import type { CSSProperties, ReactNode } from "react";

// Layout helpers so pages never write design-system class names.

type Span = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export function Container({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
    return <div className={fr.cx("fr-container", narrow ? "fr-container--fluid" : undefined)}>{children}</div>;
}

/** Grid is a row of columns with the design system's gutters. */
export function Grid({ children, center = false, id }: { children: ReactNode; center?: boolean; id?: string }) {
    return (
        <div id={id} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", center ? "fr-grid-row--center" : undefined)}>
            {children}
        </div>
    );
}

export interface ColProps {
    children: ReactNode;
    /** Columns out of 12 on phones. */
    base?: Span;
    /** From 768 px. */
    md?: Span;
    /** From 992 px. */
    lg?: Span;
}

export function Col({ children, base = 12, md, lg }: ColProps) {
    const className = [
        `fr-col-${base}`,
        md === undefined ? undefined : `fr-col-md-${md}`,
        lg === undefined ? undefined : `fr-col-lg-${lg}`
    ]
        .filter(c => c !== undefined)
        .join(" ");
    return <div className={className}>{children}</div>;
}

const GAPS = { none: "0", xs: "0.5rem", sm: "1rem", md: "1.5rem", lg: "2.5rem", xl: "4rem" } as const;
export type Gap = keyof typeof GAPS;

/** Stack puts its children one under the other with a regular gap. */
export function Stack({ children, gap = "md", as: Tag = "div", id }: { children: ReactNode; gap?: Gap; as?: "div" | "section" | "ul"; id?: string }) {
    const style: CSSProperties = { display: "flex", flexDirection: "column", gap: GAPS[gap] };
    return (
        <Tag id={id} style={style} className={Tag === "ul" ? "app-plain-list" : undefined}>
            {children}
        </Tag>
    );
}

/** Inline puts its children side by side, wrapping on small screens. */
export function Inline({ children, gap = "sm", align = "center", justify = "start" }: { children: ReactNode; gap?: Gap; align?: "center" | "start" | "baseline"; justify?: "start" | "between" | "end" }) {
    const style: CSSProperties = {
        display: "flex",
        flexWrap: "wrap",
        gap: GAPS[gap],
        alignItems: align === "start" ? "flex-start" : align,
        justifyContent: justify === "between" ? "space-between" : justify === "end" ? "flex-end" : "flex-start"
    };
    return <div style={style}>{children}</div>;
}

/** Spacer leaves vertical room between blocks. */
export function Spacer({ size = "md" }: { size?: Gap }) {
    return <div aria-hidden="true" style={{ height: GAPS[size] }} />;
}

/** Band is a full-width strip with the alternative background (e.g. whose record is open). */
export function Band({ children, label }: { children: ReactNode; label?: string }) {
    return (
        <section aria-label={label} className={fr.cx("fr-py-2w")} style={{ background: fr.colors.decisions.background.alt.blueFrance.default }}>
            <div className={fr.cx("fr-container")}>{children}</div>
        </section>
    );
}

/** Panel is a bordered block (a section of a record). */
export function Panel({ children, title, titleAs = "h2", id, actions }: { children: ReactNode; title: ReactNode; titleAs?: "h2" | "h3"; id?: string; actions?: ReactNode }) {
    const Title = titleAs;
    return (
        <section id={id} className="app-panel" aria-labelledby={id === undefined ? undefined : `${id}-title`}>
            <div className="app-panel__head">
                <Title id={id === undefined ? undefined : `${id}-title`} className={fr.cx("fr-h5", "fr-mb-0")}>
                    {title}
                </Title>
                {actions}
            </div>
            <div className="app-panel__body">{children}</div>
        </section>
    );
}
