import type { ErrorCode, FieldError } from "./types";

const GENERIC_MESSAGE = "Une erreur interne est survenue. Réessayez ; si elle persiste, contactez le support.";

/**
 * ApiError is what every call to the Go side throws, whatever the transport
 * (Wails bindings or HTTP): a machine code, a French message for the user, and
 * for invalid input one entry per wrong field.
 */
export class ApiError extends Error {
    readonly code: ErrorCode | (string & {});
    readonly fields: FieldError[];

    constructor(code: string, message: string, fields: FieldError[] = []) {
        super(message);
        this.name = "ApiError";
        this.code = code;
        this.fields = fields;
    }

    /** The message of the error on one field, if any. */
    fieldMessage(field: string): string | undefined {
        return this.fields.find(f => f.field === field)?.message;
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null;
}

function toFieldErrors(value: unknown): FieldError[] {
    if (!Array.isArray(value)) {
        return [];
    }
    return value.filter(isRecord).map(f => ({
        field: typeof f.field === "string" ? f.field : "",
        code: typeof f.code === "string" ? f.code : "invalid",
        message: typeof f.message === "string" ? f.message : "Valeur invalide."
    }));
}

/**
 * toApiError turns whatever a transport rejected with into an ApiError: an
 * {code, message, fields} object, the same as JSON text, a plain string (kept
 * as the message), an Error, or anything else (a generic French message).
 */
export function toApiError(reason: unknown): ApiError {
    if (reason instanceof ApiError) {
        return reason;
    }
    if (typeof reason === "string") {
        const trimmed = reason.trim();
        if (trimmed.startsWith("{")) {
            try {
                return toApiError(JSON.parse(trimmed) as unknown);
            } catch {
                // not JSON: keep the text as the message
            }
        }
        return new ApiError("internal", trimmed === "" ? GENERIC_MESSAGE : trimmed);
    }
    if (isRecord(reason) && typeof reason.code === "string" && typeof reason.message === "string") {
        return new ApiError(reason.code, reason.message, toFieldErrors(reason.fields));
    }
    return new ApiError("internal", GENERIC_MESSAGE);
}

/** The error thrown when the local service cannot be reached at all. */
export function networkError(): ApiError {
    return new ApiError(
        "network",
        "Le service eRPPS de ce poste ne répond pas. Vérifiez que l'application est bien lancée, puis réessayez."
    );
}
