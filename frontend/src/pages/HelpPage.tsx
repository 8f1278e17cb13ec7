import { useEffect } from "react";
import { useLocation } from "react-router-dom";
import { ConnectionGuide } from "../connect/help/ConnectionGuide";
import { usePageTitle } from "../hooks/usePageTitle";
import { Breadcrumb, Col, Container, Grid, Heading, Lead } from "../ui";
import { IdentifierHelper } from "./help/IdentifierHelper";

/**
 * HelpPage is the guide "Aide à la connexion au portail eRPPS", as a page: the
 * guide erpps-server shows at /aide-connexion, with the desktop's identifier
 * tool (computed by its Go side) and what the desktop adds (the connection
 * page opens in the browser).
 */
export function HelpPage() {
    usePageTitle("Aide à la connexion");
    // « La connexion échoue ? » links to the troubleshooting (#depannage).
    const { hash } = useLocation();
    useEffect(() => {
        if (hash !== "") {
            document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
        }
    }, [hash]);
    return (
        <Container>
            <Breadcrumb trail={[]} current="Aide à la connexion" />
            <Grid>
                <Col base={12} lg={9}>
                    <Heading level={1}>Aide à la connexion au portail eRPPS</Heading>
                    <Lead>
                        Afin de vous connecter sur votre espace eRPPS, vous devez vous munir de votre numéro RPPS, de l'application e-CPS sur votre
                        téléphone et d'un ordinateur.
                    </Lead>
                    <ConnectionGuide identifierTool={<IdentifierHelper />} opensInBrowser />
                </Col>
            </Grid>
        </Container>
    );
}
