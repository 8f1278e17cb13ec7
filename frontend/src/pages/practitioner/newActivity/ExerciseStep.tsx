import { useState } from "react";
import type { NewActivityPayload, ReferenceCode } from "../../../api";
import { DraftSelectField, DraftTextField, fieldId, type RequestDraft } from "../../../forms";
import { formatDate, isoDay } from "../../../format";
import { useReference } from "../../../reference/useReference";
import { Col, Grid, RadioField, TextField } from "../../../ui";
import { filterCodes, LABELS } from "./model";

function label(path: string): string {
    return LABELS[path] ?? path;
}

/** sixMonthsAhead is the last start date the ARS accepts, for the hint. */
function sixMonthsAhead(today: Date): string {
    const d = new Date(today);
    d.setMonth(d.getMonth() + 6);
    return isoDay(d);
}

/** ExerciseStep is the second step: how and from when the activity is exercised. */
export function ExerciseStep({ draft, payload }: { draft: RequestDraft<NewActivityPayload>; payload: NewActivityPayload }) {
    const ref = useReference();
    const asOptions = (codes: { code: string; label: string }[]) => codes.map(c => ({ value: c.code, label: c.label }));
    // The fonctions and secteurs that fit the profession, as Go gives them.
    const fit = ref.activityOptions(payload.professionCode);
    return (
        <>
            <RadioField
                id={fieldId("modeCode")}
                name="modeCode"
                legend={label("modeCode")}
                hint="Nomenclature nationale des modes d'exercice."
                value={payload.modeCode}
                onChange={v => {
                    draft.setField("modeCode", v);
                }}
                options={ref.options("TRE_R23").map(c => ({ value: c.code, label: c.label }))}
                error={draft.errorOf("modeCode")}
                errorFor="modeCode"
                inline
                disabled={!draft.editable}
            />
            <SectorPicker draft={draft} chosen={payload.sectorCode} sectors={fit.sectors} />
            <Grid>
                <Col base={12} md={6}>
                    <DraftSelectField
                        draft={draft}
                        path="functionCode"
                        label={label("functionCode")}
                        hint="Votre fonction dans cette structure (ex. : titulaire de cabinet, collaborateur)."
                        placeholder="Choisissez une fonction"
                        options={asOptions(fit.functions)}
                        required
                    />
                </Col>
                <Col base={12} md={6}>
                    <DraftSelectField
                        draft={draft}
                        path="genreCode"
                        label={`${label("genreCode")} (facultatif)`}
                        hint="Activité de soin, remplacement, activité non soignante…"
                        placeholder="Non précisé"
                        options={[{ value: "", label: "Non précisé" }, ...asOptions(ref.options("TRE_R22"))]}
                    />
                </Col>
            </Grid>
            <Grid>
                <Col base={12} md={6}>
                    <DraftTextField
                        draft={draft}
                        path="startDate"
                        type="date"
                        label={label("startDate")}
                        hint={`Le premier jour d'exercice dans ce lieu, au plus tard le ${formatDate(sixMonthsAhead(new Date()))}. Format attendu : jj/mm/aaaa.`}
                        required
                    />
                </Col>
            </Grid>
        </>
    );
}

/** SectorPicker chooses the secteur d'activité (TRE_R02: those that fit the profession, up to sixty) with a filter above the list. */
function SectorPicker({ draft, chosen, sectors }: { draft: RequestDraft<NewActivityPayload>; chosen: string; sectors: ReferenceCode[] }) {
    const [query, setQuery] = useState("");
    const all = sectors;
    const shown = filterCodes(all, query, chosen);
    const matching = shown.filter(c => c.code !== chosen || query === "").length;
    return (
        <Grid>
            <Col base={12} md={6}>
                <TextField
                    id="sector-filter"
                    type="search"
                    inputMode="search"
                    label="Filtrer les secteurs"
                    hint={query === "" ? `${all.length} secteurs ; tapez un mot : cabinet, officine, santé…` : `${matching} secteur${matching > 1 ? "s" : ""} correspondant${matching > 1 ? "s" : ""}`}
                    value={query}
                    onChange={setQuery}
                    disabled={!draft.editable}
                />
            </Col>
            <Col base={12} md={6}>
                <DraftSelectField
                    draft={draft}
                    path="sectorCode"
                    label={label("sectorCode")}
                    hint="Le type de structure où vous exercez."
                    placeholder={shown.length === 0 ? "Aucun secteur ne correspond au filtre" : "Choisissez un secteur"}
                    options={shown.map(c => ({ value: c.code, label: c.label }))}
                    required
                />
            </Col>
        </Grid>
    );
}
