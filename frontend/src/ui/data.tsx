import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

export interface DataTableProps {
    /** What the table lists (read out by screen readers; may be hidden visually). */
    caption: string;
    captionHidden?: boolean;
    headers: string[];
    rows: ReactNode[][];
    id?: string;
}

/**
 * DataTable lists items in rows and columns, with the DSFR table markup
 * (wrapper, container, content: the scrolling layout of DSFR ≥ 1.12, which
 * react-dsfr's Table does not render yet).
 */
export function DataTable({ caption, captionHidden = false, headers, rows, id }: DataTableProps) {
    return (
        <div id={id} className={fr.cx("fr-table", "fr-table--bordered", captionHidden ? "fr-table--no-caption" : undefined) + " app-table"}>
            <div className={fr.cx("fr-table__wrapper")}>
                <div className={fr.cx("fr-table__container")}>
                    <div className={fr.cx("fr-table__content")}>
                        <table>
                            <caption>{caption}</caption>
                            <thead>
                                <tr>
                                    {headers.map((h, i) => (
                                        <th key={i} scope="col">
                                            {h}
                                        </th>
                                    ))}
                                </tr>
                            </thead>
                            <tbody>
                                {rows.map((row, r) => (
                                    <tr key={r}>
                                        {row.map((cell, c) => (
                                            <td key={c}>{cell}</td>
                                        ))}
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
