import type { Request } from "../api";
import { formatDate, formatDateTime } from "../format";
import { Alert, Notice, Spacer } from "../ui";

/** ResumedNotice tells the user they are back in the request they had started. */
export function ResumedNotice({ request }: { request: Request }) {
    return (
        <div id="resumed-notice">
            <Notice title={`Vous reprenez votre demande en cours, enregistrée le ${formatDateTime(request.updatedAt)}.`}>
                Vos saisies précédentes sont conservées ; complétez-les puis transmettez la demande à l'ARS.
            </Notice>
            <Spacer size="md" />
        </div>
    );
}

/** ComplementNotice shows what the ARS asks for, and by when. */
export function ComplementNotice({ request }: { request: Request }) {
    const deadline = request.deadline !== undefined && request.deadline !== "" ? ` avant le ${formatDate(request.deadline)}` : "";
    return (
        <>
            <Alert severity="warning" title="L'ARS vous demande un complément">
                {`${request.reason !== undefined && request.reason !== "" ? request.reason + " " : ""}Complétez votre demande puis transmettez-la à nouveau${deadline}.`}
            </Alert>
            <Spacer size="md" />
        </>
    );
}
