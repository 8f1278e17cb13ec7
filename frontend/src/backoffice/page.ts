import { useEffect } from "react";

export const BACK_OFFICE_NAME = "eRPPS, espace ARS";

/** useTitle sets the window title of a back-office page (RGAA: each page has its own). */
export function useTitle(title: string): void {
    useEffect(() => {
        document.title = title === "" ? BACK_OFFICE_NAME : `${title} - ${BACK_OFFICE_NAME}`;
    }, [title]);
}

/** The id of every page's h1: it takes the focus when the page is shown. */
export const PAGE_TITLE_ID = "page-title";

/**
 * useFocusTitle moves the focus to the page's heading once `key` is set (the
 * page shown, its data loaded) and each time it changes, so that a screen
 * reader announces the new page.
 */
export function useFocusTitle(key: string | undefined): void {
    useEffect(() => {
        if (key === undefined) {
            return;
        }
        const h = document.getElementById(PAGE_TITLE_ID);
        h?.focus({ preventScroll: true });
    }, [key]);
}
