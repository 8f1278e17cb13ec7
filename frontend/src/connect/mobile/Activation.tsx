import { useState } from "react";
import { ApiError, ecps, type ActivationLookup, type ActivationSent, type Channel } from "../../api";
import { Alert, Button, FailureAlert, Form, FormActions, Heading, RadioGroup, Spacer, Text, TextField, useFailure } from "../../ui";
import { formatIDNPS, readIdentifier, useIdentifierReading } from "../identifier";
import { newDeviceKey, publicJwk } from "../signature";
import type { Prefill } from "../prefill";
import { ArsContact } from "./ArsContact";
import { passwordProblem } from "./password";
import { deviceName } from "./deviceCalls";
import { saveDevice, type Device } from "./deviceStore";

type Step =
    | { name: "identifier" }
    | { name: "send"; lookup: ActivationLookup }
    | { name: "confirm"; identifier: string; channel: Channel; sent: ActivationSent | null; lookup: ActivationLookup | null };

const CHANNEL_LABEL: Record<Channel, string> = { email: "Par e-mail", sms: "Par SMS" };

function minutes(seconds: number): string {
    const m = Math.round(seconds / 60);
    return `${m} minute${m > 1 ? "s" : ""}`;
}

/**
 * Activation is « Demande d'activation e-CPS » on the phone: the identifier,
 * where to send the code (masked), the code received and the new e-CPS
 * password; the phone's key is made here and only its public half leaves it.
 */
