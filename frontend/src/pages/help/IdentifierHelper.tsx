import { useId, useState } from "react";
import { idnps } from "../../domain/names";
import { Mono, Text, TextField } from "../../ui";

/**
 * IdentifierHelper shows the identifier to type on Pro Santé Connect: the
 * RPPS number with an "8" in front. It only checks the shape (11 digits);
 * the number itself is checked when you connect.
 */
export function IdentifierHelper() {
    const [rpps, setRpps] = useState("");
    const resultId = useId();
    const typed = rpps.replace(/\s/g, "");
    const onlyDigits = /^\d*$/.test(typed);

    let error: string | undefined;
    if (typed !== "" && !onlyDigits) {
        error = "Le numéro RPPS ne contient que des chiffres.";
    } else if (typed.length > 11) {
        error = `Le numéro RPPS comporte 11 chiffres ; vous en avez saisi ${typed.length}.`;
    }
    const complete = error === undefined && typed.length === 11;

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
                {complete ? (
                    <>
                        <Text noMargin>
                            Identifiant à saisir sur Pro Santé Connect :{" "}
                            <strong>
                                <Mono>{idnps(typed)}</Mono>
                            </strong>
                        </Text>
                        <Text size="sm" muted>
                            Le numéro lui-même sera vérifié lors de la connexion.
                        </Text>
                    </>
                ) : error === undefined && typed !== "" ? (
                    <Text size="sm" muted>
                        {`Encore ${11 - typed.length} chiffre${11 - typed.length > 1 ? "s" : ""} : l'identifiant sera « 8 » suivi de vos 11 chiffres.`}
                    </Text>
                ) : null}
            </div>
        </div>
    );
}
