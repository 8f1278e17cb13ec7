import { HashRouter, Route, Routes } from "react-router-dom";
import { AccessibilityPage } from "../pages/AccessibilityPage";
import { EntryPage } from "../pages/EntryPage";
import { HelpPage } from "../pages/HelpPage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { ActivitiesPage } from "../pages/practitioner/ActivitiesPage";
import { AttestationsPage } from "../pages/practitioner/AttestationsPage";
import { CeaseActivityPage } from "../pages/practitioner/CeaseActivityPage";
import { ContactPage } from "../pages/practitioner/ContactPage";
import { ExerciseNamePage } from "../pages/practitioner/ExerciseNamePage";
import { NewActivityPage } from "../pages/practitioner/NewActivityPage";
import { NewProfessionPage } from "../pages/practitioner/NewProfessionPage";
import { PortalHomePage } from "../pages/practitioner/PortalHomePage";
import { PractitionerLayout } from "../pages/practitioner/PractitionerLayout";
import { RecordPage } from "../pages/practitioner/RecordPage";
import { RequestsPage } from "../pages/practitioner/RequestsPage";
import { VerifyAttestationPage } from "../pages/VerifyAttestationPage";
import { ReferenceProvider } from "../reference/ReferenceProvider";
import { actionSegments } from "../routes";
import { ErrorBoundary } from "./ErrorBoundary";
import { Layout } from "./Layout";

/**
 * App: hash routing (#/pro/…), which works the same in the Wails webview and
 * in a browser served by `erpps web`.
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
