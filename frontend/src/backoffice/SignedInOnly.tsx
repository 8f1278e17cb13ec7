import type { ReactNode } from "react";
import { ButtonLink, Col, Container, Grid, Heading, Loading, RetryAlert, Spacer, Text } from "../ui";
import { PAGE_TITLE_ID, useFocusTitle, useTitle } from "./page";
import { boPaths } from "./routes";
import { useSession } from "./session";
import { SignInPage } from "./SignInPage";

/**
 * SignedInOnly shows its page to a signed-in agent, and the sign-in form in
 * its place otherwise: once signed in, the agent is on the page they asked for.
 */
export function SignedInOnly({ children }: { children: ReactNode }) {
    const { state, retry } = useSession();
    switch (state.status) {
        case "checking":
            return (
                <Container>
                    <Spacer size="lg" />
                    <Loading label="Vérification de votre session…" />
                </Container>
            );
        case "unreachable":
            return (
                <Container>
                    <Spacer size="lg" />
                    <RetryAlert title="Le serveur eRPPS ne répond pas" live onRetry={retry}>
                        {state.error.message}
                    </RetryAlert>
                    <Spacer size="lg" />
                </Container>
            );
        case "signedOut":
            return <SignInPage notice={state.notice} />;
        case "signedIn":
            return <>{children}</>;
    }
}

/** NotFound is the page of an unknown address. */
export function NotFound() {
    useTitle("Page introuvable");
    useFocusTitle("not-found");
    return (
        <Container>
            <Spacer size="xl" />
            <Grid>
                <Col base={12} md={8}>
                    <Heading level={1} id={PAGE_TITLE_ID} tabIndex={-1}>
                        Page introuvable
                    </Heading>
                    <Text>La page que vous cherchez n'existe pas dans l'espace ARS d'eRPPS, ou son adresse a changé.</Text>
                    <ButtonLink to={boPaths.queue()}>Demandes à instruire</ButtonLink>
                </Col>
            </Grid>
            <Spacer size="xl" />
        </Container>
    );
}
