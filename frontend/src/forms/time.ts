/** formatClock writes the local time of an instant as "10:42:05". */
export function formatClock(d: Date): string {
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, "0")).join(":");
}
