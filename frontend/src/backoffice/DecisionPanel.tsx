import { useEffect, useState } from "react";
import type { Case, DecisionAction } from "../api";
import { Button, ButtonGroup, ConfirmDialog, Form, FormActions, Heading, Text, TextField } from "../ui";
import type { DecisionDraft, DecisionErrors } from "./decisions";
import { useLabels } from "./labels";

export interface DecisionPanelProps {
    theCase: Case;
    busy: boolean;
    /** Sends a decision (the server checks it: its field errors come back in serverErrors). */
    onDecide: (d: DecisionDraft) => void;
    /** The server's errors on the fields of the last decision sent. */
    serverErrors: DecisionErrors;
}

const EMPTY = { reason: "", deadline: "" };

/** The id of the reason field of each form (its focus target). */
const REASON_ID = { refuse: "refuse-reason", complement: "complement-message" } as const;

/**
 * DecisionPanel offers the decisions the server allows on the request: take
 * it, accept it (confirmed in a dialog), refuse it with a reason, or ask for
 * a complement with a message and a deadline.
 */
export function DecisionPanel({ theCase, busy, onDecide, serverErrors }: DecisionPanelProps) {
    const labels = useLabels();
    const actions = theCase.actions ?? [];
    const [open, setOpen] = useState<"refuse" | "complement" | null>(null);
    const [draft, setDraft] = useState(EMPTY);
    const [localErrors, setErrors] = useState<DecisionErrors>({});
    // A field typed again since the last check shows no error until the next one.
    const errors: DecisionErrors = {
        reason: "reason" in localErrors ? localErrors.reason : serverErrors.reason,
        deadline: "deadline" in localErrors ? localErrors.deadline : serverErrors.deadline
    };
    const can = (a: DecisionAction) => actions.includes(a);
    /** edit keeps what is typed in field and clears its error until the next check. */
    const edit = (field: "reason" | "deadline") => (v: string) => {
        setDraft(d => ({ ...d, [field]: v }));
        setErrors(e => ({ ...e, [field]: undefined }));
    };
    /** reasonField is the required text of a refusal or of a complement. */
    const reasonField = (which: "refuse" | "complement", label: string, hint: string) => (
        <TextField
            id={REASON_ID[which]}
            label={label}
            hint={hint}
            multiline
            rows={4}
            maxLength={2000}
            value={draft.reason}
            onChange={edit("reason")}
            error={errors.reason}
            errorFor="reason"
            required
        />
    );

    const openForm = (which: "refuse" | "complement") => {
        setOpen(which);
        setDraft(EMPTY);
        setErrors({});
        setTimeout(() => document.getElementById(REASON_ID[which])?.focus(), 0);
    };
    const close = () => {
        const which = open;
        setOpen(null);
        setErrors({});
        setTimeout(() => document.getElementById(which === "refuse" ? "btn-refuse" : "btn-complement")?.focus(), 0);
    };
    const submit = () => {
        if (open === null) {
            return;
        }
        setErrors({});
        onDecide({ action: open, ...draft });
    };
    // The server refused fields of the decision: the focus goes to the first.
    useEffect(() => {
        if (open === null || (serverErrors.reason === undefined && serverErrors.deadline === undefined)) {
            return;
        }
        document.getElementById(serverErrors.reason !== undefined ? REASON_ID[open] : "complement-deadline")?.focus();
    }, [serverErrors, open]);

    const changes = theCase.changes ?? [];
    return (
        <section aria-labelledby="decision-title" id="decision-panel">
            <Heading level={2} look="h4" id="decision-title">
                Décision
            </Heading>
            {actions.length === 0 ? (
                <Text>{`Aucune décision n'est possible sur cette demande : elle est « ${labels.status(theCase.request.status)} ».`}</Text>
            ) : null}
            {open === null && actions.length > 0 ? (
                <ButtonGroup>
                    {can("take") ? (
                        <Button id="btn-take" icon="user" disabled={busy} onClick={() => { onDecide({ action: "take", ...EMPTY }); }}>
                            {labels.action("take")}
                        </Button>
                    ) : null}
                    {can("accept") ? (
                        <ConfirmDialog
                            id="dialog-accept"
                            title="Accepter la demande ?"
                            confirmLabel="Accepter la demande"
                            onConfirm={() => { onDecide({ action: "accept", ...EMPTY }); }}
                            trigger={{ label: labels.action("accept"), id: "btn-accept", icon: "check", priority: "primary", disabled: busy }}
                        >
                            <p>
                                {changes.length === 0
                                    ? "Le dossier RPPS du professionnel sera mis à jour selon la demande."
                                    : `Le dossier RPPS du professionnel sera modifié aussitôt : ${changes.map(c => c.label).join(", ")}.`}
                            </p>
                            <p>Votre décision sera datée et enregistrée à votre nom.</p>
                        </ConfirmDialog>
                    ) : null}
                    {can("refuse") ? (
                        <Button id="btn-refuse" priority="secondary" icon="close" disabled={busy} onClick={() => { openForm("refuse"); }}>
                            {labels.action("refuse")}
                        </Button>
                    ) : null}
                    {can("complement") ? (
                        <Button id="btn-complement" priority="secondary" icon="mail" disabled={busy} onClick={() => { openForm("complement"); }}>
                            {labels.action("complement")}
                        </Button>
                    ) : null}
                </ButtonGroup>
            ) : null}
            {open === "refuse" ? (
                <Form onSubmit={submit} label="Refuser la demande">
                    <Heading level={3} look="h6">
                        Refuser la demande
                    </Heading>
                    {reasonField("refuse", "Motif du refus", "Le professionnel lira ce motif.")}
                    <FormActions>
                        <ButtonGroup>
                            <Button id="btn-refuse-confirm" type="submit" disabled={busy}>
                                Confirmer le refus
                            </Button>
                            <Button id="btn-refuse-cancel" priority="secondary" onClick={close}>
                                Annuler
                            </Button>
                        </ButtonGroup>
                    </FormActions>
                </Form>
            ) : null}
            {open === "complement" ? (
                <Form onSubmit={submit} label={labels.action("complement")}>
                    <Heading level={3} look="h6">
                        {labels.action("complement")}
                    </Heading>
                    {reasonField("complement", "Ce que le professionnel doit compléter", "La demande lui revient, modifiable ; il la transmet à nouveau une fois complétée.")}
                    <TextField
                        id="complement-deadline"
                        label="Date limite de réponse"
                        hint="Format attendu : jj/mm/aaaa. Sans réponse à cette date, la demande sera classée sans suite."
                        inputMode="numeric"
                        autoComplete="off"
                        placeholder="jj/mm/aaaa"
                        maxLength={10}
                        value={draft.deadline}
                        onChange={edit("deadline")}
                        error={errors.deadline}
                        errorFor="deadline"
                        required
                    />
                    <FormActions>
                        <ButtonGroup>
                            <Button id="btn-complement-confirm" type="submit" disabled={busy}>
                                Envoyer la demande de complément
                            </Button>
                            <Button id="btn-complement-cancel" priority="secondary" onClick={close}>
                                Annuler
                            </Button>
                        </ButtonGroup>
                    </FormActions>
                </Form>
            ) : null}
        </section>
    );
}
