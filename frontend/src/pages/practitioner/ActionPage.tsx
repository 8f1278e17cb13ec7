import type { ReactNode } from "react";
import { displayName } from "../../domain/names";
import { usePageTitle } from "../../hooks/usePageTitle";
import { paths } from "../../routes";
import { Breadcrumb, Container, Heading, Lead, Spacer } from "../../ui";
import { usePractitioner } from "./context";
import { RegistrationNotice } from "./RegistrationNotice";

/**
 * ActionPage is the frame of a portal action: breadcrumb, h1 (the action's
 * name), the guide's explanation. For a record the ARS does not keep (an
 * Ordre's, the SSA's), the notice saying where to turn replaces the action
 * (it comes first on a page alwaysOpen: the record, a new profession the ARS
 * may register).
 */
export function ActionPage({ title, intro, children, alwaysOpen = false }: { title: string; intro?: ReactNode; children: ReactNode; alwaysOpen?: boolean }) {
    const { practitioner } = usePractitioner();
    usePageTitle(`${title} - ${displayName(practitioner)}`);
    return (
        <Container>
            <Breadcrumb trail={[{ label: "Mon portail eRPPS", to: paths.portal(practitioner.rpps) }]} current={title} />
            <Heading level={1} look="h2">
                {title}
            </Heading>
            {practitioner.registration.servedByArs || alwaysOpen ? (
                <>
                    {intro === undefined ? null : <Lead>{intro}</Lead>}
                    {practitioner.registration.servedByArs ? null : <RegistrationNotice registration={practitioner.registration} />}
                    {children}
                </>
            ) : (
                <RegistrationNotice registration={practitioner.registration} />
            )}
            <Spacer size="lg" />
        </Container>
    );
}
