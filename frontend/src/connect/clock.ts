// The phone's clock against the server's: e-CPS fails again and again when
// the phone's time is wrong (the guide's known cause). The server's time is
// read with GET /api/v1/ecps/time; the reply is taken to have been written
// half-way through the round trip.

/** The difference from which the companion warns (30 seconds). */
export const MAX_CLOCK_SKEW_MS = 30_000;

/**
 * clockSkew is how far the phone's clock is ahead of the server's (negative:
 * behind), in ms, from the server's time `serverNow` (RFC 3339) read by a
 * call sent at `sentAt` and answered at `receivedAt` (the phone's Date.now()).
 * NaN when the server's time cannot be read.
 */
export function clockSkew(serverNow: string, sentAt: number, receivedAt: number): number {
    const server = Date.parse(serverNow);
    if (Number.isNaN(server)) {
        return Number.NaN;
    }
    return (sentAt + receivedAt) / 2 - server;
}

function duration(ms: number): string {
    const total = Math.round(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const parts: string[] = [];
    if (h > 0) {
        parts.push(`${h} h`);
    }
    if (m > 0) {
        parts.push(`${m} min`);
    }
    if (s > 0 && h === 0) {
        parts.push(`${s} s`);
    }
    return parts.join(" ");
}

/**
 * clockWarning is the French warning shown when the phone's clock differs
 * from the server's by more than 30 seconds, or null when it is right (or
 * could not be checked).
 */
export function clockWarning(skewMs: number): string | null {
    if (Number.isNaN(skewMs) || Math.abs(skewMs) <= MAX_CLOCK_SKEW_MS) {
        return null;
    }
    const way = skewMs > 0 ? "en avance" : "en retard";
    return `L'heure de votre téléphone est ${way} de ${duration(skewMs)} sur celle du serveur. Les validations e-CPS risquent d'échouer : réglez l'heure de votre téléphone en automatique (Réglages, Date et heure), puis rechargez cette page.`;
}
