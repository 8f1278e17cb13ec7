import { Accordion as DsfrAccordion } from "@codegouvfr/react-dsfr/Accordion";
import { Breadcrumb as DsfrBreadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Card as DsfrCard } from "@codegouvfr/react-dsfr/Card";
import { Stepper as DsfrStepper } from "@codegouvfr/react-dsfr/Stepper";
import { Tag as DsfrTag } from "@codegouvfr/react-dsfr/Tag";
import { Tile as DsfrTile } from "@codegouvfr/react-dsfr/Tile";
import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { Pictogram, type PictogramName } from "./pictograms";

export interface TileProps {
    /** Set on the tile's link: stable hook for end-to-end tests (e.g. "tile-activites"). */
    id: string;
    title: string;
    to: string;
    description?: ReactNode;
    detail?: ReactNode;
    pictogram?: PictogramName;
    titleAs?: "h2" | "h3" | "h4";
}

/** Tile is a big link to one of the portal's actions; the whole tile is clickable. */
export function Tile({ id, title, to, description, detail, pictogram, titleAs = "h3" }: TileProps) {
    const common = {
        title,
        titleAs,
        desc: description,
        detail,
        enlargeLinkOrButton: true,
        linkProps: { to, id },
        className: "app-tile"
    } as const;
    if (pictogram !== undefined) {
        return <DsfrTile {...common} pictogram={<Pictogram name={pictogram} />} />;
    }
    return <DsfrTile {...common} />;
}

export interface CardProps {
    title: ReactNode;
    titleAs?: "h2" | "h3" | "h4";
    /** Links the whole card to a route. */
    to?: string;
    description?: ReactNode;
    /** Shown above the title: badges. */
    start?: ReactNode;
    /** Shown under the description. */
    detail?: ReactNode;
    footer?: ReactNode;
    id?: string;
}

/** Card presents one item (an activity, a request). */
export function Card({ title, titleAs = "h3", to, description, start, detail, footer, id }: CardProps) {
    if (to !== undefined) {
        return <DsfrCard id={id} title={title} titleAs={titleAs} desc={description} start={start} end={detail} footer={footer} enlargeLink linkProps={{ to }} size="medium" border shadow={false} />;
    }
    return <DsfrCard id={id} title={title} titleAs={titleAs} desc={description} start={start} end={detail} footer={footer} size="medium" border />;
}

export interface Crumb {
    label: string;
    to: string;
}

/** Breadcrumb shows where the page sits; the first crumb is always the home page. */
export function Breadcrumb({ trail, current }: { trail: Crumb[]; current: string }) {
    return (
        <DsfrBreadcrumb
            className={fr.cx("fr-mt-2w", "fr-mb-4w")}
            homeLinkProps={{ to: "/" }}
            segments={trail.map(c => ({ label: c.label, linkProps: { to: c.to } }))}
            currentPageLabel={current}
        />
    );
}

/** Tag is a short label (a profession, a département). */
export function Tag({ children }: { children: string }) {
    return (
        <DsfrTag small as="span">
            {children}
        </DsfrTag>
    );
}

export function TagList({ items }: { items: string[] }) {
    if (items.length === 0) {
        return null;
    }
    return (
        <ul className={fr.cx("fr-tags-group")}>
            {items.map(item => (
                <li key={item}>
                    <Tag>{item}</Tag>
                </li>
            ))}
        </ul>
    );
}

/**
 * Disclosure is an accordion: a title that shows or hides its content. Its
 * title is a heading one level below the section it is in (titleAs, h3 by
 * default; h2 right under a page's h1).
 */
export function Disclosure({
    label,
    children,
    defaultExpanded = false,
    titleAs = "h3"
}: {
    label: string;
    children: NonNullable<ReactNode>;
    defaultExpanded?: boolean;
    titleAs?: "h2" | "h3" | "h4";
}) {
    return (
        <DsfrAccordion label={label} titleAs={titleAs} defaultExpanded={defaultExpanded}>
            {children}
        </DsfrAccordion>
    );
}

export function DisclosureGroup({ children }: { children: ReactNode }) {
    return <div className={fr.cx("fr-accordions-group")}>{children}</div>;
}

/**
 * Stepper shows the step of a multi-step form. Its heading (the step's title
 * and « Étape n sur N ») gets `headingId` and can take the focus
 * (focusStepHeading), so that after « Suivant » a screen reader announces the
 * new step.
 */
export function Stepper({ current, count, title, next, headingId }: { current: number; count: number; title: string; next?: string; headingId?: string }) {
    const mark = (el: HTMLDivElement | null) => {
        const heading = el?.querySelector<HTMLElement>(".fr-stepper__title");
        if (heading !== null && heading !== undefined && headingId !== undefined) {
            heading.id = headingId;
            heading.tabIndex = -1;
        }
    };
    return (
        <div ref={mark}>
            <DsfrStepper currentStep={current} stepCount={count} title={title} nextTitle={next} />
        </div>
    );
}

/** focusStepHeading moves the focus to a Stepper's heading (by its headingId) and scrolls to it. */
export function focusStepHeading(headingId: string): void {
    const heading = document.getElementById(headingId);
    if (heading === null) {
        return;
    }
    heading.scrollIntoView({ block: "center" });
    heading.focus();
}
