// The phone's enrolment, kept in this browser's IndexedDB: the device id the
// server gave, the identifier, and the key pair whose private half was made
// non-extractable (IndexedDB keeps the CryptoKey object itself; its bytes
// never reach JavaScript).

export interface Device {
    deviceId: string;
    identifier: string;
    name: string;
    keys: CryptoKeyPair;
    enrolledAt: string;
}

const DB = "erpps-ecps";
const STORE = "device";
const KEY = "current";

function open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
        const req = indexedDB.open(DB, 1);
        req.onupgradeneeded = () => {
            req.result.createObjectStore(STORE);
        };
        req.onsuccess = () => {
            resolve(req.result);
        };
        req.onerror = () => {
            reject(req.error ?? new Error("indexedDB: open failed"));
        };
    });
}

function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
    return open().then(
        db =>
            new Promise<T>((resolve, reject) => {
                const tx = db.transaction(STORE, mode);
                const req = action(tx.objectStore(STORE));
                tx.oncomplete = () => {
                    db.close();
                    resolve(req.result as T);
                };
                tx.onerror = () => {
                    db.close();
                    reject(tx.error ?? new Error("indexedDB: transaction failed"));
                };
            })
    );
}

/** loadDevice reads this phone's enrolment, undefined when it has none. */
export function loadDevice(): Promise<Device | undefined> {
    return run<Device | undefined>("readonly", s => s.get(KEY));
}

export function saveDevice(d: Device): Promise<void> {
    return run<unknown>("readwrite", s => s.put(d, KEY)).then(() => undefined);
}

/** forgetDevice removes the enrolment (the key is lost: the phone must be activated again). */
export function forgetDevice(): Promise<void> {
    return run<unknown>("readwrite", s => s.delete(KEY)).then(() => undefined);
}

/** companionSupported tells whether this browser can hold a device key (WebCrypto needs HTTPS or localhost). */
export function companionSupported(): boolean {
    return typeof indexedDB !== "undefined" && window.isSecureContext && typeof crypto !== "undefined" && typeof crypto.subtle !== "undefined";
}
