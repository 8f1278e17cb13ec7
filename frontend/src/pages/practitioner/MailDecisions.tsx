import { useCallback, useEffect, useRef, useState } from "react";
import { api, type MailFindingView } from "../../api";
import { formatDateTime } from "../../format";
import { decisionDisplay, decisionsFor } from "../../mailbox/mailbox";
import { Badge, Text } from "../../ui";

/**
 * MailDecisions shows, on a request, the ARS decision e-mails the cabinet's
 * mailbox received for it (« Boîte aux lettres du cabinet »).
 */
export function MailDecisions({ requestId }: { requestId: string }) {
    const [found, setFound] = useState<MailFindingView[]>([]);
    const round = useRef(0);
    const load = useCallback(() => {
        const mine = ++round.current;
        api.listMailFindings({ rpps: "", requestId, limit: 20 }).then(
            list => {
                if (mine === round.current) {
                    setFound(decisionsFor(list, requestId));
                }
            },
            () => undefined // kept as shown: the next change reloads
        );
    }, [requestId]);
    useEffect(() => {
        load();
        return api.onEvent("mailbox:changed", load);
    }, [load]);
    if (found.length === 0) {
        return null;
    }
    return (
        <div id={`mail-decisions-${requestId}`}>
            {found.map(f => {
                const d = decisionDisplay(f.decision);
                return (
                    <Text key={f.id} size="sm">
                        <Badge tone={d.tone}>{d.label}</Badge> Courriel de l'ARS reçu le {formatDateTime(f.receivedAt)} dans la boîte aux lettres du cabinet.
                    </Text>
                );
            })}
        </div>
    );
}
