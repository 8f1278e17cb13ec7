import type { NewActivityPayload, Practitioner, StructureLookupBy } from "../../../api";
import { DraftSelectField, fieldId, textAt, type RequestDraft } from "../../../forms";
import { useReference } from "../../../reference/useReference";
import { paths } from "../../../routes";
import { Alert, Button, Focusable, Form, Heading, RadioField, Spacer, Text, TextField, TextLink } from "../../../ui";
import { LABELS, lookupMethod, sameNumber, type LookupMethod } from "./model";
import { StructureFields } from "./StructureFields";
import { StructureRecap } from "./StructureRecap";
import type { StructureLookup } from "./useStructureLookup";

const METHODS: { value: LookupMethod; label: string }[] = [
    { value: "siret", label: "Par son numéro SIRET" },
    { value: "finess", label: "Par son numéro FINESS" },
    { value: "manual", label: "Saisie manuelle" }
];

const NUMBER_HINT = {
    siret: "14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.",
    finess: "9 caractères : le FINESS géographique de l'établissement (ex. : 750712184 ou 2A0000147)."
} as const;

interface StepProps {
    draft: RequestDraft<NewActivityPayload>;
    payload: NewActivityPayload;
    practitioner: Practitioner;
    lookup: StructureLookup;
}

/** StructureStep is the first step: the profession exercised, then the structure, found by its number or typed in. */
export function StructureStep({ draft, payload, practitioner, lookup }: StepProps) {
    const method = lookupMethod(payload);
    return (
        <>
            <ProfessionChoice draft={draft} payload={payload} practitioner={practitioner} />
            <Heading level={3} look="h5">
                Le nouveau lieu d'exercice
            </Heading>
            <RadioField
                id={fieldId("lookupBy")}
                name="lookupBy"
                legend="Comment identifier la structure ?"
                hint="Avec son numéro, la structure est retrouvée dans le répertoire. Sans SIRET ni FINESS (par exemple un cabinet qui n'en a pas), saisissez-la."
                value={method}
                onChange={v => {
                    lookup.switchMethod(v as LookupMethod);
                }}
                options={METHODS}
                error={draft.errorOf("lookupBy")}
                errorFor="lookupBy"
                inline
                disabled={!draft.editable}
            />
            {method === "manual" ? <StructureFields draft={draft} /> : <NumberAndStructure draft={draft} payload={payload} method={method} lookup={lookup} />}
            <DuplicateError message={draft.errorOf("structure")} />
        </>
    );
}

function ProfessionChoice({ draft, payload, practitioner }: Omit<StepProps, "lookup">) {
    const ref = useReference();
    const held = practitioner.professions ?? [];
    if (held.length === 0) {
        return (
            <>
                <Alert severity="warning" title="Aucune profession enregistrée">
                    <>
                        Votre numéro RPPS ne porte encore aucune profession : déclarez-la d'abord, puis son lieu d'exercice.{" "}
                        <TextLink to={paths.newProfession(practitioner.rpps)}>Déclarer une nouvelle profession</TextLink>
                    </>
                </Alert>
                <Spacer size="md" />
            </>
        );
    }
    if (held.length === 1 && payload.professionCode === held[0]?.code) {
        return (
            <Text>
                Profession exercée dans ce nouveau lieu : <strong>{ref.professionLabel(payload.professionCode)}</strong>
            </Text>
        );
    }
    return (
        <DraftSelectField
            draft={draft}
            path="professionCode"
            label={LABELS.professionCode ?? "Profession"}
            hint="Pour une profession que vous n'exercez pas encore, déclarez d'abord la nouvelle profession."
            placeholder="Choisissez la profession"
            options={held.map(h => ({ value: h.code, label: ref.professionLabel(h.code) }))}
            required
        />
    );
}

function NumberAndStructure({ draft, payload, method, lookup }: { draft: RequestDraft<NewActivityPayload>; payload: NewActivityPayload; method: StructureLookupBy; lookup: StructureLookup }) {
    const path = `structure.${method}`;
    const number = textAt(payload, path);
    const { state } = lookup;
    const lookupError = state.status === "invalid" && sameNumber(state.number, number) ? state.message : undefined;
    const structureErrors = Object.keys(draft.errors).some(f => f.startsWith("structure.") && f !== path);
    const known = payload.structure.companyName !== "";
    const showFields = lookup.editing || structureErrors;
    const search = () => {
        void lookup.search();
    };
    return (
        <>
            <Form onSubmit={search} label="Rechercher la structure dans le répertoire">
                <TextField
                    id={fieldId(path)}
                    name={path}
                    label={method === "siret" ? "Numéro SIRET de la structure" : "Numéro FINESS de l'établissement"}
                    hint={NUMBER_HINT[method]}
                    value={number}
                    onChange={lookup.setNumber}
                    inputMode={method === "siret" ? "numeric" : "text"}
                    maxLength={20}
                    required
                    disabled={!draft.editable}
                    error={lookupError ?? draft.errorOf(path)}
                    errorFor={path}
                    action={
                        <Button id="btn-lookup" type="submit" icon="search" disabled={!draft.editable || state.status === "searching"}>
                            {state.status === "searching" ? "Recherche…" : "Rechercher"}
                        </Button>
                    }
                />
            </Form>
            <Spacer size="sm" />
            <LookupOutcome lookup={lookup} />
            {showFields ? (
                <>
                    {known && !structureErrors ? (
                        <Button
                            id="btn-structure-recap"
                            priority="tertiary-no-outline"
                            size="small"
                            icon="arrowLeft"
                            onClick={() => {
                                lookup.setEditing(false);
                            }}
                        >
                            Revenir au récapitulatif de la structure
                        </Button>
                    ) : null}
                    <StructureFields draft={draft} />
                </>
            ) : known ? (
                <StructureRecap
                    structure={payload.structure}
                    stale={state.status === "found" && !sameNumber(state.number, number)}
                    disabled={!draft.editable}
                    onEdit={() => {
                        lookup.setEditing(true);
                    }}
                />
            ) : (
                <>
                    <Text size="sm" muted noMargin>
                        Saisissez le numéro puis « Rechercher » : la raison sociale et l'adresse sont reprises du répertoire.
                    </Text>
                    <Button
                        id="btn-type-structure"
                        priority="tertiary-no-outline"
                        size="small"
                        icon="edit"
                        disabled={!draft.editable}
                        onClick={() => {
                            lookup.setEditing(true);
                        }}
                    >
                        Structure sans numéro connu ? Saisissez-la
                    </Button>
                </>
            )}
        </>
    );
}

function LookupOutcome({ lookup }: { lookup: StructureLookup }) {
    const { state } = lookup;
    switch (state.status) {
        case "not_found":
            return (
                <>
                    <Alert id="lookup-not-found" severity="info" small>
                        {`${state.message} Le numéro est conservé ; complétez ci-dessous la raison sociale et l'adresse.`}
                    </Alert>
                    <Spacer size="md" />
                </>
            );
        case "failed":
            return (
                <>
                    <Alert id="lookup-failed" severity="error" small>
                        {state.message}
                    </Alert>
                    <Spacer size="md" />
                </>
            );
        default:
            return null;
    }
}

function DuplicateError({ message }: { message: string | undefined }) {
    if (message === undefined) {
        return null;
    }
    return (
        <Focusable id={fieldId("structure")}>
            <Spacer size="sm" />
            <Alert severity="error" small>
                <span data-field-error="structure">{message}</span>
            </Alert>
        </Focusable>
    );
}
