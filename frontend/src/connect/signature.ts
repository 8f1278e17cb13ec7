// The phone's signed calls (POST /api/v1/ecps/device/pending and /answer):
// the enrolled device key (ECDSA P-256, SHA-256) signs a short UTF-8 text
// holding the server's single-use nonce; the signature travels as base64url
// of the raw r||s (64 bytes), which is what WebCrypto produces.

/** pendingPayload is the text signed to read the pending requests. */
export function pendingPayload(nonce: string): string {
    return `pending\n${nonce}`;
}

/** answerPayload is the text signed to answer a transaction: the choice of a login, or true/false for an approval. */
export function answerPayload(nonce: string, transactionId: string, answer: string | boolean): string {
    return `answer\n${nonce}\n${transactionId}\n${typeof answer === "boolean" ? String(answer) : answer}`;
}

/** base64url encodes bytes without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
    let binary = "";
    for (const b of bytes) {
        binary += String.fromCharCode(b);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The algorithm of the device key. */
export const DEVICE_KEY_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;

/** sign signs `text` with the device's private key: base64url of r||s. */
export async function sign(subtle: SubtleCrypto, key: CryptoKey, text: string): Promise<string> {
    const signature = await subtle.sign(SIGN_ALGORITHM, key, new TextEncoder().encode(text));
    return base64url(new Uint8Array(signature));
}

/** newDeviceKey makes the device's key pair; its private key can sign but never leaves the browser. */
export async function newDeviceKey(subtle: SubtleCrypto): Promise<CryptoKeyPair> {
    return subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ["sign", "verify"]);
}

/** The public key as the server wants it: a JWK with kty, crv, x and y only. */
export interface PublicJwk {
    kty: "EC";
    crv: "P-256";
    x: string;
    y: string;
}

/** publicJwk exports the public half of the device key (always exportable). */
export async function publicJwk(subtle: SubtleCrypto, key: CryptoKey): Promise<PublicJwk> {
    const jwk = await subtle.exportKey("jwk", key);
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || jwk.x === undefined || jwk.y === undefined) {
        throw new Error("device key: not an EC P-256 public key");
    }
    return { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
}
