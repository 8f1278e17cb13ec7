import { Table as DsfrTable } from "@codegouvfr/react-dsfr/Table";
import type { ReactNode } from "react";

export interface DataTableProps {
    /** What the table lists (read out by screen readers; may be hidden visually). */
    caption: string;
    captionHidden?: boolean;
    headers: string[];
    rows: ReactNode[][];
    id?: string;
}

/** DataTable lists items in rows and columns. */
export function DataTable({ caption, captionHidden = false, headers, rows, id }: DataTableProps) {
    return <DsfrTable id={id} caption={caption} noCaption={captionHidden} headers={headers} data={rows} bordered className="app-table" />;
}
