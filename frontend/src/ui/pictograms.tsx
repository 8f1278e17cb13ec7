import Calendar from "@codegouvfr/react-dsfr/picto/Calendar";
import Doctor from "@codegouvfr/react-dsfr/picto/Doctor";
import DocumentDownload from "@codegouvfr/react-dsfr/picto/DocumentDownload";
import DocumentSearch from "@codegouvfr/react-dsfr/picto/DocumentSearch";
import Hospital from "@codegouvfr/react-dsfr/picto/Hospital";
import House from "@codegouvfr/react-dsfr/picto/House";
import InProgress from "@codegouvfr/react-dsfr/picto/InProgress";
import MapPin from "@codegouvfr/react-dsfr/picto/MapPin";
import NationalIdentityCard from "@codegouvfr/react-dsfr/picto/NationalIdentityCard";
import Smartphone from "@codegouvfr/react-dsfr/picto/Smartphone";
import ErrorPicto from "@codegouvfr/react-dsfr/picto/Error";
import Avatar from "@codegouvfr/react-dsfr/picto/Avatar";
import type { PictoProps } from "@codegouvfr/react-dsfr/picto/utils/PictoWrapper";
import type { FC } from "react";

// The DSFR pictograms the app uses (inline SVG, nothing to download).

const PICTOGRAMS = {
    activities: Hospital,
    cease: Calendar,
    newActivity: MapPin,
    requests: InProgress,
    attestations: DocumentDownload,
    newProfession: Doctor,
    contact: House,
    exerciseName: NationalIdentityCard,
    search: DocumentSearch,
    phone: Smartphone,
    error: ErrorPicto,
    person: Avatar
} satisfies Record<string, FC<PictoProps>>;

export type PictogramName = keyof typeof PICTOGRAMS;

/** Pictogram draws a DSFR pictogram (decorative: hidden from screen readers). */
export function Pictogram({ name, size = "80px" }: { name: PictogramName; size?: string }) {
    const Picto = PICTOGRAMS[name];
    return <Picto aria-hidden="true" focusable="false" fontSize={size} />;
}
