import type { NewActivityPayload } from "../../../api";
import { DraftTextField, type RequestDraft } from "../../../forms";
import { Col, Grid, Spacer } from "../../../ui";
import { LABELS } from "./model";

function label(path: string): string {
    return LABELS[path] ?? path;
}

/** StructureFields types the structure in: raison sociale, enseigne, address (its département is the postal code's). */
export function StructureFields({ draft }: { draft: RequestDraft<NewActivityPayload> }) {
    return (
        <div id="structure-fields">
            <DraftTextField
                draft={draft}
                path="structure.companyName"
                label={label("structure.companyName")}
                hint="Le nom officiel de la structure (ou votre nom pour un cabinet individuel)."
                autoComplete="organization"
                maxLength={100}
                required
            />
            <DraftTextField
                draft={draft}
                path="structure.tradeName"
                label={`${label("structure.tradeName")} (facultatif)`}
                hint="Le nom sous lequel la structure est connue du public, s'il diffère."
                maxLength={100}
            />
            <Grid>
                <Col base={12} md={3}>
                    <DraftTextField draft={draft} path="structure.address.number" label={`${label("structure.address.number")} (facultatif)`} hint="Ex. : 12, 12 bis" maxLength={10} />
                </Col>
                <Col base={12} md={9}>
                    <DraftTextField
                        draft={draft}
                        path="structure.address.street"
                        label={label("structure.address.street")}
                        hint="Type et libellé de la voie, par exemple « rue de la République »."
                        autoComplete="address-line1"
                        maxLength={100}
                        required
                    />
                </Col>
            </Grid>
            <Spacer size="sm" />
            <DraftTextField
                draft={draft}
                path="structure.address.complement"
                label={`${label("structure.address.complement")} (facultatif)`}
                hint="Bâtiment, étage, lieu-dit…"
                autoComplete="address-line2"
                maxLength={100}
            />
            <Grid>
                <Col base={12} md={4}>
                    <DraftTextField
                        draft={draft}
                        path="structure.address.postalCode"
                        label={label("structure.address.postalCode")}
                        hint="5 chiffres : il donne le département, donc l'ARS."
                        inputMode="numeric"
                        autoComplete="postal-code"
                        maxLength={5}
                        required
                    />
                </Col>
                <Col base={12} md={8}>
                    <DraftTextField draft={draft} path="structure.address.city" label={label("structure.address.city")} hint="Ex. : Dijon" autoComplete="address-level2" maxLength={60} required />
                </Col>
            </Grid>
        </div>
    );
}
