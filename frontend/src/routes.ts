import type { RequestKind } from "./api";

// The app's routes (hash routing: #/pro/10001234567/activites). Pages build
// their links with these functions only.

const enc = encodeURIComponent;

export const paths = {
    home: "/",
    help: "/aide",
    verify: "/verifier",
    accessibility: "/accessibilite",
    server: "/serveur",
    mailbox: "/boite-aux-lettres",
    portal: (rpps: string) => `/pro/${enc(rpps)}`,
    record: (rpps: string) => `/pro/${enc(rpps)}/dossier`,
    activities: (rpps: string) => `/pro/${enc(rpps)}/activites`,
    cease: (rpps: string) => `/pro/${enc(rpps)}/cesser`,
    newActivity: (rpps: string) => `/pro/${enc(rpps)}/nouvelle-activite`,
    requests: (rpps: string) => `/pro/${enc(rpps)}/demandes`,
    attestations: (rpps: string) => `/pro/${enc(rpps)}/attestations`,
    newProfession: (rpps: string) => `/pro/${enc(rpps)}/nouvelle-profession`,
    contact: (rpps: string) => `/pro/${enc(rpps)}/coordonnees`,
    exerciseName: (rpps: string) => `/pro/${enc(rpps)}/nom-exercice`
} as const;

/** The route segment of each portal action, under /pro/:rpps/. */
export const actionSegments = {
    activities: "activites",
    cease: "cesser",
    newActivity: "nouvelle-activite",
    requests: "demandes",
    attestations: "attestations",
    newProfession: "nouvelle-profession",
    contact: "coordonnees",
    exerciseName: "nom-exercice"
} as const;

const KIND_PATHS: Record<RequestKind, (rpps: string) => string> = {
    cease_activity: paths.cease,
    new_activity: paths.newActivity,
    new_profession: paths.newProfession,
    contact: paths.contact,
    exercise_name: paths.exerciseName
};

/** requestPath leads to the page of a request's action, with the request to resume. */
export function requestPath(rpps: string, kind: RequestKind, requestId: string): string {
    return `${KIND_PATHS[kind](rpps)}?demande=${enc(requestId)}`;
}

/**
 * startPath leads to the form of an action, to start (or resume) a request of
 * that kind; a cessation names the activity to end (?activite=).
 */
export function startPath(rpps: string, kind: RequestKind, targetId?: string): string {
    const base = KIND_PATHS[kind](rpps);
    return kind === "cease_activity" && targetId !== undefined && targetId !== "" ? `${base}?activite=${enc(targetId)}` : base;
}
