import { useCallback, useEffect, useState } from "react";
import { ecps } from "../../api";
import { clockSkew, clockWarning } from "../clock";

/**
 * useClock checks the phone's clock against the server's when the page
 * opens; `observe` takes any later server time (the pending list's) to keep
 * the check current. It gives the French warning, or null.
 */
export function useClock(): { warning: string | null; observe: (serverTime: string, sentAt: number, receivedAt: number) => void } {
    const [warning, setWarning] = useState<string | null>(null);
    const observe = useCallback((serverTime: string, sentAt: number, receivedAt: number) => {
        const skew = clockSkew(serverTime, sentAt, receivedAt);
        if (!Number.isNaN(skew)) {
            setWarning(clockWarning(skew));
        }
    }, []);
    useEffect(() => {
        const sentAt = Date.now();
        ecps.time().then(
            now => {
                observe(now, sentAt, Date.now());
            },
            () => undefined
        );
    }, [observe]);
    return { warning, observe };
}
