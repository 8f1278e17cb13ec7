import { useCallback, useState } from "react";
import { api, type Activity, type RequestItem } from "../../api";
import { splitActivities } from "../../domain/activities";
import { formatDate, plural } from "../../format";
import { useApi } from "../../hooks/useApi";
import { useReference } from "../../reference/useReference";
import { paths, requestPath, startPath } from "../../routes";
import { Alert, Badge, ButtonGroup, ButtonLink, Card, Col, DescriptionList, Grid, Heading, Spacer, Text, Toggle } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { activityTerms, structureName } from "./activityFields";
import { usePractitioner } from "./context";
import { PendingActivities } from "./PendingActivities";
import { usePulled } from "../../sync/useSync";

const ENDED_LIST_ID = "activites-terminees";

/** ActivitiesPage lists the places of practice: the current ones, and on demand the ended ones. */
export function ActivitiesPage() {
    const { practitioner } = usePractitioner();
    const [showEnded, setShowEnded] = useState(false);
    const { current, ended } = splitActivities(practitioner.activities);
    const rpps = practitioner.rpps;
    const loadCessations = useCallback(() => api.listRequests({ rpps, kind: "cease_activity" }).then(list => (list ?? []).filter(r => r.live)), [rpps]);
    const cessations = useApi(loadCessations);
    usePulled(cessations.reload);
    const cessationOf = (activityId: string): RequestItem | undefined => (cessations.data ?? []).find(r => r.targetId === activityId);

    return (
        <ActionPage title={actions.activities.title} intro="La liste de tous vos lieux d'exercice actuels, pour vérifier qu'une activité est bien enregistrée.">
            <Heading level={2} look="h4">
                {current.length === 0 ? "Aucune activité en cours" : `Activités en cours (${current.length})`}
            </Heading>
            {current.length === 0 ? (
                <Alert severity="info" small>
                    Aucune activité en cours n'est enregistrée dans votre dossier. Si vous exercez, déclarez votre activité.
                </Alert>
            ) : (
                <ActivityCards activities={current} rpps={rpps} cessationOf={cessationOf} />
            )}
            <PendingActivities rpps={rpps} />
            <Spacer size="md" />
            <ButtonGroup>
                <ButtonLink id="btn-new-activity" icon="add" to={actions.newActivity.path(rpps)}>
                    Déclarer une nouvelle activité
                </ButtonLink>
                <ButtonLink priority="secondary" icon="calendar" to={actions.cease.path(rpps)}>
                    Cesser une activité
                </ButtonLink>
            </ButtonGroup>
            <Text size="sm" muted>
                L'adresse de votre cabinet a changé ? Il s'agit d'un nouveau lieu d'exercice : cessez l'ancienne activité et déclarez la nouvelle. Pour
                un changement de département, cessez d'abord l'activité.
            </Text>
            <Spacer size="md" />

            {ended.length === 0 ? (
                <Text size="sm" muted>
                    Aucune activité terminée n'est enregistrée.
                </Text>
            ) : (
                <>
                    <Toggle id="toggle-terminees" label={`Afficher les activités terminées (${ended.length})`} checked={showEnded} onChange={setShowEnded} />
                    <div id={ENDED_LIST_ID} aria-live="polite">
                        {showEnded ? (
                            <>
                                <Spacer size="sm" />
                                <Heading level={2} look="h4">
                                    {`Activités terminées (${plural(ended.length, "activité", "activités")})`}
                                </Heading>
                                <ActivityCards activities={ended} rpps={rpps} ended />
                            </>
                        ) : null}
                    </div>
                </>
            )}
        </ActionPage>
    );
}

interface ActivityCardsProps {
    activities: Activity[];
    rpps: string;
    ended?: boolean;
    /** The cessation request under way for an activity, if any. */
    cessationOf?: (activityId: string) => RequestItem | undefined;
}

function ActivityCards({ activities, rpps, ended = false, cessationOf }: ActivityCardsProps) {
    const ref = useReference();
    return (
        <Grid>
            {activities.map(a => (
                <Col key={a.id} base={12} lg={6}>
                    <Card
                        id={`activite-${a.id}`}
                        title={structureName(a)}
                        start={
                            ended ? (
                                <Badge tone="neutral">{`Terminée le ${formatDate(a.endDate)}`}</Badge>
                            ) : (
                                <Badge tone="success">{`En cours depuis le ${formatDate(a.startDate)}`}</Badge>
                            )
                        }
                        detail={<DescriptionList items={activityTerms(a, ref)} />}
                        footer={ended ? undefined : <CeaseLink activity={a} rpps={rpps} cessation={cessationOf?.(a.id)} />}
                    />
                </Col>
            ))}
        </Grid>
    );
}

/** CeaseLink starts the cessation of an open activity, or leads to the one under way. */
function CeaseLink({ activity, rpps, cessation }: { activity: Activity; rpps: string; cessation: RequestItem | undefined }) {
    if (cessation === undefined) {
        return (
            <ButtonGroup>
                <ButtonLink id={`cease-${activity.id}`} priority="secondary" size="small" icon="calendar" to={startPath(rpps, "cease_activity", activity.id)}>
                    Cesser cette activité
                </ButtonLink>
            </ButtonGroup>
        );
    }
    if (cessation.permissions.canEdit) {
        return (
            <ButtonGroup>
                <ButtonLink id={`cease-${activity.id}`} priority="secondary" size="small" icon="edit" to={requestPath(rpps, "cease_activity", cessation.id)}>
                    Reprendre la cessation en cours
                </ButtonLink>
            </ButtonGroup>
        );
    }
    return (
        <ButtonGroup>
            <ButtonLink id={`cease-${activity.id}`} priority="tertiary" size="small" icon="time" to={paths.requests(rpps)}>
                Cessation transmise : suivre la demande
            </ButtonLink>
        </ButtonGroup>
    );
}
