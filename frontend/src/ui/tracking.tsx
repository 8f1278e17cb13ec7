import { SegmentedControl as DsfrSegmentedControl, type SegmentedControlProps } from "@codegouvfr/react-dsfr/SegmentedControl";
import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import type { BadgeTone } from "./feedback";
import { iconClass, type IconName } from "./icons";

// Pieces to follow things over time: a status badge that tests can read, a
// filter of a list, a dated history, a button that downloads a file.

export interface StatusBadgeProps {
    children: string;
    /** The machine status, set as data-status (end-to-end tests read it). */
    status: string;
    tone?: BadgeTone;
    id?: string;
}

/** StatusBadge is a small DSFR badge carrying its status code in data-status. */
export function StatusBadge({ children, status, tone = "neutral", id }: StatusBadgeProps) {
    const className = fr.cx("fr-badge", "fr-badge--sm", "fr-badge--no-icon", tone === "neutral" ? undefined : `fr-badge--${tone}`);
    return (
        <span id={id} className={className} data-status={status}>
            {children}
        </span>
    );
}

export interface FilterOption {
    value: string;
    label: string;
}

export interface SegmentedFilterProps {
    /** The fieldset's id; its radios are `${id}-0`, `${id}-1`… (at most 5 options). */
    id: string;
    legend: string;
    options: FilterOption[];
    value: string;
    onChange: (value: string) => void;
}

/** SegmentedFilter chooses which part of a list is shown (a DSFR segmented control). */
export function SegmentedFilter({ id, legend, options, value, onChange }: SegmentedFilterProps) {
    const list: SegmentedControlProps.SegmentWithoutIcon[] = options.map(o => ({
        label: o.label,
        nativeInputProps: {
            value: o.value,
            checked: o.value === value,
            onChange: () => {
                onChange(o.value);
            }
        }
    }));
    const [first, ...rest] = list;
    if (first === undefined) {
        return null;
    }
    const segments: SegmentedControlProps.Segments = [first, rest[0], rest[1], rest[2], rest[3]];
    return <DsfrSegmentedControl id={id} name={id} legend={legend} segments={segments} />;
}

export interface TimelineEntry {
    /** When it happened, already written for people. */
    when: string;
    what: string;
    /** Who did it. */
    who?: string;
    note?: string;
}

/** Timeline lists dated, attributed steps, oldest first. */
export function Timeline({ entries, label }: { entries: TimelineEntry[]; label: string }) {
    return (
        // role="list" on divs: the DSFR numbers <ol> items with its own markers.
        <div role="list" aria-label={label} style={{ borderLeft: "2px solid var(--border-default-blue-france)", paddingLeft: "1rem", margin: "0.5rem 0" }}>
            {entries.map((e, i) => (
                <div role="listitem" key={i} className={fr.cx("fr-mb-1w")}>
                    <span className={fr.cx("fr-text--bold")}>{e.when}</span>
                    {` — ${e.what}`}
                    {e.who === undefined || e.who === "" ? null : ` — par ${e.who}`}
                    {e.note === undefined || e.note === "" ? null : (
                        <span className={fr.cx("fr-text--sm")} style={{ display: "block", color: "var(--text-mention-grey)" }}>
                            {e.note}
                        </span>
                    )}
                </div>
            ))}
        </div>
    );
}

export interface DownloadButtonProps {
    id?: string;
    /** A URL served by the local service (not a route of the app). */
    href: string;
    children: ReactNode;
    icon?: IconName;
    priority?: "primary" | "secondary";
}

/** DownloadButton looks like a button and downloads a file (an <a download>). */
export function DownloadButton({ id, href, children, icon = "download", priority = "primary" }: DownloadButtonProps) {
    return (
        <a id={id} href={href} download className={fr.cx("fr-btn", priority === "secondary" ? "fr-btn--secondary" : undefined, "fr-btn--icon-left", iconClass(icon))}>
            {children}
        </a>
    );
}
