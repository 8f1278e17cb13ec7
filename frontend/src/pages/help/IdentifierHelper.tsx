import { useEffect, useId, useState } from "react";
import { api, ApiError, type IDNPSTyped } from "../../api";
import { Mono, Text, TextField } from "../../ui";

/** What Go said about the number as it was last typed. */
type Answer = { typed: string; result: IDNPSTyped; error?: undefined } | { typed: string; result?: undefined; error: string };

/**
 * IdentifierHelper shows the identifier to type on Pro Santé Connect, as Go
 * computes it (ConnectionIdentifier): the RPPS number with an "8" in front.
 * Only the shape is checked (11 digits); the number itself is checked when
 * you connect.
 */
export function IdentifierHelper() {
    const [rpps, setRpps] = useState("");
    const [answer, setAnswer] = useState<Answer | null>(null);
    const resultId = useId();

    useEffect(() => {
        let current = true;
        api.connectionIdentifier(rpps).then(
            result => {
                if (current) {
                    setAnswer({ typed: rpps, result });
                }
            },
            (e: unknown) => {
                if (current) {
                    setAnswer({ typed: rpps, error: e instanceof ApiError ? e.message : "Le numéro n'a pas pu être lu. Réessayez." });
                }
            }
        );
        return () => {
            current = false;
        };
    }, [rpps]);

    // Until the answer to the latest keystroke arrives, the previous one stays.
    const result = answer?.result;
    const error = answer?.error;

    return (
        <div>
            <TextField
                id="aide-rpps"
                label="Votre numéro RPPS"
                hint="11 chiffres, tel qu'il figure sur l'Annuaire Santé ou votre carte CPS"
                inputMode="numeric"
                autoComplete="off"
                maxLength={14}
                value={rpps}
                onChange={setRpps}
                error={error}
            />
            <div id={resultId} aria-live="polite">
                {result !== undefined && result.idnps !== "" ? (
                    <>
                        <Text noMargin>
                            Identifiant à saisir sur Pro Santé Connect :{" "}
                            <strong>
                                <Mono>{result.idnps}</Mono>
                            </strong>
                        </Text>
                        <Text size="sm" muted>
                            Le numéro lui-même sera vérifié lors de la connexion.
                        </Text>
                    </>
                ) : result !== undefined && answer?.typed.trim() !== "" ? (
                    <Text size="sm" muted>
                        {`Encore ${result.missing} chiffre${result.missing > 1 ? "s" : ""} : l'identifiant sera « 8 » suivi de vos 11 chiffres.`}
                    </Text>
                ) : null}
            </div>
        </div>
    );
}
