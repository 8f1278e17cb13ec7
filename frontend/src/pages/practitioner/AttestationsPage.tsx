import { useState } from "react";
import { ApiError, attestationURL, deliverAttestation, isDesktop, type AttestationDelivery, type PractitionerView } from "../../api";
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
                <Alert severity="warning" small id="attestation-preview">
                    <>
                        <strong>Aperçu hors ligne, sans valeur officielle.</strong> Tant qu'eRPPS n'est pas relié au serveur de l'autorité d'enregistrement, l'attestation est signée par ce poste : c'est un aperçu,
                        qui porte la mention « Aperçu hors ligne — signé par ce poste, sans valeur officielle » et ne peut pas servir de justificatif.
                        {practitioner.demo ? " Ce dossier de démonstration est fictif : son attestation porte aussi la mention « DÉMO »." : ""}
                    </>
                </Alert>
                <Spacer size="sm" />
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
                    Le code QR imprimé sur l'attestation reprend son numéro, votre numéro RPPS, votre nom, vos professions, l'ARS qui la délivre et
                    sa date, avec une signature électronique. Toute personne à qui vous la présentez peut le vérifier : eRPPS lui affiche le contenu
                    signé, qu'elle compare avec le papier pour reconnaître une attestation modifiée.
                </Text>
                <TextLink id="link-verify" to={paths.verify} icon="verify">
                    Vérifier une attestation
                </TextLink>
            </Panel>
        </ActionPage>
    );
}

/** contentTerms lists what the attestation will state, from the record as it stands. */
function contentTerms(p: PractitionerView, ref: Reference) {
    const open = (p.activities ?? []).filter(a => a.open);
    const issuer = p.registration.authority.label;
    const professions = (p.professions ?? []).map(pr => ref.professionLabel(pr.code));
    return [
        { term: "Identité", value: displayName({ ...p, civility: p.civilityShort }) },
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
        { term: "Authenticité", value: "Un code QR signé électroniquement par ce poste (aperçu hors ligne)" }
    ];
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
