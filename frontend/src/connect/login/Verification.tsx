import { useEffect, useRef } from "react";
import { BigCode, Button, Heading, Meter, OrderedList, PlainLink, Text } from "../../ui";
import { announcedAt, countdownText } from "../countdown";
import { formatIDNPS } from "../identifier";
import { connectPaths } from "../paths";
import { useCountdown } from "./useCountdown";

export interface VerificationProps {
    identifier: string;
    code: string;
    /** The window, in seconds (120). */
    total: number;
    /** When it closes, on performance.now()'s clock. */
    deadlineAt: number;
    onQuit: () => void;
    onTimeUp: () => void;
    quitting: boolean;
}

/**
 * Verification is « Vérification de votre identité en 2 étapes »: the code to
 * select on the phone and the time left. The time is shown each second and
 * read out by screen readers only every 30 seconds, then at 20, 10 and 5.
 */
export function Verification({ identifier, code, total, deadlineAt, onQuit, onTimeUp, quitting }: VerificationProps) {
    const left = useCountdown(deadlineAt);
    const heading = useRef<HTMLHeadingElement | null>(null);
    const announced = announcedAt(left, total);

    useEffect(() => {
        heading.current?.focus();
    }, []);

    useEffect(() => {
        if (left === 0) {
            onTimeUp();
        }
    }, [left, onTimeUp]);

    const tone = left <= 10 ? "error" : left <= 30 ? "warning" : "info";
    return (
        <div className="app-connect-card">
            <h1 ref={heading} tabIndex={-1} id="page-title" className="fr-h3">
                Vérification de votre identité en 2 étapes
            </h1>
            <Text size="sm" muted>
                Identifiant : {formatIDNPS(identifier)}
            </Text>
            <OrderedList items={[<>Saisie de votre mot de passe</>, <>Authentification</>]} />
            <Heading level={2} look="h5">
                Authentification
            </Heading>
            <Text>
                Après avoir accepté la notification ou ouvert l'application e-CPS, validez la demande d'authentification sur votre téléphone portable, en
                réalisant les actions suivantes :
            </Text>
            <Text bold>Sélection du code affiché ci-dessous parmi les trois codes proposés</Text>
            <BigCode code={code} label="Code à sélectionner sur votre téléphone" id="login-code" />
            <p id="countdown" aria-hidden="true" className="fr-mb-1w">
                {countdownText(left)}
            </p>
            <p className="fr-sr-only" role="status" aria-live="polite" aria-atomic="true">
                {countdownText(announced)}
            </p>
            <Meter fraction={left / total} tone={tone} />
            <Button id="btn-quit" priority="secondary" icon="close" onClick={onQuit} disabled={quitting}>
                Quitter l'authentification
            </Button>
            <Text size="sm">
                <br />
                Pas de demande sur votre téléphone ? Vérifiez que votre e-CPS est activée et que l'heure du téléphone est juste.{" "}
                <PlainLink href={connectPaths.help}>Aide à la connexion</PlainLink>
            </Text>
        </div>
    );
}
