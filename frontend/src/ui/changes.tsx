import { fr } from "@codegouvfr/react-dsfr";

// What accepting a request would change in a record, field by field: the
// current value beside the new one, every row marked (a coloured band and
// the word « Modifié », not colour alone).

export interface ChangedField {
    field: string;
    label: string;
    before: string;
    after: string;
}

export function ChangesTable({ id, caption, changes, beforeTitle, afterTitle }: { id: string; caption: string; changes: ChangedField[]; beforeTitle: string; afterTitle: string }) {
    return (
        <div id={id} className={fr.cx("fr-table", "fr-table--bordered") + " app-table app-compare"}>
            <div className={fr.cx("fr-table__wrapper")}>
                <div className={fr.cx("fr-table__container")}>
                    <div className={fr.cx("fr-table__content")}>
                        <table>
                            <caption>{caption}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">Champ</th>
                                    <th scope="col">{beforeTitle}</th>
                                    <th scope="col">{afterTitle}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {changes.map(c => (
                                    <tr key={c.field} className="app-compare__differs" data-field={c.field}>
                                        <th scope="row">
                                            {c.label}
                                            <span className="app-compare__flag">Modifié</span>
                                        </th>
                                        <td>
                                            <span className="app-compare__value">{c.before === "" ? <span className="app-empty">(vide)</span> : c.before}</span>
                                        </td>
                                        <td>
                                            <span className="app-compare__value app-change__after">{c.after === "" ? <span className="app-empty">(vide)</span> : c.after}</span>
                                        </td>
                                    </tr>
                                ))}
                            </tbody>
                        </table>
                    </div>
                </div>
            </div>
        </div>
    );
}
