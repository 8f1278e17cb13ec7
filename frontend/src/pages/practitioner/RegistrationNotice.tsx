import type { Registration } from "../../api";
import { Alert, BulletList, ExternalLink } from "../../ui";

export const REGISTRATION_NOTICE_ID = "registration-notice";

/**
 * RegistrationNotice tells a practitioner whose record (or part of it) is
 * kept by an Ordre or the Service de santé des armées who keeps it and how to
 * reach them. The words come from Go (requests.Registration).
 */
export function RegistrationNotice({ registration }: { registration: Registration }) {
    const notice = registration.notice;
    if (notice === undefined) {
        return null;
    }
    const elsewhere = registration.professions.filter(p => p.authority.kind !== "ars");
    return (
        <div id={REGISTRATION_NOTICE_ID}>
            <Alert severity={registration.servedByArs ? "info" : "warning"} title={notice.title}>
                <>
                    <p>{notice.message}</p>
                    <BulletList
                        items={elsewhere.map(p => (
                            <>
                                {`${p.professionLabel} : ${p.authority.label}`}
                                {p.authority.contact === undefined || p.authority.contact === "" ? null : (
                                    <>
                                        {" — "}
                                        <ExternalLink href={p.authority.contact}>{p.authority.contact.replace(/^https?:\/\//, "")}</ExternalLink>
                                    </>
                                )}
                            </>
                        ))}
                    />
                </>
            </Alert>
        </div>
    );
}