export function Activation({ prefill, onEnrolled }: { prefill: Prefill; onEnrolled: (d: Device) => void }) {
    const [step, setStep] = useState<Step>(() =>
        prefill.identifier !== undefined && prefill.code !== undefined
            ? { name: "confirm", identifier: prefill.identifier, channel: prefill.channel ?? "email", sent: null, lookup: null }
            : { name: "identifier" }
    );
    const [typed, setTyped] = useState(prefill.identifier ?? "");
    const [channel, setChannel] = useState<Channel | "">("");
    const [code, setCode] = useState(prefill.code ?? "");
    const [password, setPassword] = useState("");
    const [again, setAgain] = useState("");
    const [errors, setErrors] = useState<Partial<Record<"identifier" | "channel" | "code" | "password" | "again", string>>>({});
    const { failure, show, clear, anchor } = useFailure();
    const [busy, setBusy] = useState(false);
    const read = useIdentifierReading(typed);
    // The reading of what is in the field now, once the server has answered.
    const understood = read !== null && read.typed === typed ? read.reading : null;

    const failed = (e: unknown, fallback: string) => {
        setBusy(false);
        show(e instanceof ApiError ? e.message : fallback);
    };

    const focusTitle = () => {
        setTimeout(() => document.getElementById("page-title")?.focus(), 0);
    };

    const lookup = async () => {
        clear();
        setBusy(true);
        const id = await readIdentifier(typed);
        if (!id.ok || id.idnps === undefined) {
            setBusy(false);
            setErrors({ identifier: id.message });
            document.getElementById("act-identifiant")?.focus();
            return;
        }
        setErrors({});
        ecps.lookup(id.idnps).then(
            l => {
                setBusy(false);
                setChannel(l.channels[0]?.channel ?? "");
                setStep({ name: "send", lookup: l });
                focusTitle();
            },
            (e: unknown) => {
                failed(e, "Vos coordonnées n'ont pas pu être retrouvées. Réessayez.");
            }
        );
    };

    const send = (l: ActivationLookup) => {
        clear();
        if (channel === "") {
            setErrors({ channel: "Choisissez où recevoir votre code d'activation." });
            return;
        }
        setErrors({});
        setBusy(true);
        ecps.sendCode(l.identifier, channel).then(
            sent => {
                setBusy(false);
                setStep({ name: "confirm", identifier: l.identifier, channel, sent, lookup: l });
                focusTitle();
            },
            (e: unknown) => {
                failed(e, "Le code n'a pas pu être envoyé. Réessayez.");
            }
        );
    };

    const confirm = (s: Extract<Step, { name: "confirm" }>) => {
        clear();
        const problem = passwordProblem(password, again);
        setErrors(problem === null ? {} : { [problem.field]: problem.message });
        if (problem !== null) {
            document.getElementById(`act-${problem.field}`)?.focus();
            return;
        }
        const digits = code.replace(/\s/g, "");
        setBusy(true);
        const subtle = crypto.subtle;
        const name = deviceName(navigator.userAgent);
        void (async () => {
            try {
                const keys = await newDeviceKey(subtle);
                const enrolled = await ecps.confirm({ identifier: s.identifier, channel: s.channel, code: digits, password, device: { publicKey: await publicJwk(subtle, keys.publicKey), name } });
                const device: Device = { deviceId: enrolled.deviceId, identifier: enrolled.identifier, name, keys, enrolledAt: new Date().toISOString() };
                await saveDevice(device);
                setPassword("");
                setAgain("");
                onEnrolled(device);
            } catch (e: unknown) {
                setPassword("");
                setAgain("");
                // The code's or the password's shape refused (Go's rules): told on the field.
                const fields = e instanceof ApiError ? { code: e.fieldMessage("code"), password: e.fieldMessage("password") } : {};
                const first = (["code", "password"] as const).find(f => fields[f] !== undefined);
                if (first === undefined) {
                    failed(e, "L'activation n'a pas abouti. Réessayez.");
                    return;
                }
                setBusy(false);
                setErrors(fields);
                document.getElementById(`act-${first}`)?.focus();
            }
        })();
    };

    const failureBlock = (
        <FailureAlert id="activation-failure" anchor={anchor} title="Activation impossible">
            {failure}
        </FailureAlert>
    );

    if (step.name === "identifier") {
        return (
            <>
                <Heading level={1} look="h3" id="page-title" tabIndex={-1}>
                    Demande d'activation e-CPS
                </Heading>
                <Text>Première connexion : activez votre e-CPS sur ce téléphone avec un code reçu à vos coordonnées de correspondance.</Text>
                {failureBlock}
                <Form onSubmit={() => void lookup()} label="Votre identifiant">
                    <TextField
                        id="act-identifiant"
                        label="Votre identifiant RPPS"
                        hint="Votre numéro RPPS avec un « 8 » devant."
                        inputMode="numeric"
                        autoComplete="username"
                        maxLength={20}
                        value={typed}
                        onChange={v => {
                            setTyped(v);
                            setErrors({});
                        }}
                        error={errors.identifier}
                        valid={understood?.ok === true ? understood.message : undefined}
                    />
                    <FormActions>
                        <Button type="submit" id="btn-lookup" disabled={busy}>
                            Continuer
                        </Button>
                    </FormActions>
                </Form>
            </>
        );
    }

    if (step.name === "send") {
        const l = step.lookup;
        return (
            <>
                <Heading level={1} look="h3" id="page-title" tabIndex={-1}>
                    Demande d'activation e-CPS
                </Heading>
                <Text size="sm">Identifiant : {formatIDNPS(l.identifier)}</Text>
                {failureBlock}
                <Form onSubmit={() => { send(l); }} label="Demande d'activation e-CPS">
                    <RadioGroup
                        legend="Recevoir mon code d'activation"
                        hint="Le code part vers vos coordonnées de correspondance, affichées en partie masquées."
                        name="channel"
                        value={channel}
                        onChange={v => {
                            setChannel(v as Channel);
                        }}
                        options={l.channels.map(c => ({ value: c.channel, label: `${CHANNEL_LABEL[c.channel]} : ${c.masked}` }))}
                        error={errors.channel}
                    />
                    <FormActions>
                        <Button type="submit" id="btn-send" disabled={busy}>
                            ENVOYER MA DEMANDE D'ACTIVATION
                        </Button>
                    </FormActions>
                </Form>
                <Spacer size="sm" />
                <ArsContact ars={l.ars} />
            </>
        );
    }

    const where = step.sent === null ? "Code transmis par l'ordinateur de votre cabinet." : `Un code d'activation a été envoyé à ${step.sent.masked}. Il est valable ${minutes(step.sent.expiresInSeconds)}.`;
    return (
        <>
            <Heading level={1} look="h3" id="page-title" tabIndex={-1}>
                Activation de votre e-CPS
            </Heading>
            <Alert severity="info" small live>
                {where}
                {step.sent === null || step.lookup === null ? null : " Rien reçu après quelques minutes ? Voyez « Vos coordonnées sont incorrectes ? » plus bas."}
            </Alert>
            <Spacer size="sm" />
            <Text size="sm">Identifiant : {formatIDNPS(step.identifier)}</Text>
            {failureBlock}
            <Form onSubmit={() => { confirm(step); }} label="Activation de votre e-CPS">
                <TextField id="act-code" label="Code d'activation" hint="6 chiffres" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={setCode} error={errors.code} />
                <TextField id="act-password" type="password" label="Choisissez votre mot de passe e-CPS" hint="8 caractères au moins ; une phrase facile à retenir convient." autoComplete="new-password" value={password} onChange={setPassword} error={errors.password} />
                <TextField id="act-again" type="password" label="Confirmez votre mot de passe e-CPS" autoComplete="new-password" value={again} onChange={setAgain} error={errors.again} />
                <FormActions>
                    <Button type="submit" id="btn-activate" icon="lock" disabled={busy}>
                        {busy ? "Activation…" : "Activer mon e-CPS"}
                    </Button>
                </FormActions>
            </Form>
            {step.lookup === null ? null : (
                <>
                    <Spacer size="sm" />
                    <ArsContact ars={step.lookup.ars} />
                </>
            )}
            <Spacer size="sm" />
            <Button
                priority="tertiary-no-outline"
                icon="back"
                onClick={() => {
                    clear();
                    setStep({ name: "identifier" });
                }}
            >
                Recommencer la demande d'activation
            </Button>
        </>
    );
}
