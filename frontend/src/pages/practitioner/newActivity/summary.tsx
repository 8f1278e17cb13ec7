import type { Activity, Address, NewActivityPayload, Structure } from "../../../api";
import { addressLines, formatDate, formatSIRET } from "../../../format";
import type { Reference } from "../../../reference/lookup";
import { Mono, type Term } from "../../../ui";
import { structureName } from "../activityFields";
import { lookupMethod, mergedStreet } from "./model";

// What the new activity declares, as label/value pairs: the review step's
// sections and the read-only view of a transmitted request.

/** companyLabel is the raison sociale, with the enseigne when it differs. */
export function companyLabel(s: Structure): string {
    const trade = s.tradeName ?? "";
    if (trade !== "" && trade !== s.companyName) {
        return s.companyName === "" ? trade : `${s.companyName} (${trade})`;
    }
    return s.companyName;
}

/** placeAddress writes an address on one line, its street type once. */
export function placeAddress(a: Address): string {
    return addressLines({ ...a, streetType: undefined, street: mergedStreet(a) }).join(", ");
}

/**
 * placeDepartment is the département of the new place as the Go side tells
 * it (goDepartment: the request's route, or the validation's), else the
 * register's.
 */
export function placeDepartment(s: Structure, goDepartment: string | undefined): string {
    return goDepartment !== undefined && goDepartment !== "" ? goDepartment : s.department;
}

/** goDepartment is the département Go routed the request to, else the one its validation tells. */
export function goDepartment(request: { department?: string } | undefined, validation: { department?: string }): string {
    const routed = request?.department ?? "";
    return routed !== "" ? routed : (validation.department ?? "");
}

/** identifierTerms names the numbers the structure is known by. */
export function identifierTerms(s: Structure): Term[] {
    const out: Term[] = [];
    if ((s.siret ?? "") !== "") {
        out.push({ term: "SIRET", value: <Mono>{formatSIRET(s.siret)}</Mono> });
    }
    if ((s.finess ?? "") !== "") {
        out.push({ term: "FINESS établissement", value: <Mono>{s.finess}</Mono> });
    }
    return out;
}

/** structureTerms: the first step (profession and structure); requestDepartment is the ARS's, once the Go side set it. */
export function structureTerms(p: NewActivityPayload, ref: Reference, requestDepartment?: string): Term[] {
    const s = p.structure;
    const method = lookupMethod(p);
    return [
        { term: "Profession", value: ref.professionLabel(p.professionCode) },
        { term: "Structure", value: companyLabel(s) },
        ...identifierTerms(s),
        ...(method === "manual" ? [{ term: "Identification", value: "Saisie manuelle (sans SIRET ni FINESS)" }] : []),
        { term: "Adresse", value: placeAddress(s.address) },
        { term: "Département", value: departmentValue(placeDepartment(s, requestDepartment), ref) }
    ];
}

function departmentValue(code: string, ref: Reference): string {
    return code === "" ? "" : ref.departmentLabel(code);
}

/** exerciseTerms: the second step. */
export function exerciseTerms(p: NewActivityPayload, ref: Reference): Term[] {
    return [
        { term: "Mode d'exercice", value: ref.label("TRE_R23", p.modeCode) },
        { term: "Secteur d'activité", value: ref.label("TRE_R02", p.sectorCode) },
        { term: "Fonction", value: ref.label("TRE_R21", p.functionCode) },
        { term: "Genre d'activité", value: (p.genreCode ?? "") === "" ? "Non précisé" : ref.label("TRE_R22", p.genreCode) },
        { term: "Date de début", value: formatDate(p.startDate) }
    ];
}

/** moveTerms: the third step, with the day the replaced activity ends (end: from Go, Validation.moveEndDate). */
export function moveTerms(p: NewActivityPayload, activities: readonly Activity[], end: string): Term[] {
    const id = p.replacesActivityId ?? "";
    if (id !== "") {
        const a = activities.find(x => x.id === id);
        return [
            { term: "Déménagement", value: `Oui : remplace ${a === undefined ? id : structureName(a)}` },
            {
                term: "Fin de l'ancien lieu",
                value: end === "" ? "La veille du début de la nouvelle activité" : `${formatDate(end)} (cessation liée, motif « changement de lieu d'exercice »)`
            }
        ];
    }
    if (p.keepsOtherActivities === true) {
        return [{ term: "Déménagement", value: "Non : lieu d'exercice supplémentaire, vos autres activités continuent" }];
    }
    return [{ term: "Déménagement", value: "" }];
}

/** newActivitySummary is the whole request, for the read-only view. */
export function newActivitySummary(p: NewActivityPayload, ref: Reference, activities: readonly Activity[], moveEnd: string, requestDepartment?: string): Term[] {
    return [{ term: "Demande", value: "Nouvelle activité" }, ...structureTerms(p, ref, requestDepartment), ...exerciseTerms(p, ref), ...moveTerms(p, activities, moveEnd)];
}
