import { useCallback, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, type Activity, type Practitioner, type RequestItem } from "../../../api";
import { splitActivities } from "../../../domain/activities";
import { addressLines, formatDate, formatDateTime } from "../../../format";
import { useApi } from "../../../hooks/useApi";
import { useReference } from "../../../reference/useReference";
import { paths, startPath } from "../../../routes";
import { Alert, Button, ButtonGroup, ButtonLink, Loading, RadioCards, type RadioCardOption } from "../../../ui";
import { structureName } from "../activityFields";

const CHOICE_ID = "field-activityId";

/** Secteurs d'activité (TRE_R02) of a cabinet: drawn with a house, the others with a hospital. */
const CABINET_SECTORS = new Set(["SA07", "SA08", "SA52"]);

/** ChooseActivity is the cessation's first step: which of the activities in progress ends. */
export function ChooseActivity({ practitioner }: { practitioner: Practitioner }) {
    const rpps = practitioner.rpps;
    const { current } = splitActivities(practitioner.activities);
    const load = useCallback(() => api.listRequests({ rpps, kind: "cease_activity" }).then(list => (list ?? []).filter(r => r.live)), [rpps]);
    const requests = useApi(load);
    const navigate = useNavigate();
    const [choice, setChoice] = useState("");
    const [error, setError] = useState("");

    if (current.length === 0) {
        return (
            <>
                <Alert severity="info" title="Aucune activité en cours">
                    Votre dossier ne compte aucune activité en cours : il n'y a pas d'activité à cesser.
                </Alert>
                <ButtonGroup>
                    <ButtonLink priority="secondary" icon="arrowLeft" to={paths.activities(rpps)}>
                        Voir mes activités professionnelles
                    </ButtonLink>
                </ButtonGroup>
            </>
        );
    }
    if (requests.status === "loading") {
        return <Loading label="Lecture de vos activités…" />;
    }
    const pending = requests.data ?? [];
    const next = () => {
        if (choice === "") {
            setError("Choisissez l'activité à cesser.");
            document.getElementById(`${CHOICE_ID}-0`)?.focus();
            return;
        }
        void navigate(startPath(rpps, "cease_activity", choice));
    };
    return (
        <>
            <RadioCards
                id={CHOICE_ID}
                name="activityId"
                legend="Quelle activité prend fin ?"
                hint="Vos activités en cours. Pour un déménagement de cabinet, cessez l'activité à l'ancienne adresse."
                value={choice}
                onChange={v => {
                    setChoice(v);
                    setError("");
                }}
                options={current.map(a => activityOption(a, pending))}
                error={error}
                errorFor="activityId"
            />
            <ButtonGroup>
                <Button id="btn-next" icon="arrowRight" iconPosition="right" onClick={next}>
                    Continuer
                </Button>
                <ButtonLink priority="tertiary" to={paths.portal(rpps)}>
                    Annuler
                </ButtonLink>
            </ButtonGroup>
        </>
    );
}

function pendingLabel(a: Activity, pending: RequestItem[]): string {
    const r = pending.find(p => p.targetId === a.id);
    if (r === undefined) {
        return "";
    }
    return r.status === "draft" ? `Demande de cessation en cours, enregistrée le ${formatDateTime(r.updatedAt)}` : "Une demande de cessation a déjà été transmise";
}

function activityOption(a: Activity, pending: RequestItem[]): RadioCardOption {
    return {
        value: a.id,
        label: structureName(a),
        hint: <ActivityHint activity={a} pending={pendingLabel(a, pending)} />,
        pictogram: CABINET_SECTORS.has(a.sectorCode) ? "contact" : "activities"
    };
}

function ActivityHint({ activity: a, pending }: { activity: Activity; pending: string }) {
    const ref = useReference();
    return (
        <>
            {addressLines(a.structure.address).join(", ")}
            <br />
            {`${ref.professionLabel(a.professionCode)} · depuis le ${formatDate(a.startDate)}`}
            {pending === "" ? null : (
                <>
                    <br />
                    <strong>{pending}</strong>
                </>
            )}
        </>
    );
}
