import { useSearchParams } from "react-router-dom";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { NewActivityForm } from "./newActivity/NewActivityForm";

/**
 * NewActivityPage declares a new place of practice (Déclarer une nouvelle
 * activité): a stepped form saved as a draft while typed (?demande=<id> opens
 * a given request), then transmitted to the ARS of the new place.
 */
export function NewActivityPage() {
    const { practitioner } = usePractitioner();
    const [params] = useSearchParams();
    const requestId = params.get("demande") ?? "";
    return (
        <ActionPage
            title={actions.newActivity.title}
            intro="Pour déclarer sa nouvelle activité (nouveau lieu d'exercice). Si l'adresse de votre cabinet est modifiée, il s'agit d'un nouveau lieu."
        >
            <NewActivityForm key={requestId} practitioner={practitioner} requestId={requestId} />
        </ActionPage>
    );
}
