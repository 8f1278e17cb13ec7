import type { Activity } from "../../../api";
import { addressLines, formatDate } from "../../../format";
import { useReference } from "../../../reference/useReference";
import { paths } from "../../../routes";
import { Alert, DescriptionList, Focusable, Panel, Spacer, TextLink } from "../../../ui";
import { structureName } from "../activityFields";

/** ActivityRecap reminds which activity the cessation ends (focus target "field-activityId"), with its error. */
export function ActivityRecap({ rpps, activity, error }: { rpps: string; activity: Activity | undefined; error: string | undefined }) {
    const ref = useReference();
    return (
        <Focusable id="field-activityId">
            <Panel
                id="cease-activity"
                title={activity === undefined ? "Activité introuvable" : structureName(activity)}
                actions={
                    <TextLink to={paths.cease(rpps)} icon="arrowLeft">
                        Choisir une autre activité
                    </TextLink>
                }
            >
                {activity === undefined ? null : (
                    <DescriptionList
                        items={[
                            { term: "Adresse", value: addressLines(activity.structure.address).join(", ") },
                            { term: "Département", value: ref.departmentLabel(activity.structure.department) },
                            { term: "Profession", value: ref.professionLabel(activity.professionCode) },
                            { term: "Depuis le", value: formatDate(activity.startDate) }
                        ]}
                    />
                )}
            </Panel>
            {error === undefined ? null : (
                <>
                    <Spacer size="sm" />
                    <Alert severity="error" small>
                        <span data-field-error="activityId">{error}</span>
                    </Alert>
                </>
            )}
            <Spacer size="md" />
        </Focusable>
    );
}
