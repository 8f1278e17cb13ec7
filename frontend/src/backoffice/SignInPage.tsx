import { useState } from "react";
import { ApiError } from "../api";
import { Alert, Button, Col, Container, FailureAlert, Form, FormActions, Grid, Heading, Lead, Spacer, Text, TextField, useFailure } from "../ui";
import { PAGE_TITLE_ID, useFocusTitle, useTitle } from "./page";
import { useSession } from "./session";

type Errors = Partial<Record<"login" | "password", string>>;

function check(login: string, password: string): Errors {
    const errors: Errors = {};
    if (login.trim() === "") {
        errors.login = "Indiquez votre identifiant.";
    }
    if (password === "") {
        errors.password = "Indiquez votre mot de passe.";
    }
    return errors;
}

/** SignInPage: an ARS agent signs in with their login and password. */
export function SignInPage({ notice }: { notice?: string }) {
    useTitle("Connexion");
    useFocusTitle("sign-in");
    const { signIn } = useSession();
    const [login, setLogin] = useState("");
    const [password, setPassword] = useState("");
    const [errors, setErrors] = useState<Errors>({});
    const { failure, show, clear, anchor } = useFailure();
    const [busy, setBusy] = useState(false);

    const submit = () => {
        const found = check(login, password);
        setErrors(found);
        clear();
        if (found.login !== undefined || found.password !== undefined) {
            document.getElementById(found.login !== undefined ? "login" : "password")?.focus();
            return;
        }
        setBusy(true);
        signIn({ login: login.trim(), password }).then(
            () => undefined,
            (e: unknown) => {
                setBusy(false);
                setPassword("");
                show(e instanceof ApiError ? e.message : "La connexion a échoué. Réessayez.");
            }
        );
    };

    return (
        <Container>
            <Spacer size="lg" />
            <Grid center>
                <Col base={12} md={8} lg={6}>
                    <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                        Connexion à l'espace ARS
                    </Heading>
                    <Lead>Instruction des demandes de mise à jour du RPPS transmises aux Agences Régionales de Santé.</Lead>
                    {notice === undefined ? null : (
                        <>
                            <Alert severity="info" small live>
                                {notice}
                            </Alert>
                            <Spacer size="sm" />
                        </>
                    )}
                    <FailureAlert id="signin-failure" anchor={anchor} title="Connexion impossible">
                        {failure}
                    </FailureAlert>
                    <Form onSubmit={submit} label="Connexion">
                        <TextField id="login" name="username" label="Identifiant" hint="L'adresse électronique de votre compte d'agent." autoComplete="username" value={login} onChange={setLogin} error={errors.login} errorFor="login" required />
                        <TextField id="password" name="password" type="password" label="Mot de passe" autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} errorFor="password" required />
                        <FormActions>
                            <Button id="btn-signin" type="submit" icon="lock" disabled={busy}>
                                {busy ? "Connexion…" : "Se connecter"}
                            </Button>
                        </FormActions>
                    </Form>
                    <Spacer size="md" />
                    <Text size="sm" muted>
                        Vous êtes un professionnel de santé ? Mettez à jour votre dossier avec eRPPS Desktop ou le portail eRPPS : cet espace est réservé aux agents des ARS.
                    </Text>
                </Col>
            </Grid>
            <Spacer size="xl" />
        </Container>
    );
}
