import type { Activity } from "../api";

export interface SplitActivities {
    /** Still exercised (Go's Activity.Open, today), the most recent start first. */
    current: Activity[];
    /** Ended, the most recent end first. */
    ended: Activity[];
}

export function splitActivities(activities: Activity[] | null | undefined): SplitActivities {
    const current: Activity[] = [];
    const ended: Activity[] = [];
    for (const a of activities ?? []) {
        (a.open ? current : ended).push(a);
    }
    current.sort((a, b) => b.startDate.localeCompare(a.startDate));
    ended.sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? ""));
    return { current, ended };
}
