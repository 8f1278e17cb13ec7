import { usePageTitle } from "../hooks/usePageTitle";
import { Breadcrumb, BulletList, Container, Heading, Lead, Spacer, Text } from "../ui";

/** AccessibilityPage is the accessibility statement (RGAA): no audit yet, so "non conforme". */
export function AccessibilityPage() {
    usePageTitle("Accessibilité");
    return (
        <Container>
            <Breadcrumb trail={[]} current="Accessibilité" />
            <Heading level={1} look="h2">
                Déclaration d'accessibilité
            </Heading>
            <Lead>eRPPS Desktop s'engage à rendre son service accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</Lead>
            <Heading level={2} look="h4">
                État de conformité
            </Heading>
            <Text>
                eRPPS Desktop est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA) : aucun audit n'a
                encore été réalisé.
            </Text>
            <Heading level={2} look="h4">
                Ce qui est déjà pris en compte
            </Heading>
            <BulletList
                items={[
                    "les composants du Système de Design de l'État (DSFR), conçus pour être accessibles ;",
                    "un titre propre à chaque page et des liens d'évitement vers le contenu et le pied de page ;",
                    "le déplacement du focus sur le contenu principal à chaque changement de page ;",
                    "une étiquette visible pour chaque champ, et des messages d'erreur reliés à leur champ."
                ]}
            />
            <Spacer size="lg" />
        </Container>
    );
}
