import { transport, type Call, type Transport } from "./transport";
import { createOnEvent, windowEvents, type OnEvent } from "./events";
import type { MailboxSignIn, MailFindingView, MethodArgs, MethodName, MethodResult, RequestPayload, SavedFile, ServerSignIn, StructureLookupBy, SyncIssue } from "./types";

// One typed function per Go method of app.App. Arguments are positional, in
// the Go order; their types and the results come from the Go signatures
// (AppMethods in types.gen.ts), so a changed Go method breaks the typecheck
// here. Every function rejects with an ApiError. onEvent listens to the
// application's events.

/** typedCall narrows the transport's call to the methods of app.App and their signatures. */
function typedCall(call: Call) {
    return <M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> => call<MethodResult<M>>(method, ...args);
}

export function createClient(untyped: Call, on?: OnEvent) {
    const call = typedCall(untyped);
    return {
        /** onEvent calls handler on every event `name` until the returned function is called. */
        onEvent: on ?? createOnEvent(windowEvents(() => call("SyncState"))),

        // Foundation
        appInfo: () => call("AppInfo"),
        referenceData: () => call("ReferenceData"),
        listPractitioners: (...args: MethodArgs<"ListPractitioners">) => call("ListPractitioners", ...args),
        getPractitioner: (rpps: string) => call("GetPractitioner", rpps),
        /** The IDNPS to type on Pro Santé Connect for an RPPS number being typed (help page). */
        connectionIdentifier: (typed: string) => call("ConnectionIdentifier", typed),

        // Session: who acts, on whose record
        openSession: (rpps: string) => call("OpenSession", rpps),
        currentSession: () => call("CurrentSession"),
        closeSession: () => call("CloseSession"),

        // Requests
        listRequests: (...args: MethodArgs<"ListRequests">) => call("ListRequests", ...args),
        getRequest: (id: string) => call("GetRequest", id),
        startRequest: (...args: MethodArgs<"StartRequest">) => call("StartRequest", ...args),
        /** Saves over baseRevision, the revision of the last view received ("conflict" when the draft changed elsewhere). */
        saveDraft: (id: string, baseRevision: number, payload: RequestPayload) => call("SaveDraft", id, baseRevision, payload),
        transmitRequest: (id: string) => call("TransmitRequest", id),
        withdrawRequest: (id: string, comment: string) => call("WithdrawRequest", id, comment),
        deleteDraft: (id: string) => call("DeleteDraft", id),
        lookupStructure: (by: StructureLookupBy, value: string) => call("LookupStructure", by, value),

        // Attestations
        saveAttestation: (rpps: string) => call("SaveAttestation", rpps),
        verifyAttestation: (payload: string) => call("VerifyAttestation", payload),

        // The eRPPS server: connection and synchronisation
        serverSettings: () => call("ServerSettings"),
        /** Signs this computer in to the server (the device's token stays on the Go side). */
        connectServer: (input: ServerSignIn) => call("ConnectServer", input),
        /** « Se déconnecter »: the tokens are revoked and deleted; the changes not sent stay on this computer. */
        disconnectServer: () => call("DisconnectServer"),
        /** Starts the login with Pro Santé Connect: the desktop opens the system's browser; browser mode goes to authUrl. */
        startProSanteConnect: () => call("StartProSanteConnect"),
        /** « Quitter l'authentification »: the login under way is given up. */
        cancelProSanteConnect: () => call("CancelProSanteConnect"),
        syncNow: () => call("SyncNow"),
        /** The changes the server refused or found in conflict, of the open record. */
        listSyncIssues: async (): Promise<SyncIssue[]> => (await call("ListSyncIssues")) ?? [],
        /** Settles a request's change set aside: the payload chosen, or null for the server's version. */
        resolveSyncConflict: (requestId: string, payload: RequestPayload | null) => call("ResolveSyncConflict", requestId, payload),

        // The cabinet's mailbox (the secretary's « Boîte aux lettres du cabinet »)
        mailboxStatus: () => call("MailboxStatus"),
        /** Checks then keeps the account; the password goes to the keychain (or sealed), never back to the UI. */
        connectMailbox: (input: MailboxSignIn) => call("ConnectMailbox", input),
        disconnectMailbox: () => call("DisconnectMailbox"),
        listMailFindings: async (...args: MethodArgs<"ListMailFindings">): Promise<MailFindingView[]> => (await call("ListMailFindings", ...args)) ?? [],
        /** « Transmettre au téléphone »: the companion's address with the code, and its QR code. */
        companionLinkFor: (findingId: string) => call("CompanionLinkFor", findingId),

        // Diagnostics (erpps --selftest)
        finishSelfTest: (...args: MethodArgs<"FinishSelfTest">) => call("FinishSelfTest", ...args)
    };
}

export type ApiClient = ReturnType<typeof createClient>;

/** The client of the running page. */
export const api: ApiClient = createClient(transport.call);

/** isDesktop tells whether the UI runs in the Wails desktop window (native dialogs available). */
export function isDesktop(): boolean {
    return transport.isDesktop();
}

/** Where a browser downloads a practitioner's attestation (GET, a PDF). */
export function attestationURL(rpps: string): string {
    return `/api/attestation/${encodeURIComponent(rpps)}.pdf`;
}

export type AttestationDelivery =
    | { kind: "saved"; file: SavedFile }
    | { kind: "canceled" }
    | { kind: "download"; url: string };

/**
 * deliverAttestation gets the attestation to the user: in the desktop window
 * through the native save dialog (SaveAttestation), in a browser as a download
 * link the caller follows.
 */
export async function deliverAttestation(rpps: string, via: Transport = transport, client: ApiClient = api): Promise<AttestationDelivery> {
    if (!via.isDesktop()) {
        return { kind: "download", url: attestationURL(rpps) };
    }
    const file = await client.saveAttestation(rpps);
    if (file.canceled === true) {
        return { kind: "canceled" };
    }
    return { kind: "saved", file };
}
