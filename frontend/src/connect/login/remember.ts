// « Mémoriser mon identifiant sur ce poste »: the identifier kept in this
// browser's localStorage, nothing else.

const KEY = "erpps.ecps.identifiant";

export function rememberedIdentifier(storage: Pick<Storage, "getItem"> | undefined = safeStorage()): string {
    try {
        return storage?.getItem(KEY) ?? "";
    } catch {
        return "";
    }
}

export function rememberIdentifier(idnps: string | null, storage: Pick<Storage, "setItem" | "removeItem"> | undefined = safeStorage()): void {
    try {
        if (idnps === null) {
            storage?.removeItem(KEY);
        } else {
            storage?.setItem(KEY, idnps);
        }
    } catch {
        // storage refused (private mode): nothing remembered
    }
}

function safeStorage(): Storage | undefined {
    try {
        return typeof window === "undefined" ? undefined : window.localStorage;
    } catch {
        return undefined;
    }
}
