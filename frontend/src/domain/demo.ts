// Demo records: fictional professionals, in the range of the ANS's test
// identities (the Go side: identifiers.IsTestRPPS, which marks their attestations « DÉMO »).

/** isDemoRecord says whether an RPPS number is a demo record's: 11 digits starting with 99. */
export function isDemoRecord(rpps: string): boolean {
    return /^99\d{9}$/.test(rpps);
}

/** DEMO_LABEL is the mark shown beside a demo record's name. */
export const DEMO_LABEL = "DÉMO";
