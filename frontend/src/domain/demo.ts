// Demo records are fictional professionals in the range of the ANS's test
// identities: Go says which (the views' `demo`, identifiers.IsTestRPPS).

/** DEMO_LABEL is the mark shown beside a demo record's name. */
export const DEMO_LABEL = "DÉMO";
