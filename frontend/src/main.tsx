import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { api, isDesktop, isServerMode, runSelfTest, whenDesktop } from "./api";
import { App } from "./app/App";
import { startDesignSystem } from "./ui";

startDesignSystem();

// erpps-server serves the same build with <meta name="erpps-mode" content="server">:
// the ARS back office, loaded only there so that the desktop does not carry it.
const BackOfficeApp = lazy(() => import("./backoffice/BackOfficeApp"));

const root = document.getElementById("root");
if (root === null) {
    throw new Error("index.html has no #root element");
}
createRoot(root).render(
    <StrictMode>
        {isServerMode() ? (
            <Suspense>
                <BackOfficeApp />
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
