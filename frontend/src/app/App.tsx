import { HashRouter, Route, Routes } from "react-router-dom";
import { EntryPage } from "../pages/EntryPage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { ReferenceProvider } from "../reference/ReferenceProvider";
import { actionSegments } from "../routes";
import { ErrorBoundary } from "./ErrorBoundary";
import { Layout } from "./Layout";
import {
    AccessibilityPage,
    ActivitiesPage,
    AttestationsPage,
    CeaseActivityPage,
    ContactPage,
    ExerciseNamePage,
    HelpPage,
    NewActivityPage,
    NewProfessionPage,
    PortalHomePage,
    PractitionerLayout,
    RecordPage,
    RequestsPage,
    ServerPage,
    MailboxPage,
    VerifyAttestationPage
} from "./pages";

/**
 * App: hash routing (#/pro/…), which works the same in the Wails webview and
 * in a browser served by `erpps web`. The entry page is in the first
 * bundle; the others are loaded when first shown (./pages).
 */
export function App() {
    return (
        <ErrorBoundary>
            <HashRouter>
                <ReferenceProvider>
                    <Routes>
                        <Route element={<Layout />}>
                            <Route index element={<EntryPage />} />
                            <Route path="aide" element={<HelpPage />} />
                            <Route path="verifier" element={<VerifyAttestationPage />} />
                            <Route path="accessibilite" element={<AccessibilityPage />} />
                            <Route path="serveur" element={<ServerPage />} />
                            <Route path="boite-aux-lettres" element={<MailboxPage />} />
                            <Route path="pro/:rpps" element={<PractitionerLayout />}>
                                <Route index element={<PortalHomePage />} />
                                <Route path="dossier" element={<RecordPage />} />
                                <Route path={actionSegments.activities} element={<ActivitiesPage />} />
                                <Route path={actionSegments.cease} element={<CeaseActivityPage />} />
                                <Route path={actionSegments.newActivity} element={<NewActivityPage />} />
                                <Route path={actionSegments.requests} element={<RequestsPage />} />
                                <Route path={actionSegments.attestations} element={<AttestationsPage />} />
                                <Route path={actionSegments.newProfession} element={<NewProfessionPage />} />
                                <Route path={actionSegments.contact} element={<ContactPage />} />
                                <Route path={actionSegments.exerciseName} element={<ExerciseNamePage />} />
                                <Route path="*" element={<NotFoundPage />} />
                            </Route>
                            <Route path="*" element={<NotFoundPage />} />
                        </Route>
                    </Routes>
                </ReferenceProvider>
            </HashRouter>
        </ErrorBoundary>
    );
}
