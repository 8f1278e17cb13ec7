// The login's countdown on the computer: the server gives the window in
// seconds (120); the page counts from the moment it received the reply, on
// its own monotonic clock (performance.now()), so that a computer whose
// clock is wrong still shows the right time left.

/** deadline is when the window closes, on the clock that gave receivedAt (ms). */
export function deadline(receivedAt: number, seconds: number): number {
    return receivedAt + Math.max(0, seconds) * 1000;
}

/** secondsLeft is the whole seconds left before `deadlineAt` (0 once passed), rounded up. */
export function secondsLeft(deadlineAt: number, now: number): number {
    return Math.max(0, Math.ceil((deadlineAt - now) / 1000));
}

/** countdownText is the guide's sentence: « Il vous reste 112 secondes pour valider votre demande d'authentification ». */
export function countdownText(seconds: number): string {
    if (seconds <= 0) {
        return "Le temps pour valider votre demande d'authentification est écoulé";
    }
    return `Il vous reste ${seconds} seconde${seconds > 1 ? "s" : ""} pour valider votre demande d'authentification`;
}

/** The marks, below `total`, at which the time left is read out. */
function marks(total: number): number[] {
    const m = [total];
    for (let s = Math.floor((total - 1) / 30) * 30; s > 30; s -= 30) {
        m.push(s);
    }
    m.push(30, 20, 10, 5, 0);
    return m.filter(s => s <= total);
}

/**
 * announcedAt says what screen readers are told of the time left: not each
 * second (that would drown everything else), but at the start, every 30
 * seconds, then at 20, 10 and 5 seconds, and when the time is up. For
 * `seconds` left it gives the last mark reached (the smallest mark not below
 * it); the live region's text changes only when that mark changes.
 */
export function announcedAt(seconds: number, total: number): number {
    const reached = marks(total).filter(m => m >= seconds);
    return reached.length === 0 ? total : Math.min(...reached);
}
