import type { Activity } from "../../api";
import { addressLines, formatDate, formatSIRET } from "../../format";
import type { Reference } from "../../reference/lookup";
import { Mono, type Term } from "../../ui";

/** structureIdentifiers names the structure's identifiers: SIRET, FINESS, or the technical one. */
export function structureIdentifiers(a: Activity): Term[] {
    const s = a.structure;
    const out: Term[] = [];
    if (s.siret !== undefined && s.siret !== "") {
        out.push({ term: "SIRET", value: <Mono>{formatSIRET(s.siret)}</Mono> });
    }
    if (s.finess !== undefined && s.finess !== "") {
        out.push({ term: "FINESS établissement", value: <Mono>{s.finess}</Mono> });
    }
    if (out.length === 0 && s.technicalId !== undefined && s.technicalId !== "") {
        out.push({ term: "Identifiant technique", value: <Mono>{s.technicalId}</Mono> });
    }
    return out;
}

/** activityTerms lists what the RPPS holds about an activity, with NOS labels. */
export function activityTerms(a: Activity, ref: Reference): Term[] {
    const terms: Term[] = [
        { term: "Adresse", value: addressLines(a.structure.address).join(", ") },
        { term: "Département", value: ref.departmentLabel(a.structure.department) },
        ...structureIdentifiers(a),
        { term: "Profession", value: ref.professionLabel(a.professionCode) },
        { term: "Mode d'exercice", value: ref.label("TRE_R23", a.modeCode) },
        { term: "Secteur d'activité", value: ref.label("TRE_R02", a.sectorCode) },
        { term: "Fonction", value: ref.label("TRE_R21", a.functionCode) },
        { term: "Depuis le", value: formatDate(a.startDate) }
    ];
    if (a.endDate !== undefined && a.endDate !== "") {
        terms.push({ term: "Fin d'activité", value: formatDate(a.endDate) });
        if (a.endReasonCode !== undefined && a.endReasonCode !== "") {
            terms.push({ term: "Motif de fin", value: ref.label("TRE_R25", a.endReasonCode) });
        }
    }
    return terms;
}

/** structureName is the raison sociale, with the trade name when it differs. */
export function structureName(a: Activity): string {
    const { companyName, tradeName } = a.structure;
    const name = companyName !== "" ? companyName : (tradeName ?? "Structure sans nom");
    if (tradeName !== undefined && tradeName !== "" && tradeName !== companyName) {
        return `${name} (${tradeName})`;
    }
    return name;
}
