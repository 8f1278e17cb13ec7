import { useCallback, useRef, useState, type ReactNode } from "react";
import { Alert, type Severity } from "./feedback";
import { Focusable } from "./formkit";
import { Spacer } from "./layout";

/** FailureState is what useFailure gives a form: the failure shown, and how to show or clear it. */
export interface FailureState<T> {
    failure: T | null;
    /** show sets the failure and moves the focus to its alert, so that a screen reader says it. */
    show: (failure: T) => void;
    clear: () => void;
    /** anchor goes to the FailureAlert's anchor prop. */
    anchor: (el: HTMLDivElement | null) => void;
}

/** useFailure holds the failure a form shows in a FailureAlert above it. */
export function useFailure<T = string>(): FailureState<T> {
    const [failure, setFailure] = useState<T | null>(null);
    const ref = useRef<HTMLDivElement | null>(null);
    const show = useCallback((f: T) => {
        setFailure(f);
        setTimeout(() => ref.current?.focus(), 0);
    }, []);
    const clear = useCallback(() => {
        setFailure(null);
    }, []);
    const anchor = useCallback((el: HTMLDivElement | null) => {
        ref.current = el;
    }, []);
    return { failure, show, clear, anchor };
}

/** FailureAlert is the place of a form's failure: an error alert when there is one (children), the focus target always. */
export function FailureAlert({
    id,
    anchor,
    title,
    severity = "error",
    children
}: {
    id: string;
    anchor: (el: HTMLDivElement | null) => void;
    title: string;
    severity?: Severity;
    children: ReactNode;
}) {
    return (
        <Focusable id={id} innerRef={anchor}>
            {children === null || children === undefined || children === false ? null : (
                <>
                    <Alert severity={severity} title={title} live>
                        {children}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
        </Focusable>
    );
}
