import type { Activity } from "../api";

/** isActivityOpen tells whether the activity is still exercised on day (YYYY-MM-DD), as Go's Activity.Open. */
export function isActivityOpen(a: Activity, day: string): boolean {
    return a.endDate === undefined || a.endDate === "" || a.endDate >= day;
}

export interface SplitActivities {
    /** Still exercised, the most recent start first. */
    current: Activity[];
    /** Ended, the most recent end first. */
    ended: Activity[];
}

export function splitActivities(activities: Activity[] | null | undefined, day: string): SplitActivities {
    const current: Activity[] = [];
    const ended: Activity[] = [];
    for (const a of activities ?? []) {
        (isActivityOpen(a, day) ? current : ended).push(a);
    }
    current.sort((a, b) => b.startDate.localeCompare(a.startDate));
    ended.sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? ""));
    return { current, ended };
}
