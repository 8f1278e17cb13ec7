import type { RequestEvent } from "../api";
import { statusLabel } from "../domain/requests";
import { formatDateTime } from "../format";
import { DataTable, Heading } from "../ui";

const ROLE_LABELS: Partial<Record<string, string>> = {
    professional: "Professionnel",
    secretary: "Secrétariat",
    ars_agent: "ARS",
    system: "eRPPS"
};

function actorLabel(e: RequestEvent): string {
    if (e.actor.name !== "") {
        return e.actor.name;
    }
    return ROLE_LABELS[e.actor.role] ?? e.actor.role;
}

function eventLabel(e: RequestEvent): string {
    return (e.from as string) === "" ? "Demande commencée (brouillon)" : statusLabel(e.to);
}

/** RequestHistory lists a request's dated, attributed transitions, oldest first. */
export function RequestHistory({ history }: { history: readonly RequestEvent[] | null }) {
    const events = [...(history ?? [])].sort((a, b) => a.at.localeCompare(b.at));
    if (events.length === 0) {
        return null;
    }
    return (
        <section aria-labelledby="request-history-title">
            <Heading level={2} look="h5" id="request-history-title">
                Historique de la demande
            </Heading>
            <DataTable
                id="request-history"
                caption="Historique de la demande"
                captionHidden
                headers={["Date", "Étape", "Par", "Commentaire"]}
                rows={events.map(e => [formatDateTime(e.at), eventLabel(e), actorLabel(e), e.comment ?? ""])}
            />
        </section>
    );
}
