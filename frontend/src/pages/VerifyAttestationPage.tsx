import { useState } from "react";
import { api, ApiError, type AttestationVerification } from "../api";
import { formatDate } from "../format";
import { usePageTitle } from "../hooks/usePageTitle";
import { Alert, Breadcrumb, Button, ButtonGroup, Col, Container, DescriptionList, Form, Grid, Heading, Lead, Mono, Spacer, TextField } from "../ui";

/** What VerifyAttestation answers; the Go side also sends the date in words. */
type Verification = AttestationVerification;

type VerifyState =
    | { status: "idle" }
    | { status: "checking" }
    | { status: "done"; result: Verification }
    | { status: "error"; title: string; message: string; fieldError?: string };

/** VerifyAttestationPage checks the QR code content of an attestation d'enregistrement au RPPS. */
export function VerifyAttestationPage() {
    usePageTitle("Vérifier une attestation");
    const [payload, setPayload] = useState("");
    const [state, setState] = useState<VerifyState>({ status: "idle" });

    const verify = () => {
        const value = payload.trim();
        if (value === "") {
            setState({ status: "error", title: "", message: "", fieldError: "Collez le contenu du code QR de l'attestation." });
            return;
        }
        setState({ status: "checking" });
        api.verifyAttestation(value).then(
            result => {
                setState({ status: "done", result });
            },
            (e: unknown) => {
                const err = e instanceof ApiError ? e : undefined;
                setState({
                    status: "error",
                    // An "invalid" answer is about the attestation; anything else kept the check from being made.
                    title: err?.code === "invalid" ? "Attestation non authentique" : "Vérification impossible",
                    message: err?.message ?? "La vérification n'a pas pu être faite. Réessayez.",
                    fieldError: err?.fieldMessage("payload")
                });
            }
        );
    };

    return (
        <Container>
            <Breadcrumb trail={[]} current="Vérifier une attestation" />
            <Heading level={1} look="h2">
                Vérifier une attestation
            </Heading>
            <Lead>
                Chaque attestation d'enregistrement au RPPS porte un code QR signé. Lisez-le avec un lecteur de codes QR (l'appareil photo d'un
                téléphone, par exemple), puis collez ici le texte obtenu : eRPPS vérifie que ce contenu a bien été délivré et l'affiche en entier,
                pour que vous le compariez avec le papier.
            </Lead>
            <Grid>
                <Col base={12} lg={8}>
                    <Form onSubmit={verify} label="Vérification d'une attestation">
                        <TextField
                            id="verify-payload"
                            label="Collez le contenu du code QR"
                            hint="Le texte lu dans le code QR de l'attestation, tel quel (il commence par ERPPS)"
                            multiline
                            rows={5}
                            value={payload}
                            onChange={v => {
                                setPayload(v);
                                if (state.status !== "checking") {
                                    setState({ status: "idle" });
                                }
                            }}
                            error={state.status === "error" ? state.fieldError : undefined}
                        />
                        <ButtonGroup>
                            <Button id="btn-verify" type="submit" icon="verify" disabled={state.status === "checking"}>
                                {state.status === "checking" ? "Vérification…" : "Vérifier"}
                            </Button>
                            <Button
                                id="btn-verify-clear"
                                priority="secondary"
                                onClick={() => {
                                    setPayload("");
                                    setState({ status: "idle" });
                                }}
                            >
                                Effacer
                            </Button>
                        </ButtonGroup>
                    </Form>
                    <div id="verify-result" aria-live="polite">
                        <VerifyResult state={state} />
                    </div>
                </Col>
            </Grid>
            <Spacer size="lg" />
        </Container>
    );
}

function VerifyResult({ state }: { state: VerifyState }) {
    if (state.status === "error" && state.fieldError === undefined) {
        return (
            <Alert severity="error" title={state.title} live>
                {state.message}
            </Alert>
        );
    }
    if (state.status !== "done") {
        return null;
    }
    const r = state.result;
    if (!r.valid) {
        return (
            <Alert severity="error" title="Attestation non authentique" live>
                Ce code QR ne correspond à aucune attestation authentique.
            </Alert>
        );
    }
    const signer = r.localKey ? "ce poste" : "l'autorité d'enregistrement";
    return (
        <>
            <Alert severity="success" title="Code QR authentique" live>
                <>
                    <p>
                        La signature est valide et ce numéro d'attestation a bien été délivré : le contenu du code QR, ci-dessous, a été émis par{" "}
                        {signer} et n'a pas été modifié.
                    </p>
                    <p>
                        <strong>La vérification porte sur le code QR, pas sur le papier.</strong> Comparez chaque information ci-dessous avec
                        l'attestation présentée : si l'une diffère (nom, profession, date…), le document a été modifié et n'est pas authentique.
                    </p>
                    <DescriptionList
                        items={[
                            { term: "N° de l'attestation", value: <Mono>{r.documentNumber}</Mono> },
                            { term: "Professionnel (prénom et nom d'exercice)", value: r.name },
                            { term: "N° RPPS", value: <Mono>{r.rpps}</Mono> },
                            { term: "Profession(s)", value: r.professions !== "" ? r.professions : "Non indiquée dans ce code QR (attestation d'une version antérieure)" },
                            { term: "Délivrée par", value: r.issuer },
                            { term: "Délivrée le", value: r.issuedAtLabel !== "" ? r.issuedAtLabel : formatDate(r.issuedAt) },
                            {
                                term: "Signée par",
                                value: (
                                    <>
                                        {r.localKey ? "La clé de ce poste" : "La clé de l'autorité d'enregistrement"} (identifiant <Mono>{r.keyId}</Mono>)
                                    </>
                                )
                            },
                            { term: "Empreinte du contenu complet", value: <Mono>{r.contentDigest}</Mono> }
                        ]}
                    />
                </>
            </Alert>
            {r.localKey ? (
                <Alert severity="warning" title="Aperçu hors ligne, sans valeur officielle">
                    Cette attestation a été signée par ce poste, en attendant la signature de l'autorité d'enregistrement : elle ne peut pas
                    servir de justificatif.
                </Alert>
            ) : null}
            {r.demo ? (
                <Alert severity="warning" title="DÉMO : dossier fictif">
                    Ce code QR est celui d'un dossier de démonstration : le professionnel n'existe pas.
                </Alert>
            ) : null}
        </>
    );
}
