import type { Practitioner } from "../../api";
import { splitActivities } from "../../domain/activities";
import { addressLines, formatDate, formatDateTime, formatPhone } from "../../format";
import { useReference } from "../../reference/useReference";
import { Badge, Col, DataTable, DescriptionList, Grid, Mono, Panel, Spacer, Text, TextLink } from "../../ui";
import { paths } from "../../routes";
import { ActionPage } from "./ActionPage";
import { structureIdentifiers, structureName } from "./activityFields";
import { usePractitioner } from "./context";

/** RecordPage shows the whole record as the local store holds it. */
export function RecordPage() {
    const { practitioner: p } = usePractitioner();
    return (
        <ActionPage alwaysOpen title="Mon dossier RPPS" intro="Les informations enregistrées au RPPS pour ce professionnel, telles qu'elles sont conservées sur ce poste.">
            <Text size="sm" muted>
                {`Dossier mis à jour sur ce poste le ${formatDateTime(p.updatedAt)}.`}
            </Text>
            <Grid>
                <Col base={12} lg={6}>
                    <Identity p={p} />
                </Col>
                <Col base={12} lg={6}>
                    <ContactDetails p={p} />
                </Col>
            </Grid>
            <Spacer size="lg" />
            <Professions p={p} />
            <Spacer size="lg" />
            <Activities p={p} />
        </ActionPage>
    );
}

function Identity({ p }: { p: Practitioner }) {
    const ref = useReference();
    return (
        <Panel title="Identité" id="identite" actions={<TextLink to={paths.exerciseName(p.rpps)} icon="edit">Modifier le nom d'exercice</TextLink>}>
            <DescriptionList
                items={[
                    { term: "Civilité", value: ref.label("TRE_R81", p.civility) },
                    { term: "Civilité d'exercice", value: ref.label("TRE_R11", p.exerciseCivility) },
                    { term: "Nom de naissance", value: p.birthName },
                    { term: "Nom d'exercice", value: p.exerciseName === "" ? `${p.birthName} (nom de naissance)` : p.exerciseName },
                    { term: "Prénom", value: p.firstName },
                    ...(p.exerciseFirstName !== undefined && p.exerciseFirstName !== "" && p.exerciseFirstName !== p.firstName
                        ? [{ term: "Prénom d'exercice", value: p.exerciseFirstName }]
                        : []),
                    { term: "N° RPPS", value: <Mono>{p.rpps}</Mono> },
                    { term: "Identifiant national (IDNPS)", value: <Mono>{p.idnps}</Mono> }
                ]}
            />
        </Panel>
    );
}

function ContactDetails({ p }: { p: Practitioner }) {
    const lines = addressLines(p.contact.address);
    return (
        <Panel
            title="Coordonnées de correspondance"
            id="coordonnees"
            actions={<TextLink to={paths.contact(p.rpps)} icon="edit">Modifier</TextLink>}
        >
            <DescriptionList
                items={[
                    { term: "Adresse électronique", value: p.contact.email },
                    { term: "Téléphone", value: formatPhone(p.contact.phone) },
                    {
                        term: "Adresse postale",
                        value:
                            lines.length === 0 ? "" : (
                                <>
                                    {lines.map((l, i) => (
                                        <span key={i}>
                                            {l}
                                            <br />
                                        </span>
                                    ))}
                                </>
                            )
                    }
                ]}
            />
            <Text size="sm" muted>
                Si vous avez droit à une carte CPS, c'est à cette adresse que vous la recevrez.
            </Text>
        </Panel>
    );
}

function Professions({ p }: { p: Practitioner }) {
    const ref = useReference();
    const professions = p.professions ?? [];
    return (
        <Panel title={`Professions (${professions.length})`} id="professions">
            {professions.length === 0 ? (
                <Text muted>Aucune profession enregistrée.</Text>
            ) : (
                <DataTable
                    caption="Professions enregistrées sous ce numéro RPPS"
                    captionHidden
                    headers={["Profession", "Catégorie professionnelle", "Savoir-faire / spécialité", "Depuis le"]}
                    rows={professions.map(pr => [
                        ref.professionLabel(pr.code),
                        ref.label("TRE_R09", pr.categoryCode),
                        [ref.label("TRE_R04", pr.skillTypeCode), ref.label("TRE_R38", pr.skillCode)].filter(s => s !== "").join(" : "),
                        formatDate(pr.since)
                    ])}
                />
            )}
        </Panel>
    );
}

function Activities({ p }: { p: Practitioner }) {
    const ref = useReference();
    const { current, ended } = splitActivities(p.activities);
    const all = [...current, ...ended];
    return (
        <Panel title={`Activités (${current.length} en cours, ${ended.length} terminée${ended.length > 1 ? "s" : ""})`} id="activites" actions={<TextLink to={paths.activities(p.rpps)} icon="arrowRight">Voir mes activités</TextLink>}>
            {all.length === 0 ? (
                <Text muted>Aucune activité enregistrée.</Text>
            ) : (
                <DataTable
                    caption="Activités enregistrées"
                    captionHidden
                    headers={["Structure", "Adresse", "Exercice", "Période"]}
                    rows={all.map(a => {
                        const isEnded = ended.includes(a);
                        return [
                            <>
                                <strong>{structureName(a)}</strong>
                                {structureIdentifiers(a).map((t, i) => (
                                    <span key={i}>
                                        <br />
                                        {t.term} {t.value}
                                    </span>
                                ))}
                            </>,
                            <>
                                {addressLines(a.structure.address).join(", ")}
                                <br />
                                {`Département ${ref.departmentLabel(a.structure.department)}`}
                            </>,
                            <>
                                {ref.professionLabel(a.professionCode)}
                                <br />
                                {[ref.label("TRE_R23", a.modeCode), ref.label("TRE_R02", a.sectorCode), ref.label("TRE_R21", a.functionCode)]
                                    .filter(x => x !== "")
                                    .join(" · ")}
                            </>,
                            isEnded ? (
                                <>
                                    <Badge tone="neutral">Terminée</Badge>
                                    <br />
                                    {`du ${formatDate(a.startDate)} au ${formatDate(a.endDate)}`}
                                </>
                            ) : (
                                <>
                                    <Badge tone="success">En cours</Badge>
                                    <br />
                                    {`depuis le ${formatDate(a.startDate)}`}
                                </>
                            )
                        ];
                    })}
                />
            )}
        </Panel>
    );
}
