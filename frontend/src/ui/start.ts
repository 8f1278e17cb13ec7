import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { Link } from "react-router-dom";
import "./ui.css";

// The design system (DSFR, through @codegouvfr/react-dsfr) is started here and
// used only in src/ui/. Its CSS, Marianne fonts and icons are served from the
// build (public/dsfr, copied by `react-dsfr copy-static-assets`): nothing is
// fetched from another host.

declare module "@codegouvfr/react-dsfr/spa" {
    interface RegisterLink {
        Link: typeof Link;
    }
}

/** startDesignSystem loads the DSFR JavaScript and makes its links router links. */
export function startDesignSystem(): void {
    startReactDsfr({ defaultColorScheme: "system", Link });
}
