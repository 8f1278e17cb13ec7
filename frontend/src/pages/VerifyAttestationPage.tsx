import { useState } from "react";
import { api, ApiError, type AttestationVerification } from "../api";
import { formatDate } from "../format";
import { usePageTitle } from "../hooks/usePageTitle";
import { Alert, Breadcrumb, Button, ButtonGroup, Col, Container, DescriptionList, Form, Grid, Heading, Lead, Mono, Spacer, TextField } from "../ui";

type VerifyState =
    | { status: "idle" }
    | { status: "checking" }
    | { status: "done"; result: AttestationVerification }
    | { status: "error"; message: string; fieldError?: string };

/** VerifyAttestationPage checks the QR code content of an attestation d'enregistrement. */
export function VerifyAttestationPage() {
    usePageTitle("Vérifier une attestation");
    const [payload, setPayload] = useState("");
    const [state, setState] = useState<VerifyState>({ status: "idle" });

    const verify = () => {
        const value = payload.trim();
        if (value === "") {
            setState({ status: "error", message: "Collez le contenu du code QR de l'attestation.", fieldError: "Ce champ est obligatoire." });
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
                    message: err?.message ?? "La vérification n'a pas pu être faite.",
                    fieldError: err?.fields.find(f => f.field === "payload")?.message
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
                Chaque attestation d'enregistrement au RPPS porte un code QR signé. Lisez-le avec un lecteur de codes QR, puis collez ici son contenu
                pour savoir si l'attestation est authentique.
            </Lead>
            <Grid>
                <Col base={12} lg={8}>
                    <Form onSubmit={verify} label="Vérification d'une attestation">
                        <TextField
                            id="verifier-contenu"
                            label="Contenu du code QR"
                            hint="Le texte lu dans le code QR de l'attestation, tel quel"
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
                            <Button type="submit" icon="verify" disabled={state.status === "checking"}>
                                {state.status === "checking" ? "Vérification…" : "Vérifier"}
                            </Button>
                            <Button
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
                    <div aria-live="polite">
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
            <Alert severity="error" title="Vérification impossible" live>
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
                {r.message === "" ? "Ce code QR ne correspond à aucune attestation authentique." : r.message}
            </Alert>
        );
    }
    return (
        <Alert severity="success" title="Attestation authentique" live>
            <>
                {r.message === "" ? null : <p>{r.message}</p>}
                <DescriptionList
                    items={[
                        { term: "Professionnel", value: r.name },
                        { term: "N° RPPS", value: <Mono>{r.rpps}</Mono> },
                        { term: "N° de l'attestation", value: <Mono>{r.documentNumber}</Mono> },
                        { term: "Délivrée le", value: formatDate(r.issuedAt) },
                        { term: "Délivrée par", value: r.issuer }
                    ]}
                />
            </>
        </Alert>
    );
}
