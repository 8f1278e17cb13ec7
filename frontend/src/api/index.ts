// The UI's only door to Go: the typed client, its error and its types.
export { api, attestationURL, createClient, deliverAttestation, isDesktop } from "./client";
export type { ApiClient, AttestationDelivery } from "./client";
export { ApiError } from "./errors";
export type { AppEventName, AppEvents, ConnectionChanged, RequestChanged, SessionEnded, SyncPulled, Unsubscribe } from "./events";
export { runSelfTest, whenDesktop } from "./selftest";
export type * from "./types";
export { createServerClient, isServerMode, queueSearch, server, sessionOf } from "./server";
export type { ServerClient, ServerEnv } from "./server";
export type { Account, Case, Credentials, Decision, DecisionAction, DecisionInput, HistoryRow, Labels, QueueItem, QueuePage, QueueQuery, RecordChange, RecordWire, ServerReference, ServerSession } from "./serverTypes";
export { companionPath, companionQrPath, createEcpsClient, ecps } from "./ecps";
export type { ActivationConfirm, ActivationLookup, ActivationSent, AnswerInput, AnswerResult, Ars, Challenge, Channel, DeviceJwk, EcpsClient, EcpsEnv, Enrolled, IdentifierReading, LoginStarted, LoginState, LoginStatus, MaskedChannel, Pending, PendingApproval, PendingItem, PendingLogin, Signed } from "./ecps";
