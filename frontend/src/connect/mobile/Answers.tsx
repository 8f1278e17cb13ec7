import { useState } from "react";
import type { PendingApproval, PendingLogin } from "../../api";
import { BigCode, Button, ButtonGroup, CodeChoice, Form, FormActions, Heading, Text, TextField } from "../../ui";

/** LoginAnswer: the phone's two steps of a login: the e-CPS password, then the code the computer shows among three. */
export function LoginAnswer({ item, busy, onAnswer }: { item: PendingLogin; busy: boolean; onAnswer: (password: string, choice: string) => void }) {
    const [password, setPassword] = useState("");
    const [choice, setChoice] = useState("");
    const [errors, setErrors] = useState<{ password?: string; choice?: string }>({});
    const submit = () => {
        const found: typeof errors = {};
        if (password === "") {
            found.password = "Saisissez votre mot de passe e-CPS.";
        }
        if (choice === "") {
            found.choice = "Sélectionnez le code affiché sur l'ordinateur.";
        }
        setErrors(found);
        if (found.password !== undefined) {
            document.getElementById("login-password")?.focus();
            return;
        }
        if (found.choice !== undefined) {
            document.getElementById("login-choice-0")?.focus();
            return;
        }
        onAnswer(password, choice);
        setPassword("");
    };
    return (
        <section aria-labelledby="login-title" className="app-connect-card">
            <Heading level={2} look="h4" id="login-title">
                Vérification de votre identité en 2 étapes
            </Heading>
            <Text>{item.label === "" ? "Demande de connexion au portail eRPPS." : item.label}</Text>
            <Form onSubmit={submit} label="Vérification de votre identité">
                <TextField id="login-password" type="password" label="1. Saisie de votre mot de passe" hint="Votre mot de passe e-CPS" autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} />
                <CodeChoice
                    id="login-choice"
                    name="choice"
                    legend="2. Sélection du code affiché sur l'ordinateur parmi les trois codes proposés"
                    choices={item.choices}
                    value={choice}
                    onChange={setChoice}
                    error={errors.choice}
                />
                <FormActions>
                    <Button type="submit" id="btn-answer" icon="check" disabled={busy}>
                        {busy ? "Validation…" : "Valider"}
                    </Button>
                </FormActions>
            </Form>
        </section>
    );
}

/** ApprovalAnswer: approving one action, bound to the code both screens show, with the e-CPS password. */
export function ApprovalAnswer({ item, busy, onAnswer }: { item: PendingApproval; busy: boolean; onAnswer: (password: string, approve: boolean) => void }) {
    const [password, setPassword] = useState("");
    const [error, setError] = useState<string | undefined>(undefined);
    const answer = (approve: boolean) => {
        if (password === "") {
            setError("Saisissez votre mot de passe e-CPS.");
            document.getElementById("approval-password")?.focus();
            return;
        }
        setError(undefined);
        onAnswer(password, approve);
        setPassword("");
    };
    return (
        <section aria-labelledby="approval-title" className="app-connect-card">
            <Heading level={2} look="h4" id="approval-title">
                Demande d'approbation
            </Heading>
            <Text bold>{item.label}</Text>
            <Text noMargin>Vérifiez que l'ordinateur affiche le même code de liaison :</Text>
            <BigCode code={item.bindingCode} label="Code de liaison" id="binding-code" />
            <Form onSubmit={() => { answer(true); }} label="Approbation">
                <TextField id="approval-password" type="password" label="Saisie de votre mot de passe" hint="Votre mot de passe e-CPS" autoComplete="current-password" value={password} onChange={setPassword} error={error} />
                <FormActions>
                    <ButtonGroup>
                        <Button type="submit" id="btn-approve" icon="check" disabled={busy}>
                            Approuver
                        </Button>
                        <Button id="btn-refuse" priority="secondary" icon="close" disabled={busy} onClick={() => { answer(false); }}>
                            Refuser
                        </Button>
                    </ButtonGroup>
                </FormActions>
            </Form>
        </section>
    );
}
