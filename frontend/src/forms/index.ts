// Request forms: the draft editor shared by every portal action (autosave,
// validation as you type, guidance, transmission, read-only view).
export { AUTOSAVE_DELAY_MS, flagAt, textAt, useRequestDraft } from "./useRequestDraft";
export type { DraftFields, DraftOutcome, DraftTarget, RequestDraft } from "./useRequestDraft";
export { RequestEditor, RequestOpening } from "./RequestEditor";
export type { RequestEditorProps } from "./RequestEditor";
export { DraftCheckbox, DraftSelectField, DraftTextField } from "./fields";
export type { DraftCheckboxProps, DraftSelectFieldProps, DraftTextFieldProps } from "./fields";
export { AutosaveStatus, AUTOSAVE_STATUS_ID } from "./AutosaveStatus";
export { ErrorSummary, ErrorSummaryFrame, ERROR_SUMMARY_ID } from "./ErrorSummary";
export { GuidanceList } from "./GuidanceList";
export { RequestHistory } from "./RequestHistory";
export { OutcomeAlert, RequestStatusBadge, RequestStatusView, STATUS_BADGE_ID } from "./RequestStatusView";
export { ComplementNotice, ResumedNotice } from "./ResumedNotice";
export { TransmitBar, TRANSMIT_BUTTON_ID } from "./TransmitBar";
export { WithdrawDialog, WITHDRAW_BUTTON_ID } from "./WithdrawDialog";
export { fieldId, getPath, isUnder, setPath } from "./paths";
export { guidanceActions, guidanceStep } from "./guidance";
export type { GuidanceStep } from "./guidance";
export type { FieldErrors } from "./fieldErrors";
export { ConflictPanel, CONFLICT_ID, CONFLICT_MESSAGE } from "./ConflictPanel";
export { SyncIssuePanel, SYNC_ISSUE_ID, SYNC_CONFLICT_TITLE } from "./SyncIssuePanel";
export type { DraftConflict } from "./useRequestDraft";
