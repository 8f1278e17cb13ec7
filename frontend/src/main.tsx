import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { api, isDesktop, isServerMode, runSelfTest, whenDesktop } from "./api";
import { App } from "./app/App";
import { connectPageOf } from "./connect/paths";
import { startDesignSystem } from "./ui";

startDesignSystem();

// erpps-server serves the same build with <meta name="erpps-mode" content="server">:
// the ARS back office, loaded only there so that the desktop does not carry it.
const BackOfficeApp = lazy(() => import("./backoffice/BackOfficeApp"));
// Beside it, the connection pages (/connexion, /mobile, /aide-connexion),
// each a chunk of its own: the phone loads only its companion.
const ServerPages = {
    login: lazy(() => import("./connect/login/LoginApp")),
    mobile: lazy(() => import("./connect/mobile/MobileApp")),
    help: lazy(() => import("./connect/help/HelpApp"))
} as const;

// /inscription on erpps-server: the primo-registration through FranceConnect.
const RegistrationApp = lazy(() => import("./primo/RegistrationApp"));

function ServerApp() {
    if (window.location.pathname === "/inscription") {
        return <RegistrationApp />;
    }
    const page = connectPageOf(window.location.pathname);
    const Page = page === null ? BackOfficeApp : ServerPages[page];
    return <Page />;
}

const root = document.getElementById("root");
if (root === null) {
    throw new Error("index.html has no #root element");
}
createRoot(root).render(
    <StrictMode>
        {isServerMode() ? (
            <Suspense>
                <ServerApp />
            </Suspense>
        ) : (
            <App />
        )}
    </StrictMode>
);

// `erpps --selftest`: check the desktop bindings, report to Go, which quits.
// Only the desktop window runs it; the bindings may arrive after this script.
void whenDesktop(isDesktop, 5000)
    .then(async desktop => {
        if (desktop && (await api.appInfo()).selfTest) {
            await api.finishSelfTest(await runSelfTest(api));
        }
    })
    .catch(() => undefined);
