import { useState } from "react";
import { ConfirmDialog, TextField } from "../ui";
import type { RequestDraft } from "./useRequestDraft";

export const WITHDRAW_BUTTON_ID = "btn-withdraw";

/** WithdrawDialog takes back a transmitted request, with an optional reason, after confirmation. */
export function WithdrawDialog<P>({ draft }: { draft: RequestDraft<P> }) {
    const [comment, setComment] = useState("");
    return (
        <ConfirmDialog
            id="dialog-withdraw"
            title="Retirer votre demande ?"
            confirmLabel="Retirer ma demande"
            onConfirm={() => {
                void draft.withdraw(comment);
            }}
            trigger={{ label: "Retirer ma demande", id: WITHDRAW_BUTTON_ID, icon: "back", priority: "secondary", disabled: draft.busy }}
        >
            <p>L'ARS ne l'examinera pas. Pour demander à nouveau la même chose, vous devrez faire une nouvelle demande.</p>
            {draft.request?.withdrawNotice ? <p id="withdraw-pair-notice">{draft.request.withdrawNotice}</p> : null}
            <TextField id="withdraw-comment" label="Motif du retrait (facultatif)" value={comment} onChange={setComment} multiline rows={3} maxLength={500} />
        </ConfirmDialog>
    );
}
