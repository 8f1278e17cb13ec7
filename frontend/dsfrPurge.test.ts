import { describe, expect, it } from "vitest";
import { mayBeUsed, purgeStylesheet, scriptNames } from "./dsfrPurge";

describe("mayBeUsed", () => {
    const s = scriptNames([
        `cx("fr-btn", "fr-btn--secondary", \`fr-badge--\${tone}\`, \`fr-\${look}\`, \`fr-\${kind}-group\`)`,
        `const looks = ["h3", "radio", "checkbox", "warning", 6]; ns("collapse") + "--expanded"; "-group"`
    ]);
    it.each([
        ["written whole", "fr-btn--secondary", true],
        ["head completed at run time", "fr-badge--warning", true],
        ["head completed by a name never written", "fr-badge--pink", false],
        ["fr- and one written name", "fr-h3", true],
        ["fr- and two written names", "fr-radio-group", true],
        ["composed by the DSFR's script", "fr-collapse--expanded", true],
        ["outside the DSFR namespace", "my-own", true],
        ["never written", "fr-tile--download", false],
        ["a longer name than the one written", "fr-btn--secondary-large", false],
        ["a bare fr- is no head", "fr-mt-7w", false]
    ])("%s: %s → %s", (_, className, want) => {
        expect(mayBeUsed(className, s)).toBe(want);
    });
});

describe("purgeStylesheet", () => {
    const css = [
        ":root{--used:#000}",
        ".fr-btn{color:var(--used)}",
        ".fr-tile--download{color:red}",
        ".fr-btn,.fr-never{margin:0}",
        "a[href]{color:inherit}",
        "@media (min-width:48em){.fr-never{padding:0}.fr-col-md-6{flex:0 0 50%}}",
        "@keyframes fr-spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}",
        ".fr-btn\\:hover{color:red}"
    ].join("");
    const scripts = [`cx("fr-btn", \`fr-col-md-\${n}\`); n = 6`];
    const got = purgeStylesheet(css, scripts);

    it("keeps the rules that may match and the selectors of a list that may", () => {
        expect(got.css).toContain(".fr-btn{color:var(--used)}");
        expect(got.css).toContain(".fr-btn{margin:0}");
        expect(got.css).toContain("a[href]{color:inherit}");
        expect(got.css).toContain(".fr-col-md-6{flex:0 0 50%}");
        expect(got.css).toContain("@keyframes fr-spin");
    });

    it("removes the rules no script can match, and the at-rules left empty", () => {
        expect(got.css).not.toContain("fr-tile--download");
        expect(got.css).not.toContain("fr-never");
        expect(got.css).not.toContain("fr-btn\\:hover");
        expect(got.css).toContain("@media (min-width:48em){.fr-col-md-6");
        expect(got.rulesRemoved).toBe(3);
    });

    it("removes nothing from a stylesheet whose classes are all written", () => {
        const all = purgeStylesheet(".fr-a{color:red}.fr-b .fr-c:hover{color:blue}", ["fr-a fr-b fr-c"]);
        expect(all.rulesRemoved).toBe(0);
        expect(all.css).toBe(".fr-a{color:red}.fr-b .fr-c:hover{color:blue}");
    });
});
