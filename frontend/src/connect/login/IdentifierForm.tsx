import { useEffect, useState } from "react";
import { Button, CheckboxField, Form, FormActions, Text, TextField } from "../../ui";
import { readIdentifier, useIdentifierReading } from "../identifier";

export interface IdentifierFormProps {
    initial: string;
    initialRemember: boolean;
    busy: boolean;
    onSubmit: (idnps: string, remember: boolean) => void;
    /** Told each time the typed identifier becomes valid (or not): the companion's QR code prefills it. */
    onUnderstood?: (idnps: string | null) => void;
}

/** IdentifierForm is « Connectez-vous » with the e-CPS application: the identifier, remembered or not. */
export function IdentifierForm({ initial, initialRemember, busy, onSubmit, onUnderstood }: IdentifierFormProps) {
    const [typed, setTyped] = useState(initial);
    const [remember, setRemember] = useState(initialRemember);
    const [error, setError] = useState<string | undefined>(undefined);
    const [checking, setChecking] = useState(false);
    const read = useIdentifierReading(typed);
    // The reading of what is in the field now, once the server has answered.
    const id = read !== null && read.typed === typed ? read.reading : null;
    const understood = id?.ok === true && id.idnps !== undefined ? id.idnps : null;

    const answered = id !== null;
    useEffect(() => {
        if (answered) {
            onUnderstood?.(understood);
        }
    }, [answered, understood, onUnderstood]);

    const change = (value: string) => {
        setTyped(value);
        setError(undefined);
    };

    const submit = () => {
        setChecking(true);
        void readIdentifier(typed).then(r => {
            setChecking(false);
            if (!r.ok || r.idnps === undefined) {
                setError(r.message);
                document.getElementById("identifiant")?.focus();
                return;
            }
            onSubmit(r.idnps, remember);
        });
    };

    return (
        <Form onSubmit={submit} label="Connexion avec l'application e-CPS">
            <TextField
                id="identifiant"
                name="username"
                label="Votre identifiant RPPS"
                hint="Votre numéro RPPS avec un « 8 » devant (12 chiffres)."
                inputMode="numeric"
                autoComplete="username"
                maxLength={20}
                value={typed}
                onChange={change}
                error={error}
                errorFor="identifier"
                valid={id?.ok === true ? id.message : undefined}
                required
            />
            {id !== null && !id.ok && error === undefined && typed.trim() !== "" && typed.replace(/\D/g, "").length >= 11 ? (
                <Text size="sm" noMargin>
                    <span role="status">{id.message}</span>
                </Text>
            ) : null}
            <CheckboxField name="remember" label="Mémoriser mon identifiant sur ce poste" hint="Seulement sur un ordinateur qui est le vôtre." checked={remember} onChange={setRemember} />
            <FormActions>
                <Button id="btn-ecps" type="submit" disabled={busy || checking}>
                    {busy ? "CONNEXION…" : "SE CONNECTER AVEC E-CPS"}
                </Button>
            </FormActions>
        </Form>
    );
}
