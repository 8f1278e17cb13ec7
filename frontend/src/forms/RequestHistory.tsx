import type { Step } from "../api";
import { formatDateTime } from "../format";
import { DataTable, Heading } from "../ui";

function eventLabel(e: Step): string {
    return (e.from as string) === "" ? "Demande commencée (brouillon)" : e.statusLabel;
}

/** RequestHistory lists a request's dated, attributed transitions, oldest first. */
export function RequestHistory({ steps }: { steps: readonly Step[] | null }) {
    const events = steps ?? [];
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
                rows={events.map(e => [formatDateTime(e.at), eventLabel(e), e.actorLabel, e.comment ?? ""])}
            />
        </section>
    );
}
