// The smallest page of the interface's stack, for BenchmarkDesktopMemory
// (app/e2e): React and react-dsfr started as the interface starts them, the
// State's header and footer, one heading. Nothing of eRPPS: the benchmark
// embeds it in a hello-world Wails app to measure what the stack alone costs.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";

startReactDsfr({ defaultColorScheme: "system" });

const root = document.getElementById("root");
if (root === null) {
    throw new Error("index.html has no #root element");
}
createRoot(root).render(
    <StrictMode>
        <Header
            brandTop={
                <>
                    République
                    <br />
                    Française
                </>
            }
            homeLinkProps={{ href: "/", title: "Accueil" }}
            serviceTitle="hello"
        />
        <main className="fr-container" id="contenu">
            <h1>Bonjour</h1>
        </main>
        <Footer accessibility="non compliant" />
    </StrictMode>
);
