import { useCallback, useEffect, useRef } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { NewActivityPayload, Practitioner } from "../../../api";
import { splitActivities } from "../../../domain/activities";
import { ComplementNotice, ConflictPanel, OutcomeAlert, RequestStatusBadge, RequestOpening, RequestStatusView, ResumedNotice, SyncIssuePanel, TransmitBar, useRequestDraft, fieldId } from "../../../forms";
import { useReference } from "../../../reference/useReference";
import { paths } from "../../../routes";
import { Button, ButtonGroup, Focusable, focusStepHeading, Spacer, Stepper } from "../../../ui";
import { ExerciseStep } from "./ExerciseStep";
import { LABELS, parseStep, STEP_COUNT, STEPS, type StepNumber } from "./model";
import { MoveStep } from "./MoveStep";
import { ReviewStep } from "./ReviewStep";
import { StepErrorSummary } from "./StepErrorSummary";
import { StepNav } from "./StepNav";
import { StructureStep } from "./StructureStep";
import { newActivitySummary } from "./summary";
import { useStructureLookup } from "./useStructureLookup";

const STEPPER_ID = "new-activity-stepper";
/** The step's heading, where the focus goes after « Suivant » or « Précédent ». */
const STEP_HEADING_ID = "new-activity-step-heading";

/** focusField moves the focus to a field (or the first control of a group), once the step shows it. */
function focusField(id: string): void {
    const el = document.getElementById(id);
    if (el === null) {
        return;
    }
    const control = el.matches("input, select, textarea, button") ? el : el.querySelector<HTMLElement>("input:checked, input, select, textarea, button");
    const target = control ?? el;
    target.scrollIntoView({ block: "center" });
    target.focus();
}

/**
 * NewActivityForm declares a new place of practice in four steps (structure,
 * exercise, moved cabinet?, review). The steps only show parts of one draft:
 * every field is saved as it is typed and checked by the Go side, whatever the
 * step; ?etape= keeps the step in the address (the browser's back button goes
 * to the previous step).
 */
export function NewActivityForm({ practitioner, requestId }: { practitioner: Practitioner; requestId: string }) {
    const rpps = practitioner.rpps;
    const ref = useReference();
    const draft = useRequestDraft<NewActivityPayload>({ rpps, kind: "new_activity", requestId });
    const lookup = useStructureLookup(draft);
    const [params, setParams] = useSearchParams();
    const navigate = useNavigate();
    const step = parseStep(params.get("etape"));
    const focusRequest = params.get("champ") ?? "";
    const { current } = splitActivities(practitioner.activities);

    const hrefOf = useCallback(
        (n: number, field?: string) => {
            const q = new URLSearchParams();
            if (requestId !== "") {
                q.set("demande", requestId);
            }
            q.set("etape", String(n));
            if (field !== undefined && field !== "") {
                q.set("champ", field);
            }
            return `${paths.newActivity(rpps)}?${q.toString()}`;
        },
        [rpps, requestId]
    );
    const goTo = useCallback(
        (n: StepNumber, field?: string) => {
            void navigate(hrefOf(n, field));
        },
        [navigate, hrefOf]
    );

    // After a change of step: the focus goes to the field asked for, else to the new step's heading.
    const shownStep = useRef<StepNumber | null>(null);
    const ready = draft.phase === "ready" && draft.editable;
    useEffect(() => {
        if (!ready) {
            return;
        }
        if (focusRequest !== "") {
            focusField(fieldId(focusRequest));
            setParams(
                p => {
                    const next = new URLSearchParams(p);
                    next.delete("champ");
                    return next;
                },
                { replace: true }
            );
        } else if (shownStep.current !== null && shownStep.current !== step) {
            focusStepHeading(STEP_HEADING_ID);
        }
        shownStep.current = step;
    }, [ready, step, focusRequest, setParams]);

    const payload = draft.payload;
    if (draft.phase !== "ready" || draft.request === undefined || payload === undefined) {
        return <RequestOpening draft={draft} />;
    }
    const request = draft.request;
    if (!draft.editable) {
        return (
            <>
                <SyncIssuePanel requestId={request.id} labels={LABELS} />
                <RequestStatusView
                    draft={draft}
                    rpps={rpps}
                    summary={newActivitySummary(payload, ref, practitioner.activities ?? [], draft.validation.moveEndDate ?? "", request.department)}
                />
            </>
        );
    }
    const info = STEPS[step - 1];
    return (
        <>
            {draft.resumed ? <ResumedNotice request={request} /> : null}
            {request.status === "complement_requested" ? (
                <>
                    <p>
                        Statut : <RequestStatusBadge request={request} />
                    </p>
                    <ComplementNotice request={request} />
                </>
            ) : null}
            <OutcomeAlert draft={draft} />
            <SyncIssuePanel requestId={request.id} labels={LABELS} />
            <ConflictPanel draft={draft} labels={LABELS} />
            {draft.outcome.kind === "invalid" ? (
                <StepErrorSummary errors={draft.errors} attempt={draft.outcome.attempt} message={draft.outcome.message} hrefOf={hrefOf} />
            ) : null}
            <Focusable id={STEPPER_ID}>
                <Stepper current={step} count={STEP_COUNT} title={info?.title ?? ""} next={STEPS[step]?.title} headingId={STEP_HEADING_ID} />
            </Focusable>
            {step === 1 ? <StructureStep draft={draft} payload={payload} practitioner={practitioner} lookup={lookup} /> : null}
            {step === 2 ? <ExerciseStep draft={draft} payload={payload} /> : null}
            {step === 3 ? <MoveStep draft={draft} payload={payload} current={current} /> : null}
            {step === 4 ? (
                <>
                    <ReviewStep draft={draft} payload={payload} rpps={rpps} current={current} goTo={goTo} />
                    <ButtonGroup>
                        <Button
                            id="btn-previous"
                            priority="secondary"
                            icon="arrowLeft"
                            onClick={() => {
                                goTo(3);
                            }}
                        >
                            Précédent
                        </Button>
                    </ButtonGroup>
                    <Spacer size="sm" />
                    <TransmitBar draft={draft} rpps={rpps} />
                </>
            ) : (
                <StepNav step={step} draft={draft} goTo={goTo} />
            )}
        </>
    );
}
