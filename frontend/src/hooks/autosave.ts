// AutosaveController saves a draft while it is typed: it waits until typing
// pauses (debounce), never runs two saves at once, saves again when the value
// changed during a save, and keeps the value dirty after a failed save so the
// next change or flush retries. It knows nothing of React (see useAutosave).

export type AutosaveStatus = "idle" | "pending" | "saving" | "saved" | "error";

export interface AutosaveState {
    status: AutosaveStatus;
    /** When the last save succeeded. */
    savedAt?: Date;
    /** What the last failed save threw. */
    error?: unknown;
}

export interface Timers {
    set: (fn: () => void, ms: number) => unknown;
    clear: (handle: unknown) => void;
}

export interface AutosaveOptions<T> {
    save: (value: T) => Promise<void>;
    delayMs: number;
    onState: (state: AutosaveState) => void;
    now?: () => Date;
    timers?: Timers;
}

const defaultTimers: Timers = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: handle => {
        clearTimeout(handle as ReturnType<typeof setTimeout>);
    }
};

export class AutosaveController<T> {
    private readonly opts: Required<AutosaveOptions<T>>;
    private timer: unknown = undefined;
    private latest: { value: T } | undefined = undefined;
    private dirty = false;
    private inFlight: Promise<void> | undefined = undefined;
    private state: AutosaveState = { status: "idle" };
    private disposed = false;

    constructor(options: AutosaveOptions<T>) {
        this.opts = { now: () => new Date(), timers: defaultTimers, ...options };
    }

    /** change records a new value and schedules its save after the delay. */
    change(value: T): void {
        if (this.disposed) {
            return;
        }
        this.latest = { value };
        this.dirty = true;
        this.cancelTimer();
        this.timer = this.opts.timers.set(() => {
            this.timer = undefined;
            void this.run();
        }, this.opts.delayMs);
        if (this.inFlight === undefined) {
            this.setState({ ...this.state, status: "pending" });
        }
    }

    /** flush saves now what is not saved yet, and resolves once it is saved (or failed). */
    async flush(): Promise<void> {
        this.cancelTimer();
        await this.run();
    }

    /** dispose stops the pending timer; a save in flight still completes. */
    dispose(): void {
        this.disposed = true;
        this.cancelTimer();
    }

    get current(): AutosaveState {
        return this.state;
    }

    private cancelTimer(): void {
        if (this.timer !== undefined) {
            this.opts.timers.clear(this.timer);
            this.timer = undefined;
        }
    }

    private async run(): Promise<void> {
        while (this.inFlight !== undefined) {
            await this.inFlight;
        }
        if (!this.dirty || this.latest === undefined) {
            return;
        }
        const { value } = this.latest;
        this.dirty = false;
        this.setState({ ...this.state, status: "saving" });
        const attempt = this.opts.save(value).then(
            () => {
                this.setState({ status: this.dirty ? "pending" : "saved", savedAt: this.opts.now() });
            },
            (error: unknown) => {
                this.dirty = true;
                this.setState({ status: "error", savedAt: this.state.savedAt, error });
            }
        );
        this.inFlight = attempt;
        try {
            await attempt;
        } finally {
            this.inFlight = undefined;
        }
    }

    private setState(next: AutosaveState): void {
        this.state = next;
        this.opts.onState(next);
    }
}
