import type { RecordWire } from "../api";
import { addressLines, formatDate, formatPhone } from "../format";
import { useReference } from "../reference/useReference";
import { Badge, DescriptionList, Heading, Mono, Panel, Stack } from "../ui";

function lines(list: string[]) {
    return list.length === 0 ? "" : list.map((l, i) => <span key={i} style={{ display: "block" }}>{l}</span>);
}

/** RecordPanel shows the practitioner's record as the register holds it now, beside the request. */
export function RecordPanel({ record, today }: { record: RecordWire; today: string }) {
    const ref = useReference();
    const name = [ref.label("TRE_R81", record.civility), record.firstName, record.birthName].filter(s => s !== "").join(" ");
    const activities = record.activities ?? [];
    return (
        <Panel id="record-panel" title="Dossier RPPS du professionnel">
            <DescriptionList
                items={[
                    { term: "Numéro RPPS", value: <Mono>{record.rpps}</Mono> },
                    { term: "Nom de naissance", value: name },
                    { term: "Nom d'exercice", value: [record.exerciseFirstName ?? "", record.exerciseName].filter(s => s !== "").join(" ") },
                    { term: "Date de naissance", value: formatDate(record.birthDate) },
                    { term: "Adresse électronique", value: record.contact.email },
                    { term: "Téléphone", value: formatPhone(record.contact.phone) },
                    { term: "Adresse de correspondance", value: lines(addressLines(record.contact.address)) },
                    {
                        term: "Professions",
                        value: lines((record.professions ?? []).map(p => `${ref.professionLabel(p.code)}${p.since === undefined || p.since === "" ? "" : ` (depuis le ${formatDate(p.since)})`}`))
                    }
                ]}
            />
            <Heading level={3} look="h6">
                {`Activités (${String(activities.length)})`}
            </Heading>
            <Stack gap="sm" as="ul">
                {activities.map(a => {
                    const open = a.endDate === undefined || a.endDate === "" || a.endDate >= today;
                    return (
                        <li key={a.id} data-activity={a.id}>
                            <strong>{a.structure.companyName}</strong>{" "}
                            <Badge tone={open ? "success" : "neutral"}>{open ? "En cours" : "Terminée"}</Badge>
                            <br />
                            {ref.professionLabel(a.professionCode)} — {ref.label("TRE_R23", a.modeCode)}
                            <br />
                            {addressLines(a.structure.address).join(", ")} ({ref.departmentLabel(a.structure.department)})
                            <br />
                            {open ? `Depuis le ${formatDate(a.startDate)}` : `Du ${formatDate(a.startDate)} au ${formatDate(a.endDate)}${a.endReasonCode === undefined || a.endReasonCode === "" ? "" : ` — ${ref.label("TRE_R25", a.endReasonCode)}`}`}
                        </li>
                    );
                })}
            </Stack>
        </Panel>
    );
}
