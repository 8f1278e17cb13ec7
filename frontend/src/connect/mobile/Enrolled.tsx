import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, ecps, type AnswerResult, type PendingItem } from "../../api";
import { Alert, Button, ConfirmDialog, Focusable, Heading, Loading, Spacer, Text } from "../../ui";
import { formatIDNPS } from "../identifier";
import { ApprovalAnswer, LoginAnswer } from "./Answers";
import { answerApproval, answerLogin, fetchPending } from "./deviceCalls";
import { forgetDevice, type Device } from "./deviceStore";

/** How often the phone asks for requests waiting for it, while the page is shown. */
const POLL_MS = 4000;

type Result = { severity: "success" | "error" | "warning"; title: string; message: string };

function resultOf(r: AnswerResult, item: PendingItem, approve: boolean): Result {
    if (r.status === "approved") {
        return item.type === "login"
            ? { severity: "success", title: "Authentification validée", message: "Poursuivez sur l'ordinateur : le portail eRPPS s'ouvre." }
            : approve
              ? { severity: "success", title: "Action approuvée", message: "Votre approbation a été transmise à l'ordinateur." }
              : { severity: "warning", title: "Action refusée", message: "Vous avez refusé cette demande : elle ne sera pas exécutée." };
    }
    return {
        severity: "error",
        title: "Demande refusée",
        message: r.message !== undefined && r.message !== "" ? r.message : "Mot de passe e-CPS ou code sélectionné incorrect : la demande a échoué. Recommencez depuis l'ordinateur."
    };
}

/**
 * Enrolled is the companion of an activated phone: it asks the server, with
 * signed calls, for the logins and approvals waiting, and answers them.
 */
export function Enrolled({ device, onForgotten, onServerTime }: { device: Device; onForgotten: () => void; onServerTime: (serverTime: string, sentAt: number, receivedAt: number) => void }) {
    const [pending, setPending] = useState<PendingItem[] | null>(null);
    const [pollError, setPollError] = useState<string | null>(null);
    const [result, setResult] = useState<Result | null>(null);
    const [busy, setBusy] = useState(false);
    const resultRef = useRef<HTMLDivElement | null>(null);
    const signer = useMemo(() => ({ deviceId: device.deviceId, privateKey: device.keys.privateKey }), [device]);

    const refresh = useCallback(() => {
        const sentAt = Date.now();
        return fetchPending(ecps, crypto.subtle, signer).then(
            p => {
                onServerTime(p.serverTime, sentAt, Date.now());
                setPending(p.pending);
                setPollError(null);
            },
            (e: unknown) => {
                setPollError(
                    e instanceof ApiError && e.code === "unauthorized"
                        ? "Ce téléphone n'est plus reconnu par le serveur (e-CPS retirée ou réactivée ailleurs). Retirez-la de ce téléphone, puis activez-la à nouveau."
                        : e instanceof ApiError
                          ? e.message
                          : "Les demandes n'ont pas pu être lues. Réessayez."
                );
            }
        );
    }, [onServerTime, signer]);

    useEffect(() => {
        let stopped = false;
        let timer = 0;
        const loop = () => {
            if (stopped) {
                return;
            }
            const next = () => {
                if (!stopped) {
                    timer = window.setTimeout(loop, POLL_MS);
                }
            };
            if (document.visibilityState === "hidden") {
                next();
                return;
            }
            void refresh().finally(next);
        };
        loop();
        return () => {
            stopped = true;
            window.clearTimeout(timer);
        };
    }, [refresh]);

    const answered = (p: Promise<AnswerResult>, item: PendingItem, approve: boolean) => {
        setBusy(true);
        setResult(null);
        p.then(
            r => {
                setResult(resultOf(r, item, approve));
            },
            (e: unknown) => {
                setResult({ severity: "error", title: "Demande refusée", message: e instanceof ApiError ? e.message : "La réponse n'a pas pu être transmise. Réessayez." });
            }
        ).finally(() => {
            setBusy(false);
            setPending(list => (list ?? []).filter(i => i.id !== item.id));
            setTimeout(() => resultRef.current?.focus(), 0);
            void refresh();
        });
    };

    const first = pending?.[0];
    return (
        <>
            <Heading level={1} look="h3" id="page-title" tabIndex={-1}>
                Votre e-CPS
            </Heading>
            <Text size="sm">
                Activée sur ce téléphone ({device.name}) pour l'identifiant {formatIDNPS(device.identifier)}.
            </Text>
            <Focusable
                id="answer-result"
                innerRef={el => {
                    resultRef.current = el;
                }}
            >
                {result === null ? null : (
                    <>
                        <Alert severity={result.severity} title={result.title} live>
                            {result.message}
                        </Alert>
                        <Spacer size="sm" />
                    </>
                )}
            </Focusable>
            {pollError === null ? null : (
                <>
                    <Alert severity="error" small live>
                        {pollError}
                    </Alert>
                    <Spacer size="sm" />
                </>
            )}
            {pending === null ? (
                <Loading label="Recherche des demandes en attente…" />
            ) : first === undefined ? (
                <div className="app-connect-card">
                    <Text bold>Aucune demande en attente.</Text>
                    <Text size="sm">
                        Lancez la connexion sur l'ordinateur (« SE CONNECTER AVEC E-CPS ») : la demande apparaît ici en quelques secondes.
                    </Text>
                    <Button priority="secondary" icon="refresh" onClick={() => void refresh()}>
                        Actualiser
                    </Button>
                </div>
            ) : first.type === "login" ? (
                <LoginAnswer
                    key={first.id}
                    item={first}
                    busy={busy}
                    onAnswer={(password, choice) => {
                        answered(answerLogin(ecps, crypto.subtle, signer, first.id, password, choice), first, true);
                    }}
                />
            ) : (
                <ApprovalAnswer
                    key={first.id}
                    item={first}
                    busy={busy}
                    onAnswer={(password, approve) => {
                        answered(answerApproval(ecps, crypto.subtle, signer, first.id, password, approve), first, approve);
                    }}
                />
            )}
            <Spacer size="lg" />
            <ConfirmDialog
                id="forget-device"
                title="Retirer l'e-CPS de ce téléphone ?"
                confirmLabel="Retirer"
                trigger={{ label: "Retirer l'e-CPS de ce téléphone", icon: "close", priority: "tertiary", id: "btn-forget" }}
                onConfirm={() => {
                    void forgetDevice().then(onForgotten);
                }}
            >
                La clé de ce téléphone sera effacée : pour vous connecter, il faudra activer à nouveau votre e-CPS avec un code reçu par e-mail ou par SMS.
            </ConfirmDialog>
        </>
    );
}
