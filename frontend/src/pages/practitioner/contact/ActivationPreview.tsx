import { Highlight, Spacer } from "../../../ui";
import { maskPhone, type PhoneCheck } from "./contactDisplay";

/**
 * ActivationPreview says where the e-CPS activation codes will go, masked as
 * the activation screen shows them ("c...l@gmail.com"), once the Go side has
 * accepted the e-mail address or the phone number.
 */
export function ActivationPreview({ email, phone }: { email: string; phone: PhoneCheck }) {
    const sms = phone.kind === "valid" && phone.mobile ? maskPhone(phone.national) : "";
    if (email === "" && sms === "") {
        return null;
    }
    return (
        <div id="activation-preview" aria-live="polite">
            <Highlight>
                <>
                    Vos codes d'activation e-CPS seront envoyés
                    {email === "" ? null : (
                        <>
                            {" "}
                            par courriel à <strong>{email}</strong>
                        </>
                    )}
                    {email !== "" && sms !== "" ? " ou" : null}
                    {sms === "" ? null : (
                        <>
                            {" "}
                            par SMS au <strong>{sms}</strong>
                        </>
                    )}
                    .
                </>
            </Highlight>
            <Spacer size="sm" />
        </div>
    );
}
