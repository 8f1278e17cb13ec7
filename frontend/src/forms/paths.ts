// JSON paths of a request's payload ("endDate", "structure.address.postalCode"):
// the names the Go side uses for field errors, and the ids of the inputs
// ("field-" + path). Pure functions, no React.

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** getPath reads the value at a dotted path, undefined when a step is missing. */
export function getPath(obj: unknown, path: string): unknown {
    let current: unknown = obj;
    for (const key of path.split(".")) {
        if (!isRecord(current)) {
            return undefined;
        }
        current = current[key];
    }
    return current;
}

/**
 * setPath returns a copy of obj with value at the dotted path; the objects on
 * the way are copied (never mutated) and created when missing.
 */
export function setPath<T>(obj: T, path: string, value: unknown): T {
    const [key, ...rest] = path.split(".");
    if (key === undefined || key === "") {
        return obj;
    }
    const base: Json = isRecord(obj) ? obj : {};
    const next = rest.length === 0 ? value : setPath(base[key], rest.join("."), value);
    return { ...base, [key]: next } as T;
}

/** fieldId is the id of the input of a payload field: "field-structure.siret". */
export function fieldId(path: string): string {
    return `field-${path}`;
}

/** isUnder tells whether path is field or inside it ("structure.siret" is under "structure"). */
export function isUnder(path: string, field: string): boolean {
    return path === field || path.startsWith(field + ".");
}
