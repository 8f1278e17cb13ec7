import { lazy } from "react";

// The pages other than the entry page, each loaded when its route is first
// shown: the desktop's first page parses and keeps only the code it draws
// (memory of the web view), and each page's code is fetched once from the
// embedded build (no network).

export const HelpPage = lazy(() => import("../pages/HelpPage").then(m => ({ default: m.HelpPage })));
export const VerifyAttestationPage = lazy(() => import("../pages/VerifyAttestationPage").then(m => ({ default: m.VerifyAttestationPage })));
export const AccessibilityPage = lazy(() => import("../pages/AccessibilityPage").then(m => ({ default: m.AccessibilityPage })));
export const PractitionerLayout = lazy(() => import("../pages/practitioner/PractitionerLayout").then(m => ({ default: m.PractitionerLayout })));
export const PortalHomePage = lazy(() => import("../pages/practitioner/PortalHomePage").then(m => ({ default: m.PortalHomePage })));
export const RecordPage = lazy(() => import("../pages/practitioner/RecordPage").then(m => ({ default: m.RecordPage })));
export const ActivitiesPage = lazy(() => import("../pages/practitioner/ActivitiesPage").then(m => ({ default: m.ActivitiesPage })));
export const CeaseActivityPage = lazy(() => import("../pages/practitioner/CeaseActivityPage").then(m => ({ default: m.CeaseActivityPage })));
export const NewActivityPage = lazy(() => import("../pages/practitioner/NewActivityPage").then(m => ({ default: m.NewActivityPage })));
export const RequestsPage = lazy(() => import("../pages/practitioner/RequestsPage").then(m => ({ default: m.RequestsPage })));
export const AttestationsPage = lazy(() => import("../pages/practitioner/AttestationsPage").then(m => ({ default: m.AttestationsPage })));
export const NewProfessionPage = lazy(() => import("../pages/practitioner/NewProfessionPage").then(m => ({ default: m.NewProfessionPage })));
export const ContactPage = lazy(() => import("../pages/practitioner/ContactPage").then(m => ({ default: m.ContactPage })));
export const ExerciseNamePage = lazy(() => import("../pages/practitioner/ExerciseNamePage").then(m => ({ default: m.ExerciseNamePage })));
export const ServerPage = lazy(() => import("../pages/ServerPage").then(m => ({ default: m.ServerPage })));
export const MailboxPage = lazy(() => import("../pages/MailboxPage").then(m => ({ default: m.MailboxPage })));
