import { Suspense, useEffect, useRef } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { api } from "../api";
import { mailboxShown } from "../connection/login";
import { useConnection } from "../connection/useConnection";
import { useApi } from "../hooks/useApi";
import { paths } from "../routes";
import { Container, Loading, Main, RetryAlert, ScreenReaderStatus, SiteFooter, SiteHeader, SkipLinks, Spacer, SyncIndicator } from "../ui";
import { syncAnnouncement, syncDisplay } from "../sync/status";
import { useNow, useSyncState } from "../sync/useSync";
import { useReferenceStatus } from "../reference/useReference";
import { ErrorBoundary } from "./ErrorBoundary";

const MODE_LABELS = { desktop: "application de bureau", web: "navigateur", kiosk: "borne d'accueil" } as const;

/** useFocusOnNavigate moves the focus to the main content after each route change (RGAA). */
function useFocusOnNavigate(pathname: string) {
    const first = useRef(true);
    useEffect(() => {
        if (first.current) {
            first.current = false;
            return;
        }
        const main = document.getElementById("content");
        main?.focus({ preventScroll: true });
        window.scrollTo(0, 0);
    }, [pathname]);
}

function ReferenceWarning() {
    const { error, reload } = useReferenceStatus();
    if (error === undefined) {
        return null;
    }
    return (
        <Container>
            <Spacer size="sm" />
            <RetryAlert severity="warning" title="Les nomenclatures n'ont pas pu être chargées" onRetry={reload}>
                Les codes (professions, modes d'exercice, secteurs…) s'affichent sans leur libellé. {error.message}
            </RetryAlert>
        </Container>
    );
}

/** PageLoading stands for a page whose code is being loaded (./pages). */
export function PageLoading() {
    return (
        <Container>
            <Spacer size="lg" />
            <Loading label="Chargement de la page…" />
        </Container>
    );
}

/** useSyncStatus is the synchronisation's state in the header, and a polite announcement when it changes. */
function useSyncStatus() {
    const state = useSyncState();
    const now = useNow();
    const shown = syncDisplay(state, now);
    const indicator =
        shown === null ? (
            <SyncIndicator to={paths.server} state={state.state} />
        ) : (
            <SyncIndicator
                to={paths.server}
                state={state.state}
                label={shown.label}
                tone={shown.tone}
                details={[shown.waiting, shown.setAside, shown.lastSync].filter(d => d !== "")}
            />
        );
    return { indicator, announcement: syncAnnouncement(shown), online: state.state !== "local" };
}

/** Layout is the frame of every page: skip links, header, main content, footer. */
export function Layout() {
    const { pathname } = useLocation();
    useFocusOnNavigate(pathname);
    const info = useApi(api.appInfo);
    const appInfo = info.status === "success" ? info.data : undefined;

    const sync = useSyncStatus();
    const navigate = useNavigate();
    const { connected } = useConnection();
    // « Se déconnecter »: the tokens are revoked and deleted, the entry page shown.
    const signOut = () => {
        api.disconnectServer().then(
            () => void navigate(paths.home),
            () => void navigate(paths.server)
        );
    };

    const notes = ["Fonctionne hors ligne", sync.online ? "Données stockées sur ce poste et synchronisées avec le serveur eRPPS" : "Données stockées sur ce poste"];
    if (appInfo !== undefined) {
        notes.push(`Version ${appInfo.version}`, `Mode ${MODE_LABELS[appInfo.mode]}`);
    }

    return (
        <>
            <SkipLinks
                links={[
                    { label: "Contenu", target: "content" },
                    { label: "Pied de page", target: "footer" }
                ]}
            />
            <SiteHeader
                serviceTitle="eRPPS Desktop"
                tagline="Portail d'enregistrement RPPS des professionnels de santé"
                homeTitle="Accueil - eRPPS Desktop"
                badge={appInfo?.demo === true ? "Démo" : undefined}
                status={appInfo?.mode === "kiosk" ? undefined : sync.indicator}
                quickLinks={[
                    { label: "Aide à la connexion", to: paths.help, icon: "help" },
                    { label: "Vérifier une attestation", to: paths.verify, icon: "verify" },
                    ...(!mailboxShown(appInfo, connected) ? [] : [{ label: "Boîte aux lettres du cabinet", to: paths.mailbox, icon: "mail" as const }])
                ]}
                quickButtons={connected.kind === "none" ? [] : [{ label: "Se déconnecter", icon: "logout", onClick: signOut, action: "signout" }]}
            />
            <ScreenReaderStatus text={sync.announcement} />
            <Main>
                <ReferenceWarning />
                <ErrorBoundary key={pathname}>
                    <Suspense fallback={<PageLoading />}>
                        <Outlet />
                    </Suspense>
                </ErrorBoundary>
            </Main>
            <SiteFooter
                description={
                    <>
                        eRPPS Desktop permet aux professionnels de santé et à leurs secrétariats de préparer, hors ligne, la mise à jour de leur
                        enregistrement au RPPS (Répertoire Partagé des Professionnels intervenant dans le système de Santé). Les dossiers et les
                        demandes sont stockés sur ce poste ; les demandes sont examinées par l'Agence Régionale de Santé du département concerné.
                        {appInfo?.demo === true ? " Mode démonstration : les dossiers affichés sont fictifs." : ""}
                    </>
                }
                bottomNotes={notes}
            />
        </>
    );
}
