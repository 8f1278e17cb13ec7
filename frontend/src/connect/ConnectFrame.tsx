import { useEffect, type ReactNode } from "react";
import { Main, ServiceFooter, ServiceHeader, SkipLinks } from "../ui";
import { connectPaths } from "./paths";

/** useConnectTitle sets the window title of a connection page. */
export function useConnectTitle(title: string): void {
    useEffect(() => {
        document.title = `${title} - eRPPS`;
    }, [title]);
}

/**
 * ConnectFrame is the frame of the connection pages: skip links, the header
 * with the link to the connection help (reachable from every connection
 * screen), the content, the footer.
 */
export function ConnectFrame({ children, serviceTitle = "Pro Santé Connect — eRPPS", tagline = "Connexion des professionnels de santé avec e-CPS", homeHref = connectPaths.login }: { children: ReactNode; serviceTitle?: string; tagline?: string; homeHref?: string }) {
    return (
        <>
            <SkipLinks
                links={[
                    { label: "Contenu", target: "content" },
                    { label: "Pied de page", target: "footer" }
                ]}
            />
            <ServiceHeader serviceTitle={serviceTitle} tagline={tagline} homeHref={homeHref} links={[{ label: "Aide à la connexion", href: connectPaths.help, icon: "help" }]} />
            <Main>{children}</Main>
            <ServiceFooter
                description="Connexion au portail eRPPS des professionnels intervenant dans le système de santé, avec l'application e-CPS. Aucun code, mot de passe ni jeton n'est conservé dans les journaux du serveur."
                links={[
                    { label: "Aide à la connexion", href: connectPaths.help },
                    { label: "Compagnon e-CPS (téléphone)", href: connectPaths.mobile }
                ]}
            />
        </>
    );
}
