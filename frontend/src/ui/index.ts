// The app's design-system layer: the only folder that imports the DSFR.
// Pages use these components with props of our own, so that another design
// system could be swapped in by rewriting src/ui only.
export { startDesignSystem } from "./start";
export type { IconName } from "./icons";
export { Band, Col, Container, Grid, Inline, Panel, Spacer, Stack } from "./layout";
export type { Gap } from "./layout";
export { BulletList, DescriptionList, Heading, Lead, Mono, OrderedList, Text } from "./typography";
export type { Term } from "./typography";
export { Button, ButtonGroup, ButtonLink, DownloadLink, ExternalLink, TextLink } from "./actions";
export type { Priority } from "./actions";
export { Alert, Badge, CallOut, Highlight, InlineWarning, Loading, Notice } from "./feedback";
export type { BadgeTone, Severity } from "./feedback";
export { Breadcrumb, Card, Disclosure, DisclosureGroup, focusStepHeading, Stepper, Tag, TagList, Tile } from "./navigation";
export type { Crumb } from "./navigation";
export { DataTable } from "./data";
export { CheckboxField, Form, RadioGroup, SelectField, TextField, Toggle } from "./forms";
export type { Option } from "./forms";
export { Checkbox, Focusable, FocusLink, FormActions, RadioCards, StatusLine } from "./formkit";
export type { CheckboxProps, RadioCardOption, RadioCardsProps, StatusTone as StatusLineTone } from "./formkit";
export { ConfirmDialog } from "./dialog";
export type { ConfirmDialogProps } from "./dialog";
export { Pictogram } from "./pictograms";
export type { PictogramName } from "./pictograms";
export { FranceConnectButton, Main, SiteFooter, SiteHeader, SkipLinks } from "./shell";
export type { QuickLink, SkipLink } from "./shell";
export { DownloadButton, SegmentedFilter, StatusBadge, Timeline } from "./tracking";
export type { DownloadButtonProps, FilterOption, SegmentedFilterProps, StatusBadgeProps, TimelineEntry } from "./tracking";
export { RadioField } from "./radioField";
export type { RadioFieldOption, RadioFieldProps } from "./radioField";
export { VersionComparison } from "./compare";
export type { ComparedField, ComparedVersion, VersionComparisonProps } from "./compare";
export { Pager } from "./pager";
export type { PagerProps } from "./pager";
export { ChangesTable } from "./changes";
export type { ChangedField } from "./changes";
export type { QuickButton } from "./shell";
export { ScreenReaderStatus, SyncIndicator } from "./syncIndicator";
export type { SyncIndicatorProps, SyncIndicatorTone } from "./syncIndicator";
