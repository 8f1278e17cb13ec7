import { useEffect, useState } from "react";
import { ApiError, ecps, type IdentifierReading } from "../api";

// The identifier typed on the connection pages: the IDNPS, "8" followed by
// the 11-digit RPPS number. People type it with or without the "8", with
// spaces or dots. What it means is the server's to say (ecps.ReadIdentifier
// in Go, POST /api/v1/ecps/identifier): the rule lives there only.

/** formatIDNPS shows an IDNPS as « 8 10001234567 »: the type prefix apart from the RPPS number. */
export function formatIDNPS(idnps: string): string {
    return idnps.length === 12 ? `${idnps.slice(0, 1)} ${idnps.slice(1)}` : idnps;
}

/** readIdentifier asks the server what typed means; a failure to ask is told as a reading that is not ok. */
export async function readIdentifier(typed: string, read: (typed: string) => Promise<IdentifierReading> = ecps.readIdentifier): Promise<IdentifierReading> {
    try {
        return await read(typed);
    } catch (e: unknown) {
        return { ok: false, empty: false, prefixAdded: false, message: e instanceof ApiError ? e.message : "Votre identifiant n'a pas pu être vérifié. Réessayez." };
    }
}

/** TypedReading is the reading of a value that was typed. */
export interface TypedReading {
    typed: string;
    reading: IdentifierReading;
}

/**
 * useIdentifierReading reads typed as it is typed, through the server. Until
 * the answer about the latest value arrives, the previous answer stays (its
 * typed says which value it is about); null before the first one.
 */
export function useIdentifierReading(typed: string, read?: (typed: string) => Promise<IdentifierReading>): TypedReading | null {
    const [last, setLast] = useState<TypedReading | null>(null);
    useEffect(() => {
        let current = true;
        void readIdentifier(typed, read).then(reading => {
            if (current) {
                setLast({ typed, reading });
            }
        });
        return () => {
            current = false;
        };
    }, [typed, read]);
    return last;
}
