import type { Department, ReferenceCode, ReferenceData, ReferenceTableId } from "../api";

// Lookups in the NOS tables sent once by ReferenceData(). Display shows the
// label of any code, retired ones included (history); forms offer only codes
// that are not retired. An unknown code shows as itself rather than nothing.

export interface Reference {
    loaded: boolean;
    /** The label of a code of a table, or the code itself when unknown. */
    label: (table: ReferenceTableId, code: string | undefined) => string;
    /** The codes a form may offer: not retired, in the table's order. */
    options: (table: ReferenceTableId) => ReferenceCode[];
    /** A profession's label (TRE_G15 or TRE_R95). */
    professionLabel: (code: string) => string;
    department: (code: string) => Department | undefined;
    /** "34 – Hérault", or the code when unknown. */
    departmentLabel: (code: string) => string;
    /** The départements of a region (INSEE code), in the table's order. */
    departmentsOfRegion: (regionCode: string) => Department[];
    /** The one name of the ARS examining a département's requests, from Go (« ARS Occitanie »); « ARS » when unknown. */
    arsName: (department: string | undefined) => string;
    /** The secteurs and fonctions Go offers for a new activity of a profession (none until a profession is chosen). */
    activityOptions: (professionCode: string) => ActivityOptions;
}

/** The secteurs and fonctions of one profession, never null. */
export interface ActivityOptions {
    sectors: ReferenceCode[];
    functions: ReferenceCode[];
}

function byCode(codes: ReferenceCode[]): Map<string, ReferenceCode> {
    return new Map(codes.map(c => [c.code, c]));
}

export function createReference(data: ReferenceData | undefined): Reference {
    const tables = new Map<string, Map<string, ReferenceCode>>();
    for (const [id, table] of Object.entries(data?.tables ?? {})) {
        if (table !== undefined) {
            tables.set(id, byCode(table.codes ?? []));
        }
    }
    const professions = byCode(data?.professions ?? []);
    const departments = new Map((data?.departments ?? []).map(d => [d.code, d]));

    const label = (table: ReferenceTableId, code: string | undefined): string => {
        if (code === undefined || code === "") {
            return "";
        }
        return tables.get(table)?.get(code)?.label ?? code;
    };
    const department = (code: string) => departments.get(code);

    return {
        loaded: data !== undefined,
        label,
        options: table => (data?.tables?.[table]?.codes ?? []).filter(c => !c.retired),
        professionLabel: code => professions.get(code)?.label ?? label("TRE_G15", code),
        department,
        departmentLabel: code => {
            const d = department(code);
            return d === undefined ? code : `${d.code} – ${d.name}`;
        },
        departmentsOfRegion: region => (data?.departments ?? []).filter(d => d.regionCode === region),
        arsName: code => (code === undefined ? undefined : department(code)?.ars) ?? "ARS",
        activityOptions: code => {
            const c = data?.activityCodes?.[code];
            return { sectors: c?.sectors ?? [], functions: c?.functions ?? [] };
        }
    };
}
