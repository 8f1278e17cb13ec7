import postcss, { type AtRule, type Rule } from "postcss";

// dsfrPurge removes from the DSFR stylesheet the rules that can match no
// element of the built interface. The web view parses the whole stylesheet at start-up and
// keeps every rule, indexed, for as long as the page lives: on the desktop each
// kilobyte of stylesheet costs about 35 KB of the web process's memory.
//
// A DSFR class is kept when the built scripts (our code, react-dsfr and the
// DSFR's own script, which is what sets classes at run time) could produce it:
// - its name appears whole in them (`fr-btn--secondary`);
// - or it is a head written in them followed by one or two names written in
//   them: that is how react-dsfr and the DSFR's script compose class names at
//   run time. The heads are `fr-` (`${prefix}-collapse--expanded`,
//   `fr-${look}`, `fr-${kind}-group`) and the names written in the scripts
//   that start with `fr-` and end with a dash (`fr-badge--${tone}` leaves
//   `fr-badge--`, so fr-badge--warning is kept when "warning" is written).
// Classes outside the DSFR's `fr-` namespace, element, attribute and
// pseudo-class selectors are always kept: only fr-* classes decide. A
// selector list loses only the selectors that cannot match. The custom
// properties all stay: react-dsfr's scripts name every one of them.

/** ScriptNames is every name the built scripts and pages contain. */
export interface ScriptNames {
    names: Set<string>;
    heads: string[];
}

/** scriptNames splits the built sources into names (letters, digits, _ and -). */
export function scriptNames(sources: string[]): ScriptNames {
    const names = new Set<string>();
    for (const source of sources) {
        for (const name of source.split(/[^A-Za-z0-9_-]+/)) {
            if (name !== "") {
                names.add(name);
            }
        }
    }
    const heads = [...names].filter(n => n.startsWith("fr-") && n.endsWith("-") && n !== "fr-");
    return { names, heads };
}

/** mayBeUsed tells whether the scripts could give an element the class. */
export function mayBeUsed(className: string, s: ScriptNames): boolean {
    if (!className.startsWith("fr-") || s.names.has(className)) {
        return true;
    }
    return ["fr-", ...s.heads].some(head => className.startsWith(head) && composed(className.slice(head.length), s));
}

/** composed tells whether rest is one name written in the scripts, or two. */
function composed(rest: string, s: ScriptNames): boolean {
    if (s.names.has(rest)) {
        return true;
    }
    for (let i = 1; i < rest.length; i++) {
        if (s.names.has(rest.slice(0, i)) && s.names.has(rest.slice(i))) {
            return true;
        }
    }
    return false;
}

const classInSelector = /\.((?:\\.|[A-Za-z0-9_-])+)/g;

function selectorMayMatch(selector: string, s: ScriptNames): boolean {
    for (const m of selector.matchAll(classInSelector)) {
        if (!mayBeUsed(m[1].replace(/\\(.)/g, "$1"), s)) {
            return false;
        }
    }
    return true;
}

function inKeyframes(rule: Rule): boolean {
    const parent = rule.parent;
    return parent !== undefined && parent.type === "atrule" && /keyframes$/i.test((parent as AtRule).name);
}

/** PurgeResult is the stylesheet kept and what was taken out of it. */
export interface PurgeResult {
    css: string;
    rulesKept: number;
    rulesRemoved: number;
}

/** purgeStylesheet keeps the rules of css whose selectors may match. */
export function purgeStylesheet(css: string, sources: string[]): PurgeResult {
    const s = scriptNames(sources);
    const root = postcss.parse(css);
    let rulesKept = 0;
    let rulesRemoved = 0;
    root.walkRules(rule => {
        if (inKeyframes(rule)) {
            return;
        }
        const selectors = rule.selectors.filter(sel => selectorMayMatch(sel, s));
        if (selectors.length === 0) {
            rule.remove();
            rulesRemoved++;
            return;
        }
        rulesKept++;
        if (selectors.length !== rule.selectors.length) {
            rule.selectors = selectors;
        }
    });
    removeEmptyAtRules(root);
    return { css: root.toString(), rulesKept, rulesRemoved };
}

function removeEmptyAtRules(root: postcss.Root): void {
    let again = true;
    while (again) {
        again = false;
        root.walkAtRules(at => {
            if (at.nodes !== undefined && at.nodes.length === 0) {
                at.remove();
                again = true;
            }
        });
    }
}
