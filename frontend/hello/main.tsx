// The smallest page of the interface's stack, for BenchmarkDesktopMemory
// (app/e2e): React and react-dsfr started by the interface's own
// startDesignSystem (its links are router links: the page sits in the
// interface's HashRouter), the State's header and footer, one heading.
// Nothing else of eRPPS: the benchmark embeds it in a hello-world Wails app to
// measure what the stack alone costs.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter } from "react-router-dom";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { startDesignSystem } from "../src/ui/start";

startDesignSystem();

const root = document.getElementById("root");
if (root === null) {
    throw new Error("index.html has no #root element");
}
createRoot(root).render(
    <StrictMode>
        <HashRouter>
            <Header
                brandTop={
                    <>
                        République
                        <br />
                        Française
                    </>
                }
                homeLinkProps={{ to: "/", title: "Accueil" }}
                serviceTitle="hello"
            />
            <main className="fr-container" id="contenu">
                <h1>Bonjour</h1>
            </main>
            <Footer accessibility="non compliant" />
        </HashRouter>
    </StrictMode>
);
