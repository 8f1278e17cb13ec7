import { useSearchParams } from "react-router-dom";
import { formatDate } from "../../format";
import { useReference } from "../../reference/useReference";
import { paths } from "../../routes";
import { CallOut, DescriptionList, Panel, Spacer, Text, TextLink } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";
import { NewProfessionForm } from "./newProfession/NewProfessionForm";

/**
 * NewProfessionPage adds a profession to the RPPS number (e.g. Opticien →
 * Audioprothésiste): not to be confused with a new place of practice.
 */
export function NewProfessionPage() {
    const { practitioner } = usePractitioner();
    const ref = useReference();
    const [params] = useSearchParams();
    const requestId = params.get("demande") ?? "";
    const held = practitioner.professions ?? [];
    return (
        <ActionPage alwaysOpen title={actions.newProfession.title}>
            <CallOut title="Nouvelle profession ou nouveau lieu d'exercice ?" icon="info" titleAs="h2">
                <>
                    <Text>
                        Il est possible d'ajouter une nouvelle profession à son numéro RPPS (exemple : Opticien → Audioprothésiste).{" "}
                        <strong>Ne pas confondre avec la déclaration d'un nouveau lieu d'exercice.</strong>
                    </Text>
                    <Text noMargin>
                        Vous exercez la même profession dans un autre lieu ?{" "}
                        <TextLink id="link-new-activity" to={paths.newActivity(practitioner.rpps)} icon="arrowRight">
                            Déclarer une nouvelle activité
                        </TextLink>
                    </Text>
                </>
            </CallOut>
            <Panel title="Profession(s) enregistrée(s) sous votre numéro RPPS" id="professions-held">
                {held.length === 0 ? (
                    <Text muted noMargin>
                        Aucune profession enregistrée.
                    </Text>
                ) : (
                    <DescriptionList
                        items={held.map(h => ({
                            term: ref.professionLabel(h.code),
                            value: [ref.label("TRE_R09", h.categoryCode), h.since === undefined || h.since === "" ? "" : `depuis le ${formatDate(h.since)}`]
                                .filter(s => s !== "")
                                .join(", ")
                        }))}
                    />
                )}
            </Panel>
            <Spacer size="lg" />
            <NewProfessionForm key={requestId} practitioner={practitioner} requestId={requestId} />
        </ActionPage>
    );
}
