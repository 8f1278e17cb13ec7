import { useEffect } from "react";

export const SERVICE_NAME = "eRPPS Desktop";

/** usePageTitle sets the window title of the page (RGAA: each page has its own title). */
export function usePageTitle(title: string): void {
    useEffect(() => {
        document.title = title === "" ? SERVICE_NAME : `${title} - ${SERVICE_NAME}`;
    }, [title]);
}
