import type { ReactNode } from "react";
import { displayName } from "../../domain/names";
import { usePageTitle } from "../../hooks/usePageTitle";
import { paths } from "../../routes";
import { Breadcrumb, Container, Heading, Lead, Spacer } from "../../ui";
import { usePractitioner } from "./context";

/** ActionPage is the frame of a portal action: breadcrumb, h1 (the action's name), the guide's explanation. */
export function ActionPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
    const { practitioner } = usePractitioner();
    usePageTitle(`${title} - ${displayName(practitioner)}`);
    return (
        <Container>
            <Breadcrumb trail={[{ label: "Mon portail eRPPS", to: paths.portal(practitioner.rpps) }]} current={title} />
            <Heading level={1} look="h2">
                {title}
            </Heading>
            {intro === undefined ? null : <Lead>{intro}</Lead>}
            {children}
            <Spacer size="lg" />
        </Container>
    );
}
