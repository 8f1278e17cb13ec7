import { useId, useState } from "react";
import { Text, TextField } from "../../ui";
import { useIdentifierReading } from "../identifier";

/**
 * IdentifierCheck tells which identifier to type on the connection page:
 * the RPPS number typed with or without its « 8 », read as the page reads
 * it (the server reads it: same rule, key checked).
 */
export function IdentifierCheck({ id = "aide-identifiant" }: { id?: string }) {
    const [typed, setTyped] = useState("");
    const read = useIdentifierReading(typed);
    const result = read?.reading;
    const resultId = useId();
    return (
        <div>
            <TextField
                id={id}
                label="Votre numéro RPPS ou votre identifiant"
                hint="Le numéro RPPS a 11 chiffres ; l'identifiant à saisir est ce numéro avec un « 8 » devant."
                inputMode="numeric"
                autoComplete="off"
                maxLength={16}
                value={typed}
                onChange={setTyped}
            />
            <div id={resultId} aria-live="polite" aria-atomic="true">
                {result === undefined ? null : result.ok ? (
                    <Text noMargin>
                        <strong>{result.message}</strong> Saisissez <strong>{result.idnps}</strong> dans « Votre identifiant RPPS ».
                    </Text>
                ) : typed.trim() === "" ? null : (
                    <Text size="sm" noMargin>
                        {result.message}
                    </Text>
                )}
            </div>
        </div>
    );
}
