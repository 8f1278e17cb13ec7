// The connection pages erpps-server serves beside the back office, each a
// lazily loaded part of the front end picked by the path (main.tsx).

export const connectPaths = {
    login: "/connexion",
    mobile: "/mobile",
    help: "/aide-connexion"
} as const;

export type ConnectPage = keyof typeof connectPaths;

/** connectPageOf says which connection page a path is (a trailing slash tolerated), or null for the back office. */
export function connectPageOf(pathname: string): ConnectPage | null {
    const p = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    for (const [page, path] of Object.entries(connectPaths) as [ConnectPage, string][]) {
        if (p === path) {
            return page;
        }
    }
    return null;
}
