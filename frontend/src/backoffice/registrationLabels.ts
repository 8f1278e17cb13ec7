import type { RegistrationStatus } from "../api/registration";

// The primo-registrations' words in the back office.

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ["submitted", "accepted", "refused", "withdrawn"];

export function registrationStatusLabel(s: RegistrationStatus): string {
    switch (s) {
        case "submitted":
            return "À instruire";
        case "accepted":
            return "Acceptée";
        case "refused":
            return "Refusée";
        case "withdrawn":
            return "Retirée";
    }
}

export function registrationStatusTone(s: RegistrationStatus): "info" | "success" | "error" | "neutral" {
    switch (s) {
        case "submitted":
            return "info";
        case "accepted":
            return "success";
        case "refused":
            return "error";
        case "withdrawn":
            return "neutral";
    }
}

/** statusFromSearch reads ?statut= (the list's filter): submitted when absent, every status for "tous". */
export function statusFromSearch(value: string | null): RegistrationStatus | undefined {
    if (value === "tous") {
        return undefined;
    }
    return (REGISTRATION_STATUSES as readonly string[]).includes(value ?? "") ? (value as RegistrationStatus) : "submitted";
}

/** motifProblem tells what is wrong with a refusal's motif (undefined when it is right). */
export function motifProblem(motif: string): string | undefined {
    const m = motif.trim();
    if (m === "") {
        return "Le motif du refus est obligatoire : il est communiqué à la personne.";
    }
    if (Array.from(m).length > 1000) {
        return "1000 caractères au plus.";
    }
    return undefined;
}
