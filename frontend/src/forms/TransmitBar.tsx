import { useNavigate } from "react-router-dom";
import { paths } from "../routes";
import { Button, ButtonGroup, ConfirmDialog, FormActions, Text } from "../ui";
import { AutosaveStatus } from "./AutosaveStatus";
import type { RequestDraft } from "./useRequestDraft";
import { WithdrawDialog } from "./WithdrawDialog";

export const TRANSMIT_BUTTON_ID = "btn-transmit";

/**
 * TransmitBar ends an editable request's form: the autosave status, the
 * transmit button (it saves what is pending first) and, for a draft, its
 * deletion; for a complement asked by the ARS, the withdrawal.
 */
export function TransmitBar<P>({ draft, rpps }: { draft: RequestDraft<P>; rpps: string }) {
    const navigate = useNavigate();
    const deletable = draft.request?.permissions.canDelete === true;
    const saving = draft.autosave.status === "saving";
    const transmit = () => {
        void draft.transmit();
    };
    const discard = () => {
        void draft.discard().then(gone => {
            if (gone) {
                void navigate(paths.portal(rpps));
            }
        });
    };
    return (
        <FormActions>
            <AutosaveStatus
                state={draft.autosave}
                onRetry={() => {
                    void draft.flush();
                }}
            />
            <ButtonGroup>
                <Button id={TRANSMIT_BUTTON_ID} icon="arrowRight" iconPosition="right" disabled={draft.busy || saving} onClick={transmit}>
                    {draft.busy ? "Transmission…" : "Transmettre ma demande à l'ARS"}
                </Button>
                {deletable ? (
                    <ConfirmDialog
                        id="dialog-delete-draft"
                        title="Supprimer ce brouillon ?"
                        confirmLabel="Supprimer le brouillon"
                        onConfirm={discard}
                        trigger={{ label: "Supprimer le brouillon", id: "btn-delete-draft", icon: "close", priority: "tertiary", disabled: draft.busy }}
                    >
                        <Text>Ce que vous avez saisi dans cette demande sera effacé de ce poste. Cette action est définitive.</Text>
                    </ConfirmDialog>
                ) : (
                    <WithdrawDialog draft={draft} />
                )}
            </ButtonGroup>
            <Text size="sm" muted>
                Une fois transmise, la demande ne peut plus être modifiée ; elle est examinée par l'ARS du département concerné.
            </Text>
        </FormActions>
    );
}
