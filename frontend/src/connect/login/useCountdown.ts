import { useEffect, useState } from "react";
import { secondsLeft } from "../countdown";

/** useCountdown gives the whole seconds left before `deadlineAt` (a performance.now() time), updated a few times a second. */
export function useCountdown(deadlineAt: number): number {
    const [left, setLeft] = useState(() => secondsLeft(deadlineAt, performance.now()));
    useEffect(() => {
        const tick = () => {
            setLeft(secondsLeft(deadlineAt, performance.now()));
        };
        tick();
        const timer = window.setInterval(tick, 250);
        return () => {
            window.clearInterval(timer);
        };
    }, [deadlineAt]);
    return left;
}
