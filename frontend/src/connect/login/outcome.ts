import type { LoginState } from "../../api";

// What the connection page says when the login ends otherwise than approved.

export interface Outcome {
    severity: "error" | "warning" | "info";
    title: string;
    message: string;
}

/** outcomeOf words the end of a login (refused, expired, cancelled) in French; null while pending or once approved. */
export function outcomeOf(state: LoginState, seconds: number): Outcome | null {
    switch (state.status) {
        case "refused":
            return {
                severity: "error",
                title: "Authentification refusée",
                message:
                    state.message !== undefined && state.message !== ""
                        ? state.message
                        : "La demande a été refusée sur votre téléphone : mot de passe e-CPS ou code sélectionné incorrect. Recommencez la connexion."
            };
        case "expired":
            return {
                severity: "warning",
                title: "Temps écoulé",
                message: `Le délai de ${seconds} secondes est écoulé sans validation sur votre téléphone. Recommencez la connexion ; si cela se répète, vérifiez l'heure de votre téléphone.`
            };
        case "cancelled":
            return { severity: "info", title: "Authentification quittée", message: "Vous avez quitté l'authentification. Vous pouvez recommencer quand vous le souhaitez." };
        default:
            return null;
    }
}

/** safeContinue keeps the address to go to once approved only when it is a path of this server ("/oidc/login/complete?…"). */
export function safeContinue(url: string | undefined): string | null {
    if (url === undefined || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) {
        return null;
    }
    return url;
}
