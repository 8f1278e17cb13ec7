import { HashRouter, Navigate, Route, Routes } from "react-router-dom";
import { ErrorBoundary } from "../app/ErrorBoundary";
import { AccessibilityPage } from "../pages/AccessibilityPage";
import { BackOfficeLayout } from "./BackOfficeLayout";
import { CasePage } from "./CasePage";
import { QueuePage } from "./QueuePage";
import { RegistrationPage } from "./RegistrationPage";
import { RegistrationsPage } from "./RegistrationsPage";
import { boPaths } from "./routes";
import { SessionProvider, useSession } from "./session";
import { NotFound, SignedInOnly } from "./SignedInOnly";

function Home() {
    const { state } = useSession();
    return state.status === "signedIn" ? <Navigate to={boPaths.queue()} replace /> : <SignedInOnly>{null}</SignedInOnly>;
}

/**
 * BackOfficeApp is the ARS agents' part of the front end, served by
 * erpps-server at "/": sign in, the queue of the region's requests, a request
 * beside the practitioner's record, and the decisions.
 */
export default function BackOfficeApp() {
    return (
        <ErrorBoundary>
            <HashRouter>
                <SessionProvider>
                    <Routes>
                            <Route element={<BackOfficeLayout />}>
                                <Route index element={<Home />} />
                                <Route
                                    path="file"
                                    element={
                                        <SignedInOnly>
                                            <QueuePage />
                                        </SignedInOnly>
                                    }
                                />
                                <Route
                                    path="demandes/:id"
                                    element={
                                        <SignedInOnly>
                                            <CasePage />
                                        </SignedInOnly>
                                    }
                                />
                                <Route
                                    path="inscriptions"
                                    element={
                                        <SignedInOnly>
                                            <RegistrationsPage />
                                        </SignedInOnly>
                                    }
                                />
                                <Route
                                    path="inscriptions/:id"
                                    element={
                                        <SignedInOnly>
                                            <RegistrationPage />
                                        </SignedInOnly>
                                    }
                                />
                                <Route path="accessibilite" element={<AccessibilityPage />} />
                                <Route path="*" element={<NotFound />} />
                            </Route>
                    </Routes>
                </SessionProvider>
            </HashRouter>
        </ErrorBoundary>
    );
}
