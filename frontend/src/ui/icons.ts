import type { FrIconClassName } from "@codegouvfr/react-dsfr";

// Our names for the icons pages may use, mapped to DSFR class names (the
// literal class names here let `react-dsfr update-icons` ship only these).

const ICONS = {
    help: "fr-icon-question-line",
    verify: "fr-icon-shield-line",
    arrowRight: "fr-icon-arrow-right-line",
    arrowLeft: "fr-icon-arrow-left-line",
    back: "fr-icon-arrow-go-back-line",
    download: "fr-icon-download-line",
    search: "fr-icon-search-line",
    user: "fr-icon-user-line",
    userSearch: "fr-icon-user-search-line",
    warning: "fr-icon-warning-line",
    info: "fr-icon-information-line",
    calendar: "fr-icon-calendar-line",
    mapPin: "fr-icon-map-pin-2-line",
    file: "fr-icon-file-text-line",
    edit: "fr-icon-edit-line",
    refresh: "fr-icon-refresh-line",
    check: "fr-icon-checkbox-circle-line",
    phone: "fr-icon-phone-line",
    mail: "fr-icon-mail-line",
    time: "fr-icon-time-line",
    lock: "fr-icon-lock-line",
    add: "fr-icon-add-line",
    close: "fr-icon-close-line",
    folder: "fr-icon-folder-2-line",
    logout: "fr-icon-logout-box-r-line",
    account: "fr-icon-account-circle-line",
    filter: "fr-icon-filter-line"
} as const satisfies Record<string, FrIconClassName>;

export type IconName = keyof typeof ICONS;

export function iconClass(name: IconName): FrIconClassName {
    return ICONS[name];
}
