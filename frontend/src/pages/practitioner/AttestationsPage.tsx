import { useState } from "react";
import { ApiError, attestationURL, deliverAttestation, isDesktop, type AttestationDelivery } from "../../api";
import { displayName } from "../../domain/names";
import { Alert, Button, DownloadLink, Mono, Panel, Spacer, Text, TextLink } from "../../ui";
import { paths } from "../../routes";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { usePractitioner } from "./context";

type SaveState = { status: "idle" } | { status: "saving" } | { status: "done"; delivery: AttestationDelivery } | { status: "error"; message: string };

/** AttestationsPage offers the attestation d'enregistrement au RPPS (PDF). */
export function AttestationsPage() {
    const { practitioner } = usePractitioner();
    const rpps = practitioner.rpps;
    const [state, setState] = useState<SaveState>({ status: "idle" });

    const save = () => {
        setState({ status: "saving" });
        deliverAttestation(rpps).then(
            delivery => {
                setState({ status: "done", delivery });
            },
            (e: unknown) => {
                setState({ status: "error", message: e instanceof ApiError ? e.message : "L'attestation n'a pas pu être enregistrée." });
            }
        );
    };

    return (
        <ActionPage title={actions.attestations.title} intro="Pour télécharger l'attestation d'enregistrement au RPPS">
            <Panel title="Attestation d'enregistrement au RPPS" id="attestation">
                <Text>
                    {`L'attestation certifie l'enregistrement de ${displayName(practitioner)} au RPPS sous le numéro `}
                    <Mono>{rpps}</Mono>, avec ses professions et ses activités en cours. Elle porte un code QR qui permet d'en vérifier
                    l'authenticité.
                </Text>
                {isDesktop() ? (
                    <Button icon="download" onClick={save} disabled={state.status === "saving"}>
                        {state.status === "saving" ? "Préparation de l'attestation…" : "Enregistrer l'attestation (PDF)"}
                    </Button>
                ) : (
                    <DownloadLink label="Télécharger l'attestation d'enregistrement au RPPS" details="PDF" href={attestationURL(rpps)} />
                )}
                <div aria-live="polite">
                    <SaveResult state={state} />
                </div>
            </Panel>
            <Spacer size="md" />
            <Text size="sm">
                Quelqu'un vous présente une attestation ? <TextLink to={paths.verify}>Vérifier une attestation</TextLink>
            </Text>
        </ActionPage>
    );
}

function SaveResult({ state }: { state: SaveState }) {
    if (state.status === "error") {
        return (
            <Alert severity="error" small live>
                {state.message}
            </Alert>
        );
    }
    if (state.status === "done" && state.delivery.kind === "saved") {
        const { path, fileName } = state.delivery.file;
        return (
            <Alert severity="success" small>
                {`Attestation enregistrée : ${path ?? fileName}`}
            </Alert>
        );
    }
    return null;
}
