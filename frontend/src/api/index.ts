// The UI's only door to Go: the typed client, its error and its types.
export { api, attestationURL, createClient, deliverAttestation, isDesktop } from "./client";
export type { ApiClient, AttestationDelivery } from "./client";
export { ApiError } from "./errors";
export type { AppEventName, AppEvents, RequestChanged, SessionEnded, Unsubscribe } from "./events";
export { runSelfTest, whenDesktop } from "./selftest";
export type * from "./types";
