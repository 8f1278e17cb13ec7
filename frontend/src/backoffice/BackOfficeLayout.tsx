import { useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { ApiError } from "../api";
import { ErrorBoundary } from "../app/ErrorBoundary";
import { useReference } from "../reference/useReference";
import { Alert, Band, Container, Main, SiteFooter, SiteHeader, SkipLinks, Spacer, Text } from "../ui";
import { ReferenceFromServer } from "./ReferenceFromServer";
import { boPaths } from "./routes";
import { useSession } from "./session";

function AgentBand({ name, region }: { name: string; region: string | undefined }) {
    const ref = useReference();
    const ars = ref.loaded && region !== undefined ? (ref.departmentsOfRegion(region)[0]?.ars ?? "") : "";
    return (
        <Band label="Agent connecté">
            <Text size="sm" noMargin>
                <span id="agent-name">Connecté : {name}</span>
                {ars === "" || name.includes(ars) ? null : ` — ${ars}`}
            </Text>
        </Band>
    );
}

/** BackOfficeLayout is the frame of every back-office page: skip links, header with « Se déconnecter », content, footer. */
export function BackOfficeLayout() {
    const { pathname } = useLocation();
    const navigate = useNavigate();
    const { state, signOut } = useSession();
    const [signOutError, setSignOutError] = useState<string | null>(null);
    const account = state.status === "signedIn" ? state.account : undefined;

    const onSignOut = () => {
        setSignOutError(null);
        signOut().then(
            () => {
                void navigate("/");
            },
            (e: unknown) => {
                setSignOutError(e instanceof ApiError ? e.message : "La déconnexion a échoué. Réessayez.");
            }
        );
    };

    return (
        <ReferenceFromServer key={account?.id ?? "anonymous"}>
            <SkipLinks
                links={[
                    { label: "Contenu", target: "content" },
                    { label: "Pied de page", target: "footer" }
                ]}
            />
            <SiteHeader
                serviceTitle="eRPPS — Espace ARS"
                tagline="Instruction des demandes d'enregistrement au RPPS"
                homeTitle="Accueil - eRPPS, espace ARS"
                quickLinks={
                    account === undefined
                        ? []
                        : [
                              { label: "Demandes à instruire", to: boPaths.queue(), icon: "folder" },
                              { label: "Primo-inscriptions", to: boPaths.registrations(), icon: "user" }
                          ]
                }
                quickButtons={account === undefined ? [] : [{ label: "Se déconnecter", icon: "logout", onClick: onSignOut, action: "signout" }]}
            />
            {account === undefined ? null : <AgentBand name={account.name} region={account.region} />}
            <Main>
                {signOutError === null ? null : (
                    <Container>
                        <Spacer size="sm" />
                        <Alert severity="error" title="Déconnexion impossible" live>
                            {signOutError}
                        </Alert>
                    </Container>
                )}
                <ErrorBoundary key={pathname}>
                    <Outlet />
                </ErrorBoundary>
            </Main>
            <SiteFooter
                homeTitle="Accueil - eRPPS, espace ARS"
                description="L'espace ARS d'eRPPS permet aux agents des Agences Régionales de Santé d'instruire les demandes de mise à jour du RPPS (Répertoire Partagé des Professionnels intervenant dans le système de Santé) transmises par les professionnels de leur région. Chaque décision est datée et attribuée à l'agent qui la prend."
                bottomNotes={["Serveur eRPPS", "Accès réservé aux agents des ARS"]}
            />
        </ReferenceFromServer>
    );
}
