import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VersionComparison, type ComparedField, type ComparedVersion } from "./compare";

const versions: ComparedVersion[] = [
    { key: "mine", title: "Ma version", keepLabel: "Garder ma version" },
    { key: "theirs", title: "L'autre version", keepLabel: "Garder l'autre version" }
];
const fields: ComparedField[] = [
    { path: "exerciseName", label: "Nom d'exercice", shown: ["MARTIN", "MARTIN-DURAND"], differs: true },
    { path: "useBirthName", label: "Utiliser mon nom de naissance", shown: ["Non", "Non"], differs: false },
    { path: "exerciseFirstName", label: "Prénom d'exercice", shown: ["Anne", ""], differs: true }
];

function render(choices: Record<string, number> = {}, three = false): HTMLElementLike {
    const vs = three ? [...versions, { key: "base", title: "Version commune", keepLabel: "Garder la version commune" }] : versions;
    const fs = three ? fields.map(f => ({ ...f, shown: [...f.shown, "X"], changed: [true, false, false] })) : fields;
    const html = renderToStaticMarkup(
        createElement(VersionComparison, { id: "cmp", caption: "Les versions", versions: vs, fields: fs, choices, onChoose: () => undefined, onChooseAll: () => undefined })
    );
    return { html };
}

interface HTMLElementLike {
    html: string;
}

describe("VersionComparison", () => {
    it("shows each field's label and every version's value, in columns headed by the versions", () => {
        const { html } = render();
        for (const text of ["Ma version", "L&#x27;autre version", "Nom d&#x27;exercice", "MARTIN-DURAND", "Prénom d&#x27;exercice", "(vide)"]) {
            expect(html).toContain(text);
        }
        expect(html).toContain("(2 champs différents)");
    });
    it("highlights the fields that differ, with a word and not colour alone, and offers a choice only for them", () => {
        const { html } = render();
        expect(html.match(/data-differs="true"/g)?.length).toBe(2);
        expect(html).toContain("Différent");
        expect(html).toContain('id="cmp-exerciseName-0"');
        expect(html).toContain('id="cmp-exerciseName-1"');
        expect(html).not.toContain('id="cmp-useBirthName-0"');
        expect(html).toContain("Garder ma version pour tous les champs");
        expect(html).toContain("Garder l&#x27;autre version pour tous les champs");
    });
    it("checks the version chosen; each choice names its field for screen readers", () => {
        const { html } = render({ exerciseName: 1 });
        expect(html).toMatch(/id="cmp-exerciseName-1"[^>]*checked=""|checked=""[^>]*id="cmp-exerciseName-1"/);
        expect(html).not.toMatch(/id="cmp-exerciseName-0"[^>]*checked=""|checked=""[^>]*id="cmp-exerciseName-0"/);
        expect(html).toContain(" : Nom d&#x27;exercice");
    });
    it("takes N versions and marks what changed since the base", () => {
        const { html } = render({}, true);
        expect(html).toContain("Version commune");
        expect(html).toContain('id="cmp-exerciseName-2"');
        expect(html).toContain("(modifié)");
    });
});
