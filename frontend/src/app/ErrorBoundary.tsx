import { Component, type ErrorInfo, type ReactNode } from "react";
import { Alert, Button, ButtonGroup, Container, Spacer } from "../ui";

interface Props {
    children: ReactNode;
}

interface State {
    failed: boolean;
}

/**
 * ErrorBoundary catches a fault while showing a page and shows a French
 * message instead of a blank window. The technical detail stays in the
 * developer console, never on screen.
 */
export class ErrorBoundary extends Component<Props, State> {
    override state: State = { failed: false };

    static getDerivedStateFromError(): State {
        return { failed: true };
    }

    override componentDidCatch(error: Error, info: ErrorInfo): void {
        console.error("Erreur d'affichage", error, info.componentStack);
    }

    override render(): ReactNode {
        if (!this.state.failed) {
            return this.props.children;
        }
        return (
            <Container>
                <Spacer size="lg" />
                <Alert severity="error" title="Cette page n'a pas pu s'afficher" live>
                    Une erreur inattendue est survenue. Vos demandes déjà enregistrées ne sont pas perdues. Rechargez la page ; si le problème persiste,
                    contactez le support de votre ARS.
                </Alert>
                <Spacer size="md" />
                <ButtonGroup>
                    <Button icon="refresh" onClick={() => { window.location.reload(); }}>
                        Recharger la page
                    </Button>
                    <Button
                        priority="secondary"
                        onClick={() => {
                            window.location.hash = "#/";
                            this.setState({ failed: false });
                        }}
                    >
                        Revenir à l'accueil
                    </Button>
                </ButtonGroup>
                <Spacer size="lg" />
            </Container>
        );
    }
}
