import { fr } from "@codegouvfr/react-dsfr";
import { Button, ButtonGroup } from "./actions";

// Versions of a record side by side, field by field, with a choice per field
// that differs: the table a person reads to settle a conflict (two tabs, or
// the sync's three versions). The logic (which fields, which values, the
// merge) is the caller's; this draws it.

export interface ComparedVersion {
    key: string;
    /** The column's heading (« Ma version »). */
    title: string;
    /** The choice's label (« Garder ma version »). */
    keepLabel: string;
}

export interface ComparedField {
    path: string;
    label: string;
    /** The value in each version, in the versions' order, written for people. */
    shown: string[];
    differs: boolean;
    /** Which versions changed the field since their common base (three-way comparisons). */
    changed?: boolean[];
}

export interface VersionComparisonProps {
    /** The table's id; each choice is `${id}-${path}-${index}`, each "for all" button `${id}-all-${index}`. */
    id: string;
    caption: string;
    versions: ComparedVersion[];
    fields: ComparedField[];
    /** The version chosen for each differing field (by path). */
    choices: Readonly<Record<string, number>>;
    onChoose: (path: string, index: number) => void;
    onChooseAll: (index: number) => void;
}

/**
 * VersionComparison shows versions of a record in columns, one field a row:
 * the rows that differ are highlighted (a coloured band and the word
 * « Différent », not colour alone) and carry one radio per version; the
 * buttons above keep one version for every field.
 */
export function VersionComparison({ id, caption, versions, fields, choices, onChoose, onChooseAll }: VersionComparisonProps) {
    const differing = fields.filter(f => f.differs).length;
    return (
        <div id={id} className="app-compare">
            <ButtonGroup>
                {versions.map((v, i) => (
                    <Button
                        key={v.key}
                        id={`${id}-all-${String(i)}`}
                        priority="secondary"
                        size="small"
                        onClick={() => {
                            onChooseAll(i);
                        }}
                    >
                        {`${v.keepLabel} pour tous les champs`}
                    </Button>
                ))}
            </ButtonGroup>
            <div className={fr.cx("fr-table", "fr-table--bordered") + " app-table"}>
                <div className={fr.cx("fr-table__wrapper")}>
                    <div className={fr.cx("fr-table__container")}>
                        <div className={fr.cx("fr-table__content")}>
                            <table>
                                <caption>{`${caption} (${String(differing)} ${differing > 1 ? "champs différents" : "champ différent"})`}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">Champ</th>
                                        {versions.map(v => (
                                            <th key={v.key} scope="col">
                                                {v.title}
                                            </th>
                                        ))}
                                    </tr>
                                </thead>
                                <tbody>
                                    {fields.map(f => (
                                        <tr key={f.path} className={f.differs ? "app-compare__differs" : undefined} data-path={f.path} data-differs={f.differs ? "true" : "false"}>
                                            <th scope="row">
                                                {f.label}
                                                {f.differs ? <span className="app-compare__flag">Différent</span> : null}
                                            </th>
                                            {versions.map((v, i) => (
                                                <td key={v.key}>
                                                    <Value text={f.shown[i] ?? ""} changed={f.changed?.[i] === true} />
                                                    {f.differs ? (
                                                        <Choice
                                                            id={`${id}-${f.path}-${String(i)}`}
                                                            name={`${id}-${f.path}`}
                                                            label={v.keepLabel}
                                                            field={f.label}
                                                            checked={choices[f.path] === i}
                                                            onChange={() => {
                                                                onChoose(f.path, i);
                                                            }}
                                                        />
                                                    ) : null}
                                                </td>
                                            ))}
                                        </tr>
                                    ))}
                                </tbody>
                            </table>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    );
}

function Value({ text, changed }: { text: string; changed: boolean }) {
    return (
        <span className="app-compare__value">
            {text === "" ? <span className="app-empty">(vide)</span> : text}
            {changed ? <span className={fr.cx("fr-text--xs") + " app-compare__changed"}> (modifié)</span> : null}
        </span>
    );
}

function Choice({ id, name, label, field, checked, onChange }: { id: string; name: string; label: string; field: string; checked: boolean; onChange: () => void }) {
    return (
        <div className={fr.cx("fr-radio-group", "fr-radio-group--sm")}>
            <input type="radio" id={id} name={name} checked={checked} onChange={onChange} />
            <label className={fr.cx("fr-label")} htmlFor={id}>
                {label}
                <span className="fr-sr-only">{` : ${field}`}</span>
            </label>
        </div>
    );
}
