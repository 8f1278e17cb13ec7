import { useState } from "react";
import { ApiError, attestationURL, deliverAttestation, isDesktop, type AttestationDelivery, type Practitioner } from "../../api";
import { displayName } from "../../domain/names";
import { useReference } from "../../reference/useReference";
import type { Reference } from "../../reference/lookup";
import { paths } from "../../routes";
import { Alert, BulletList, Button, DescriptionList, DownloadButton, Mono, Panel, Spacer, Text, TextLink } from "../../ui";
import { ActionPage } from "./ActionPage";
import { actions } from "./actions";
import { structureName } from "./activityFields";
import { usePractitioner } from "./context";

type SaveState = { status: "idle" } | { status: "saving" } | { status: "done"; delivery: AttestationDelivery } | { status: "error"; message: string };

/** AttestationsPage: "Télécharger mes attestations", the attestation d'enregistrement au RPPS (PDF). */
export function AttestationsPage() {
    const { practitioner } = usePractitioner();
    const ref = useReference();
    const rpps = practitioner.rpps;
    const desktop = isDesktop();
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
                <Text>L'attestation est établie à la date du jour, à partir de votre dossier tel qu'il est enregistré. Elle indique :</Text>
                <DescriptionList items={contentTerms(practitioner, ref)} />
                <Spacer size="sm" />
                {desktop ? (
                    <Button id="btn-attestation" icon="download" onClick={save} disabled={state.status === "saving"}>
                        {state.status === "saving" ? "Préparation de l'attestation…" : "Télécharger l'attestation (PDF)"}
                    </Button>
                ) : (
                    <DownloadButton id="btn-attestation" href={attestationURL(rpps)}>
                        Télécharger l'attestation (PDF)
                    </DownloadButton>
                )}
                <Text size="sm" muted>
                    {desktop
                        ? "Vous choisirez où enregistrer le fichier."
                        : "Le fichier PDF est enregistré dans le dossier de téléchargements de votre navigateur."}
                </Text>
                <div id="attestation-result" aria-live="polite">
                    <SaveResult state={state} />
                </div>
            </Panel>
            <Spacer size="md" />
            <Panel title="Un code QR signé" id="attestation-qr">
                <Text>
                    Le code QR imprimé sur l'attestation reprend son numéro, votre numéro RPPS, votre nom, l'ARS qui la délivre et sa date, avec une
                    signature électronique. Toute personne à qui vous la présentez peut en vérifier l'authenticité : une attestation modifiée est
                    reconnue comme non authentique.
                </Text>
                <TextLink id="link-verify" to={paths.verify} icon="verify">
                    Vérifier une attestation
                </TextLink>
            </Panel>
        </ActionPage>
    );
}

/** contentTerms lists what the attestation will state, from the record as it stands. */
function contentTerms(p: Practitioner, ref: Reference) {
    const open = (p.activities ?? []).filter(a => a.open);
    const issuer = issuerOf(p, open.map(a => a.structure.department), ref);
    const professions = (p.professions ?? []).map(pr => ref.professionLabel(pr.code));
    return [
        { term: "Identité", value: displayName({ ...p, civility: p.exerciseCivility ?? p.civility }) },
        {
            term: "Numéros",
            value: (
                <>
                    RPPS <Mono>{p.rpps}</Mono> — IDNPS <Mono>{p.idnps}</Mono>
                </>
            )
        },
        { term: "Professions", value: professions.length === 0 ? "" : professions.join(", ") },
        {
            term: "Activités en cours",
            value: open.length === 0 ? "Aucune activité en cours" : <BulletList items={open.map(a => `${structureName(a)} — ${a.structure.address.city}`)} />
        },
        { term: "Délivrée par", value: issuer },
        { term: "Authenticité", value: "Un code QR signé électroniquement" }
    ];
}

/** issuerOf names the ARS of the first current place of practice, else of the postal address (as the Go side does). */
function issuerOf(p: Practitioner, departments: string[], ref: Reference): string {
    for (const d of departments) {
        const dep = ref.department(d);
        if (dep !== undefined) {
            return dep.ars;
        }
    }
    const pc = p.contact.address.postalCode;
    if (pc.length === 5) {
        for (const code of [pc.slice(0, 3), pc.slice(0, 2)]) {
            const dep = ref.department(code);
            if (dep !== undefined) {
                return dep.ars;
            }
        }
    }
    return "L'ARS de votre lieu d'exercice";
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
