import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router-dom";
import { Alert, focusStepHeading, Spacer, Stepper } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { CeaseForm } from "./cease/CeaseForm";
import { ChooseActivity } from "./cease/ChooseActivity";
import { usePractitioner } from "./context";

const STEP_CHOOSE = "Choisir l'activité qui prend fin";
const STEP_FORM = "Date et motif de fin d'activité";
const STEP_HEADING_ID = "cease-step-heading";

/**
 * CeaseActivityPage declares the end of an activity, in two steps: choose
 * the activity (skipped with ?activite=<id> or ?demande=<id>), then the end
 * date and reason, saved as a draft while typed, then transmitted.
 */
export function CeaseActivityPage() {
    const { practitioner } = usePractitioner();
    const [params] = useSearchParams();
    const requestId = params.get("demande") ?? "";
    const activityId = params.get("activite") ?? "";
    const chosen = requestId !== "" || activityId !== "";
    // After « Suivant » (or back to the choice): the focus goes to the new step's heading.
    const shown = useRef(chosen);
    useEffect(() => {
        if (shown.current !== chosen) {
            focusStepHeading(STEP_HEADING_ID);
        }
        shown.current = chosen;
    }, [chosen]);
    return (
        <ActionPage title={actions.cease.title} intro="Pour déclarer la fin d'une activité.">
            <Alert severity="warning" title="À faire en premier, pour tout changement de département">
                Vous quittez un département pour un autre ? Déclarez d'abord la fin de votre activité dans l'ancien département, puis votre nouvelle
                activité.
            </Alert>
            <Spacer size="md" />
            {chosen ? (
                <>
                    <Stepper current={2} count={2} title={STEP_FORM} headingId={STEP_HEADING_ID} />
                    <CeaseForm key={`${requestId}|${activityId}`} rpps={practitioner.rpps} requestId={requestId} activityId={activityId} />
                </>
            ) : (
                <>
                    <Stepper current={1} count={2} title={STEP_CHOOSE} next={STEP_FORM} headingId={STEP_HEADING_ID} />
                    <ChooseActivity practitioner={practitioner} />
                </>
            )}
        </ActionPage>
    );
}
