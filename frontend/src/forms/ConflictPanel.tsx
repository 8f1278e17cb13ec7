import { useState } from "react";
import { Alert, Button, FormActions, Spacer, VersionComparison } from "../ui";
import { frenchDay } from "./dates";
import type { RequestDraft } from "./useRequestDraft";
import { chooseAll, compareVersions, complete, defaultFormat, mergeVersions, type Version } from "./versions";

export const CONFLICT_ID = "draft-conflict";

/** The message of a draft saved elsewhere since this page opened it. */
export const CONFLICT_MESSAGE = "Ce brouillon a été modifié dans un autre onglet ou une autre fenêtre.";

/** formatValue writes a payload value for the comparison: days in French, the rest as text. */
export function formatValue(path: string, value: unknown): string {
    const text = defaultFormat(path, value);
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? frenchDay(text) : text;
}

/**
 * ConflictPanel is shown when a save found the draft changed in another tab
 * or window: it says so, shows both versions field by field (the fields that
 * differ highlighted) and saves the choice made for each field on top of the
 * newer version.
 */
export function ConflictPanel<P>({ draft, labels }: { draft: RequestDraft<P>; labels: Readonly<Record<string, string>> }) {
    const conflict = draft.conflict;
    const [choices, setChoices] = useState<{ revision: number; map: Record<string, number> }>({ revision: 0, map: {} });
    if (conflict === undefined) {
        return null;
    }
    const versions: Version[] = [
        { key: "mine", title: "Ma version (cette page)", keepLabel: "Garder ma version", payload: conflict.mine },
        { key: "theirs", title: "L'autre version (enregistrée ailleurs)", keepLabel: "Garder l'autre version", payload: conflict.theirs }
    ];
    const rows = compareVersions(versions, labels, formatValue);
    const chosen = choices.revision === conflict.revision ? choices.map : {};
    const choose = (map: Record<string, number>) => {
        setChoices({ revision: conflict.revision, map });
    };
    const ready = complete(rows, chosen);
    return (
        // The alert is read out at once; the focus stays where the person types.
        <div id={CONFLICT_ID}>
            <Alert severity="warning" title={CONFLICT_MESSAGE} live>
                Comparez les deux versions ci-dessous et choisissez, pour chaque champ différent, la version à garder. Rien n'est perdu tant que vous
                n'avez pas enregistré votre choix.
            </Alert>
            <Spacer size="sm" />
            <VersionComparison
                id="conflict-compare"
                caption="Les deux versions du brouillon, champ par champ"
                versions={versions}
                fields={rows}
                choices={chosen}
                onChoose={(path, index) => {
                    choose({ ...chosen, [path]: index });
                }}
                onChooseAll={index => {
                    choose(chooseAll(rows, index));
                }}
            />
            <FormActions>
                <Button
                    id="btn-conflict-save"
                    icon="check"
                    disabled={!ready}
                    onClick={() => {
                        draft.resolveConflict(mergeVersions(versions, chosen, 1) as P);
                    }}
                >
                    Enregistrer ce choix
                </Button>
            </FormActions>
            <Spacer size="md" />
        </div>
    );
}
