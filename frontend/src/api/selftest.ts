import type { ApiClient } from "./client";
import { ApiError } from "./errors";
import type { SelfTestReport } from "./types";

// The self-test of the desktop bindings (`erpps --selftest`): the UI calls the
// real Go methods through the transport the window uses, checks what comes
// back (values and errors), and reports to Go, which closes the window and
// exits with the result. It changes nothing but a demo record's request.

type Check = [name: string, run: () => Promise<void>];

function expect(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(what);
    }
}

async function expectError(promise: Promise<unknown>, code: string): Promise<void> {
    try {
        await promise;
    } catch (e) {
        expect(e instanceof ApiError, "the error is not an ApiError");
        expect((e as ApiError).code === code, `code ${(e as ApiError).code}, want ${code}`);
        expect((e as ApiError).message !== "", "the error has no message");
        return;
    }
    throw new Error(`no error, want ${code}`);
}

/**
 * whenDesktop resolves true once the Wails bindings are in the window (they
 * may arrive after the page's scripts start), false after timeoutMs.
 */
export async function whenDesktop(isDesktop: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!isDesktop()) {
        if (Date.now() > deadline) {
            return false;
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    return true;
}

/** nextChange resolves the revision of the next request:changed of request id, -1 after 3 s. */
function nextChange(api: ApiClient, id: string): Promise<number> {
    return new Promise(resolve => {
        const off = api.onEvent("request:changed", changed => {
            if (changed.id === id) {
                off();
                clearTimeout(timer);
                resolve(changed.revision);
            }
        });
        const timer = setTimeout(() => {
            off();
            resolve(-1);
        }, 3000);
    });
}

export async function runSelfTest(api: ApiClient): Promise<SelfTestReport> {
    let rpps = "";
    let requestId = "";
    let revision = 0;
    const checks: Check[] = [
        ["AppInfo", async () => { expect((await api.appInfo()).mode !== "web", "mode is web in the desktop window"); }],
        ["ReferenceData", async () => { expect((await api.referenceData()).tables?.TRE_R25 !== undefined, "TRE_R25 missing"); }],
        ["ListPractitioners", async () => {
            const list = (await api.listPractitioners({ query: "", limit: 1, offset: 0 })) ?? [];
            expect(list.length === 1, "no record");
            rpps = list[0]?.rpps ?? "";
        }],
        ["GetPractitioner", async () => { expect((await api.getPractitioner(rpps)).rpps === rpps, "wrong record"); }],
        ["GetPractitionerNotFound", () => expectError(api.getPractitioner("99000000002"), "not_found")],
        ["OpenSession", async () => { expect((await api.openSession(rpps)).principal === rpps, "wrong principal"); }],
        ["CurrentSession", async () => { expect((await api.currentSession()).actor.role === "professional", "not the local professional"); }],
        ["StartRequest", async () => {
            const view = await api.startRequest({ rpps, kind: "exercise_name" });
            expect(view.request.status === "draft", "not a draft");
            requestId = view.request.id;
            revision = view.request.revision;
        }],
        ["SaveDraftInvalid", async () => {
            const view = await api.saveDraft(requestId, revision, { exerciseName: "MART1N", useBirthName: false });
            expect((view.validation.fields ?? []).some(f => f.field === "exerciseName"), "no error on exerciseName");
            revision = view.request.revision;
        }],
        ["SaveDraftValid", async () => {
            const view = await api.saveDraft(requestId, revision, { exerciseName: "NOM-D-AUTOTEST", useBirthName: false });
            expect(view.validation.complete, "a valid draft is not complete");
            revision = view.request.revision;
        }],
        ["RequestChangedEvent", async () => {
            const heard = nextChange(api, requestId);
            const view = await api.saveDraft(requestId, revision, { exerciseName: "NOM-D-AUTOTEST", useBirthName: false });
            revision = view.request.revision;
            expect((await heard) === revision, "no request:changed event with the saved revision");
        }],
        ["SaveDraftStaleConflict", () => expectError(api.saveDraft(requestId, revision - 1, { exerciseName: "PERIME", useBirthName: false }), "conflict")],
        ["TransmitRequest", async () => { expect((await api.transmitRequest(requestId)).request.status === "transmitted", "not transmitted"); }],
        ["TransmitTwiceConflict", () => expectError(api.transmitRequest(requestId), "conflict")],
        ["WithdrawRequest", async () => { expect((await api.withdrawRequest(requestId, "auto-test")).request.status === "withdrawn", "not withdrawn"); }],
        ["CloseSession", () => api.closeSession()],
        ["TransmitWithoutSessionForbidden", () => expectError(api.transmitRequest(requestId), "forbidden")],
        ["VerifyAttestationInvalid", () => expectError(api.verifyAttestation("ERPPS1|x"), "invalid")],
        ["ServerSettings", async () => {
            const s = await api.serverSettings();
            expect(s.available && s.account === undefined && s.state.state === "local", "not a desktop without a server");
        }],
        ["ConnectServerInvalid", () => expectError(api.connectServer({ url: "", caFile: "", login: "", password: "" }), "invalid")],
        ["SyncNowWithoutServer", () => expectError(api.syncNow(), "invalid")],
        ["ListSyncIssues", async () => { expect((await api.listSyncIssues()).length === 0, "issues without a server"); }]
    ];
    const failures: string[] = [];
    const report: SelfTestReport = { passed: 0, failures };
    for (const [name, run] of checks) {
        try {
            await run();
            report.passed++;
        } catch (e) {
            failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    return report;
}
