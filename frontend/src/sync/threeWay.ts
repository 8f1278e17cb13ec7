import type { SyncIssue } from "../api";
import type { Version } from "../forms/versions";

// A conflict of the synchronisation as versions to compare field by field:
// this computer's, the server's and the one both started from. Pure
// functions, no React.

/** The column of the server's version: the merge starts from it (the new change is made over it). */
export const SERVER_INDEX = 1;

/** threeWayVersions lists the versions of a conflict, in the columns' order. */
export function threeWayVersions(issue: SyncIssue): Version[] {
    const versions: Version[] = [
        { key: "mine", title: "Votre version", keepLabel: "Garder votre version", payload: issue.mine ?? {} },
        { key: "server", title: "Version du serveur", keepLabel: "Garder la version du serveur", payload: issue.server ?? {} }
    ];
    if (issue.base !== undefined && issue.base !== null) {
        versions.push({ key: "base", title: "Version d'origine", keepLabel: "Revenir à la version d'origine", payload: issue.base });
    }
    return versions;
}

/** issueOf finds the change set aside on a request (the newest one). */
export function issueOf(issues: readonly SyncIssue[], requestId: string): SyncIssue | undefined {
    return issues.filter(i => i.requestId === requestId).at(-1);
}

const ACTIONS: Record<SyncIssue["kind"], string> = {
    save_draft: "L'enregistrement de ce brouillon",
    delete_draft: "La suppression de ce brouillon",
    transmit: "La transmission de cette demande",
    withdraw: "Le retrait de cette demande"
};

/** rejectionTitle says which change the server refused. */
export function rejectionTitle(issue: SyncIssue): string {
    return `${ACTIONS[issue.kind]} a été refusé${issue.kind === "delete_draft" || issue.kind === "transmit" ? "e" : ""} par le serveur`;
}

/** The rows of a comparison the suggestion reads (forms/versions FieldComparison). */
interface ComparedRow {
    path: string;
    differs: boolean;
    shown: string[];
    changed: boolean[];
}

/**
 * suggestedChoices pre-selects, for each differing field, the side that
 * changed it when only one did (or both the same way): the server's
 * version's column when only the server changed it, yours when only you
 * did. A field both changed differently is left for the person to choose;
 * nothing is saved until they confirm.
 */
export function suggestedChoices(rows: readonly ComparedRow[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of rows) {
        if (!r.differs) {
            continue;
        }
        const [mine = false, server = false] = r.changed;
        if (r.shown[0] === r.shown[SERVER_INDEX]) {
            out[r.path] = SERVER_INDEX;
        } else if (mine && !server) {
            out[r.path] = 0;
        } else if (server && !mine) {
            out[r.path] = SERVER_INDEX;
        }
    }
    return out;
}
