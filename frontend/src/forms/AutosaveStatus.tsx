import { ApiError } from "../api";
import type { AutosaveState } from "../hooks/autosave";
import { Button, StatusLine } from "../ui";
import { retryHelps } from "./retry";
import { formatClock } from "./time";

export const AUTOSAVE_STATUS_ID = "autosave-status";

function errorMessage(error: unknown): string {
    return error instanceof ApiError ? error.message : "le service de ce poste n'a pas répondu.";
}

/**
 * AutosaveStatus tells where the draft's autosave stands (id autosave-status,
 * read out politely): "Enregistrement…", "Brouillon enregistré à 10:42:05",
 * or the failure with a retry.
 */
export function AutosaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
    switch (state.status) {
        case "pending":
        case "saving":
            return (
                <StatusLine id={AUTOSAVE_STATUS_ID} tone="busy">
                    Enregistrement…
                </StatusLine>
            );
        case "saved":
            return (
                <StatusLine id={AUTOSAVE_STATUS_ID} tone="success">
                    {`Brouillon enregistré à ${formatClock(state.savedAt ?? new Date())}`}
                </StatusLine>
            );
        case "error":
            return (
                <StatusLine
                    id={AUTOSAVE_STATUS_ID}
                    tone="error"
                    action={
                        retryHelps(state.error) ? (
                            <Button priority="tertiary-no-outline" size="small" icon="refresh" onClick={onRetry}>
                                Réessayer l'enregistrement
                            </Button>
                        ) : undefined
                    }
                >
                    {retryHelps(state.error)
                        ? `Échec de l'enregistrement : ${errorMessage(state.error)}`
                        : `Non enregistré : ${errorMessage(state.error)} Choisissez la version à garder.`}
                </StatusLine>
            );
        case "idle":
            return (
                <StatusLine id={AUTOSAVE_STATUS_ID} tone="neutral">
                    Vos saisies sont enregistrées automatiquement sur ce poste, même hors connexion.
                </StatusLine>
            );
    }
}
