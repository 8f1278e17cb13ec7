import { ApiError } from "../api";

/**
 * retryHelps says whether saving again may succeed: not after a conflict (the
 * draft changed elsewhere), which only choosing between the two versions
 * settles; saving the same content again would fail the same way.
 */
export function retryHelps(error: unknown): boolean {
    return !(error instanceof ApiError && error.code === "conflict");
}
