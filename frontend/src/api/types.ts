// The types of the values the Go side sends and receives. They are generated
// from Go (types.gen.ts, `go test ./app -run TestWireContract -update`): this
// file only gives some of them the names the UI uses and adds what exists in
// TypeScript alone.

import type * as wire from "./types.gen";

export type * from "./types.gen";

/** An error code of erpps.Error, or "network" (the service could not be reached: TypeScript only). */
export type ErrorCode = wire.ErrorCode | "network";

/** The JSON body of an error: erpps.Error. */
export type ErrorBody = wire.Error;

// The UI's names of Go types whose Go name says less out of its package.
export type AppInfo = wire.Info;
export type AppMode = wire.Mode;
export type ReferenceCode = wire.Code;
export type ReferenceTable = wire.Table;
export type RequestView = wire.View;
export type StartRequestInput = wire.StartInput;
export type AttestationVerification = wire.Verified;
/** A request in a list: the request with its labels and what the actor may do (ListRequests). */
export type RequestItem = wire.Item;

// The record as GetPractitioner sends it: each activity says whether it is
// still exercised today (PractitionerView); the UI knows no other.
export type Practitioner = wire.PractitionerView;
export type Activity = wire.ActivityView;

/** A method of app.App, callable by the UI. */
export type MethodName = keyof wire.AppMethods;
/** The arguments of a method, positional, in the Go order. */
export type MethodArgs<M extends MethodName> = Parameters<wire.AppMethods[M]>;
/** What a method resolves to. */
export type MethodResult<M extends MethodName> = Awaited<ReturnType<wire.AppMethods[M]>>;

/** Ids of the NOS tables the UI uses (ReferenceData().tables keys). */
export type ReferenceTableId =
    | "TRE_G15"
    | "TRE_R95"
    | "TRE_R23"
    | "TRE_R02"
    | "TRE_R04"
    | "TRE_R38"
    | "TRE_R11"
    | "TRE_R21"
    | "TRE_R22"
    | "TRE_R25"
    | "TRE_R09"
    | "TRE_R81";
