import { useCallback } from "react";
import { api, type Activity, type NewActivityPayload, type Request, type RequestStatus } from "../../api";
import { useApi } from "../../hooks/useApi";
import { useReference } from "../../reference/useReference";
import { requestPath } from "../../routes";
import { Badge, ButtonGroup, ButtonLink, Card, Col, DescriptionList, Grid, Heading, Spacer } from "../../ui";
import { activityTerms, structureName } from "./activityFields";
import { usePulled } from "../../sync/useSync";

/** Statuses of a new activity sent and not decided yet. */
const PENDING: RequestStatus[] = ["transmitted", "under_review", "complement_requested"];

/** pendingActivity reads a transmitted new activity's payload as the activity it will be once the ARS accepts it. */
export function pendingActivity(r: Request): Activity {
    const p = r.payload as Partial<NewActivityPayload>;
    return {
        id: r.id,
        professionCode: p.professionCode ?? "",
        structure: { companyName: "", department: r.department ?? "", ...p.structure, address: { postalCode: "", city: "", ...p.structure?.address } },
        modeCode: p.modeCode ?? "",
        sectorCode: p.sectorCode ?? "",
        functionCode: p.functionCode ?? "",
        genreCode: p.genreCode ?? "",
        startDate: p.startDate ?? "",
        // Not in the register until the ARS accepts it.
        open: false
    };
}

/**
 * PendingActivities lists the new activities transmitted and not decided:
 * they are not in the register yet, « en attente de validation par l'ARS ».
 */
export function PendingActivities({ rpps }: { rpps: string }) {
    const ref = useReference();
    const load = useCallback(() => api.listRequests({ rpps, kind: "new_activity", statuses: PENDING }), [rpps]);
    const result = useApi(load);
    usePulled(result.reload);
    const pending = result.data ?? [];
    if (pending.length === 0) {
        return null;
    }
    return (
        <div id="activites-en-attente">
            <Spacer size="md" />
            <Heading level={2} look="h4">
                {`Activités déclarées, en attente de validation (${pending.length})`}
            </Heading>
            <Grid>
                {pending.map(r => {
                    const a = pendingActivity(r);
                    return (
                        <Col key={r.id} base={12} lg={6}>
                            <Card
                                id={`activite-en-attente-${r.id}`}
                                title={structureName(a) === "" ? "Nouvelle activité" : structureName(a)}
                                start={<Badge tone="info">{`En attente de validation par l'${ref.arsName(r.department)}`}</Badge>}
                                detail={<DescriptionList items={activityTerms(a, ref)} />}
                                footer={
                                    <ButtonGroup>
                                        <ButtonLink priority="tertiary" size="small" icon="time" to={requestPath(rpps, "new_activity", r.id)}>
                                            Suivre la demande
                                        </ButtonLink>
                                    </ButtonGroup>
                                }
                            />
                        </Col>
                    );
                })}
            </Grid>
        </div>
    );
}
