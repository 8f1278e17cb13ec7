import { Pagination as DsfrPagination } from "@codegouvfr/react-dsfr/Pagination";

export interface PagerProps {
    id?: string;
    /** Number of pages (the pager is hidden when there is one). */
    count: number;
    /** 1-based. */
    page: number;
    /** The route of a page of the list. */
    to: (page: number) => string;
}

/** Pager moves between the pages of a long list (DSFR pagination, links to routes of the app). */
export function Pager({ id, count, page, to }: PagerProps) {
    if (count <= 1) {
        return null;
    }
    // key: the DSFR component keeps its first page otherwise.
    return <DsfrPagination key={`${String(page)}/${String(count)}`} id={id} count={count} defaultPage={page} showFirstLast getPageLinkProps={n => ({ to: to(n) })} />;
}
