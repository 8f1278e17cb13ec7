import type { AnswerResult, EcpsClient, Pending } from "../../api";
import { answerPayload, pendingPayload, sign } from "../signature";

// The phone's signed calls: each takes a fresh single-use nonce, signs the
// payload text with the device key and sends it.

export interface SigningDevice {
    deviceId: string;
    privateKey: CryptoKey;
}

type Client = Pick<EcpsClient, "challenge" | "pending" | "answer">;

/** fetchPending asks the server which requests wait for this phone. */
export async function fetchPending(client: Client, subtle: SubtleCrypto, device: SigningDevice): Promise<Pending> {
    const { nonce } = await client.challenge(device.deviceId);
    const signature = await sign(subtle, device.privateKey, pendingPayload(nonce));
    return client.pending({ deviceId: device.deviceId, nonce, signature });
}

/** answerLogin chooses one of the three codes of a login, with the e-CPS password. */
export async function answerLogin(client: Client, subtle: SubtleCrypto, device: SigningDevice, transactionId: string, password: string, choice: string): Promise<AnswerResult> {
    const { nonce } = await client.challenge(device.deviceId);
    const signature = await sign(subtle, device.privateKey, answerPayload(nonce, transactionId, choice));
    return client.answer({ deviceId: device.deviceId, transactionId, password, choice, nonce, signature });
}

/** answerApproval approves (or refuses) an action, with the e-CPS password. */
export async function answerApproval(client: Client, subtle: SubtleCrypto, device: SigningDevice, transactionId: string, password: string, approve: boolean): Promise<AnswerResult> {
    const { nonce } = await client.challenge(device.deviceId);
    const signature = await sign(subtle, device.privateKey, answerPayload(nonce, transactionId, approve));
    return client.answer({ deviceId: device.deviceId, transactionId, password, approve, nonce, signature });
}

/** deviceName names the phone for the list of enrolled devices, from its browser's user agent. */
export function deviceName(userAgent: string): string {
    if (/iPhone/.test(userAgent)) {
        return "iPhone";
    }
    if (/iPad/.test(userAgent)) {
        return "iPad";
    }
    if (/Android/.test(userAgent)) {
        return /Mobile/.test(userAgent) ? "Téléphone Android" : "Tablette Android";
    }
    return "Navigateur";
}
