import type { ContactPayload, Practitioner } from "../../../api";
import { DraftTextField, RequestEditor, textAt, useRequestDraft, type RequestDraft } from "../../../forms";
import { formatPhone } from "../../../format";
import { Col, Grid, Heading, Text, type Term } from "../../../ui";
import { ActivationPreview } from "./ActivationPreview";
import { maskEmail, maskPhone, phoneCheck, phoneRecognised, postalAddress, streetFieldValue, type PhoneCheck } from "./contactDisplay";

/** The fields of the coordonnées, in the form's order, with their labels (the error summary's links). */
const LABELS = {
    email: "Adresse électronique",
    phone: "Téléphone",
    "address.street": "Numéro et voie",
    "address.complement": "Complément d'adresse",
    "address.postalCode": "Code postal",
    "address.city": "Commune",
    "address.communeCode": "Code commune (INSEE)"
} as const;

/** Fields the street line replaces when it is typed (the record may split it). */
const STREET_PARTS = ["address.number", "address.repetition", "address.streetType"] as const;

/** ContactForm edits the coordonnées de correspondance (prefilled from the record); autosaved, then transmitted. */
export function ContactForm({ practitioner: p, requestId }: { practitioner: Practitioner; requestId: string }) {
    const draft = useRequestDraft<ContactPayload>({ rpps: p.rpps, kind: "contact", requestId });
    const phone = checkPhone(draft);
    const email = textAt(draft.payload, "email");
    const emailValid = email.trim() !== "" && email === textAt(draft.request?.payload, "email") && draft.errorOf("email") === undefined;

    return (
        <RequestEditor draft={draft} rpps={p.rpps} labels={LABELS} summary={contactSummary}>
            {payload => (
                <>
                    <Heading level={2} look="h5">
                        Adresse électronique et téléphone
                    </Heading>
                    <Text size="sm">Les codes d'activation de votre e-CPS vous sont envoyés par courriel ou par SMS à ces coordonnées.</Text>
                    <DraftTextField
                        draft={draft}
                        path="email"
                        type="email"
                        inputMode="email"
                        autoComplete="email"
                        label={LABELS.email}
                        hint="Format attendu : nom@domaine.fr"
                        maxLength={254}
                        required
                    />
                    <DraftTextField
                        draft={draft}
                        path="phone"
                        type="tel"
                        inputMode="tel"
                        autoComplete="tel"
                        label={`${LABELS.phone} (facultatif)`}
                        hint="Un numéro de portable permet de recevoir par SMS le code d'activation de votre e-CPS. Exemple : 06 12 34 56 78."
                        valid={phoneRecognised(phone)}
                        maxLength={30}
                    />
                    <ActivationPreview email={emailValid ? maskEmail(email.trim()) : ""} phone={phone} />
                    <Heading level={2} look="h5">
                        Adresse postale
                    </Heading>
                    <Text size="sm">Si vous avez droit à une carte CPS, c'est à cette adresse que vous la recevrez.</Text>
                    <DraftTextField
                        draft={draft}
                        path="address.street"
                        label={LABELS["address.street"]}
                        hint="Par exemple : 12 rue de la République"
                        autoComplete="address-line1"
                        displayValue={streetFieldValue(payload.address)}
                        resets={STREET_PARTS}
                        maxLength={100}
                        required
                    />
                    <DraftTextField
                        draft={draft}
                        path="address.complement"
                        label={`${LABELS["address.complement"]} (facultatif)`}
                        hint="Bâtiment, étage, résidence…"
                        autoComplete="address-line2"
                        maxLength={100}
                    />
                    <Grid>
                        <Col base={12} md={4}>
                            <DraftTextField
                                draft={draft}
                                path="address.postalCode"
                                label={LABELS["address.postalCode"]}
                                hint="5 chiffres"
                                inputMode="numeric"
                                autoComplete="postal-code"
                                resets={["address.communeCode"]}
                                maxLength={5}
                                required
                            />
                        </Col>
                        <Col base={12} md={8}>
                            <DraftTextField
                                draft={draft}
                                path="address.city"
                                label={LABELS["address.city"]}
                                hint="Par exemple : Montpellier"
                                autoComplete="address-level2"
                                resets={["address.communeCode"]}
                                maxLength={60}
                                required
                            />
                        </Col>
                    </Grid>
                </>
            )}
        </RequestEditor>
    );
}

function checkPhone(draft: RequestDraft<ContactPayload>): PhoneCheck {
    return phoneCheck({
        typed: textAt(draft.payload, "phone"),
        validated: textAt(draft.request?.payload, "phone"),
        error: draft.errorOf("phone"),
        guidance: (draft.validation.guidance ?? []).map(g => g.code)
    });
}

function contactSummary(p: ContactPayload): Term[] {
    const phone = formatPhone(p.phone);
    const activation = [maskEmail(p.email), maskPhone(phone)].filter(s => s !== "");
    return [
        { term: "Demande", value: "Coordonnées de contact" },
        { term: "Adresse électronique", value: p.email },
        { term: "Téléphone", value: phone },
        { term: "Adresse postale", value: postalAddress(p.address) },
        { term: "Codes d'activation e-CPS envoyés à", value: activation.join(", ") }
    ];
}
