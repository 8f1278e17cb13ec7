import { transport, type Call, type Transport } from "./transport";
import type {
    AppInfo,
    AttestationVerification,
    PractitionerFilter,
    Practitioner,
    PractitionerSummary,
    ReferenceData,
    Request,
    RequestFilter,
    RequestPayload,
    RequestView,
    SavedFile,
    SelfTestReport,
    StartRequestInput,
    Structure,
    StructureLookupBy
} from "./types";

// One typed function per Go method of app.App. Arguments are positional, in
// the Go order. Every function rejects with an ApiError.

export function createClient(call: Call) {
    return {
        // Foundation
        appInfo: () => call<AppInfo>("AppInfo"),
        referenceData: () => call<ReferenceData>("ReferenceData"),
        listPractitioners: (filter: PractitionerFilter) => call<PractitionerSummary[] | null>("ListPractitioners", filter),
        getPractitioner: (rpps: string) => call<Practitioner>("GetPractitioner", rpps),

        // Requests
        listRequests: (filter: RequestFilter) => call<Request[] | null>("ListRequests", filter),
        getRequest: (id: string) => call<RequestView>("GetRequest", id),
        startRequest: (input: StartRequestInput) => call<RequestView>("StartRequest", input),
        /** Saves a draft edited from its revision baseRevision: a stale one fails with "conflict". */
        saveDraft: (id: string, baseRevision: number, payload: RequestPayload) => call<RequestView>("SaveDraft", id, baseRevision, payload),
        transmitRequest: (id: string) => call<RequestView>("TransmitRequest", id),
        withdrawRequest: (id: string, comment: string) => call<RequestView>("WithdrawRequest", id, comment),
        deleteDraft: (id: string) => call<undefined>("DeleteDraft", id),
        lookupStructure: (by: StructureLookupBy, value: string) => call<Structure>("LookupStructure", by, value),

        // Attestations
        saveAttestation: (rpps: string) => call<SavedFile>("SaveAttestation", rpps),
        verifyAttestation: (payload: string) => call<AttestationVerification>("VerifyAttestation", payload),

        // Diagnostics (erpps --selftest)
        finishSelfTest: (report: SelfTestReport) => call<undefined>("FinishSelfTest", report)
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
