import { getPath, isUnder, setPath } from "./paths";

// Several versions of one draft compared field by field, and merged from a
// choice per field. Used when a save finds the draft changed in another tab
// or window (two versions: mine, the other one) and, later, by the sync's
// conflicts (three versions with their common base). Pure functions, no React.

/** One version of a draft's payload. */
export interface Version {
    /** A stable key ("mine", "theirs", "server"…). */
    key: string;
    /** Its name in a heading (« Ma version »). */
    title: string;
    /** How a choice names it (« garder ma version »). */
    keepLabel: string;
    payload: unknown;
}

/** One field of the payload across the versions. */
export interface FieldComparison {
    /** The payload's dotted JSON path. */
    path: string;
    label: string;
    /** Its value in each version, written for people ("" when missing). */
    shown: string[];
    /** The versions do not all hold the same value. */
    differs: boolean;
    /** With a base: which versions changed this field since the base. */
    changed: boolean[];
}

/** Writes a field's value for people (dates in French, codes as labels…); the default writes it as text. */
export type FieldFormatter = (path: string, value: unknown) => string;

/** For each differing field, the index of the version kept. */
export type Choices = Readonly<Record<string, number>>;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** leafPaths lists the dotted paths of the values of a payload (objects are walked; arrays and scalars are leaves). */
export function leafPaths(payload: unknown, prefix = ""): string[] {
    if (!isRecord(payload)) {
        return prefix === "" ? [] : [prefix];
    }
    const out: string[] = [];
    for (const [key, value] of Object.entries(payload)) {
        const path = prefix === "" ? key : `${prefix}.${key}`;
        out.push(...(isRecord(value) ? leafPaths(value, path) : [path]));
    }
    return out;
}

/** Missing, null and "" mean the same: nothing typed. */
function same(a: unknown, b: unknown): boolean {
    const empty = (v: unknown) => v === undefined || v === null || v === "";
    if (empty(a) && empty(b)) {
        return true;
    }
    return JSON.stringify(a) === JSON.stringify(b);
}

/** defaultFormat writes a value as text: yes/no for booleans, items joined for lists. */
export function defaultFormat(_path: string, value: unknown): string {
    if (value === undefined || value === null) {
        return "";
    }
    if (typeof value === "boolean") {
        return value ? "Oui" : "Non";
    }
    if (Array.isArray(value)) {
        return value.map(v => defaultFormat(_path, v)).join(", ");
    }
    if (typeof value === "object") {
        return JSON.stringify(value);
    }
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** labelOf finds a path's label: its own, else the nearest labelled field above it, else the path. */
function labelOf(labels: Readonly<Record<string, string>>, path: string): string {
    const own = labels[path];
    if (own !== undefined) {
        return own;
    }
    const parent = Object.keys(labels)
        .filter(l => isUnder(path, l))
        .sort((a, b) => b.length - a.length)[0];
    return parent === undefined ? path : `${labels[parent] ?? parent} (${path.slice(parent.length + 1)})`;
}

/**
 * compareVersions lists the fields of the versions, in the form's order
 * (the labels' order, then the other fields), with each version's value
 * written for people and whether they differ. With a base (the version the
 * others started from), it also tells which versions changed each field.
 */
export function compareVersions(
    versions: readonly Version[],
    labels: Readonly<Record<string, string>>,
    format: FieldFormatter = defaultFormat,
    base?: unknown
): FieldComparison[] {
    const all = new Set<string>();
    for (const v of versions) {
        for (const p of leafPaths(v.payload)) {
            all.add(p);
        }
    }
    const order = Object.keys(labels);
    const rank = (p: string) => {
        const i = order.findIndex(l => isUnder(p, l));
        return i === -1 ? order.length : i;
    };
    return [...all]
        .sort((a, b) => rank(a) - rank(b))
        .map(path => {
            const values = versions.map(v => getPath(v.payload, path));
            const first = values[0];
            return {
                path,
                label: labelOf(labels, path),
                shown: values.map(v => format(path, v)),
                differs: values.some(v => !same(v, first)),
                changed: values.map(v => (base === undefined ? false : !same(v, getPath(base, path))))
            };
        });
}

/** differingPaths is the paths a person has to choose for. */
export function differingPaths(rows: readonly FieldComparison[]): string[] {
    return rows.filter(r => r.differs).map(r => r.path);
}

/** chooseAll keeps one version for every differing field. */
export function chooseAll(rows: readonly FieldComparison[], index: number): Record<string, number> {
    return Object.fromEntries(differingPaths(rows).map(p => [p, index]));
}

/** complete tells whether every differing field has a choice. */
export function complete(rows: readonly FieldComparison[], choices: Choices): boolean {
    return differingPaths(rows).every(p => choices[p] !== undefined);
}

/**
 * mergeVersions builds the payload kept: the version `into` (the newest, the
 * one saved elsewhere) with, for each field chosen, the value of the version
 * chosen.
 */
export function mergeVersions(versions: readonly Version[], choices: Choices, into: number): unknown {
    let merged = versions[into]?.payload;
    for (const [path, index] of Object.entries(choices)) {
        const from = versions[index];
        if (from === undefined || index === into) {
            continue;
        }
        merged = setPath(merged, path, getPath(from.payload, path));
    }
    return merged;
}
