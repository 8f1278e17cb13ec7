import { useEffect } from "react";
import { api, type ServerSettings } from "../api";
import { useApi } from "../hooks/useApi";
import { connectedOf, type Connected } from "./login";

/** useConnection says who is signed in on this computer, read again after every login or sign-out. */
export function useConnection(): { settings: ServerSettings | undefined; connected: Connected; reload: () => void } {
    const loaded = useApi(api.serverSettings);
    const { reload } = loaded;
    useEffect(
        () =>
            api.onEvent("connection:changed", () => {
                reload();
            }),
        [reload]
    );
    const settings = loaded.status === "success" ? loaded.data : undefined;
    return { settings, connected: connectedOf(settings), reload };
}
