import { paths } from "../../routes";
import type { PictogramName } from "../../ui";

// The portal's eight actions, in the guide's words ("Que souhaitez-vous faire ?").

export interface PortalAction {
    /** The tile's stable id (end-to-end tests click it). */
    tileId: string;
    title: string;
    description: string;
    /** A warning the guide puts on the tile. */
    warning?: string;
    path: (rpps: string) => string;
    pictogram: PictogramName;
}

export const mainActions: PortalAction[] = [
    {
        tileId: "tile-activites",
        title: "Voir mes activités professionnelles",
        description: "Pour accéder à la liste de tous ses lieux d'exercice actuels et vérifier si une activité est bien enregistrée",
        path: paths.activities,
        pictogram: "activities"
    },
    {
        tileId: "tile-cesser",
        title: "Cesser une activité",
        description: "Pour déclarer la fin d'une activité.",
        warning: "À faire en premier, pour tout changement de département",
        path: paths.cease,
        pictogram: "cease"
    },
    {
        tileId: "tile-nouvelle-activite",
        title: "Déclarer une nouvelle activité",
        description:
            "Pour déclarer sa nouvelle activité (nouveau lieu d'exercice). Si l'adresse de votre cabinet est modifiée, il s'agit d'un nouveau lieu.",
        path: paths.newActivity,
        pictogram: "newActivity"
    },
    {
        tileId: "tile-demandes",
        title: "Consulter ma demande en cours",
        description:
            "Une fois votre demande envoyée, vous pouvez suivre l'état de traitement de votre dossier ou reprendre une demande « en cours » non transmise pour la modifier.",
        path: paths.requests,
        pictogram: "requests"
    }
];

export const otherActions: PortalAction[] = [
    {
        tileId: "tile-attestations",
        title: "Télécharger mes attestations",
        description: "Pour télécharger l'attestation d'enregistrement au RPPS",
        path: paths.attestations,
        pictogram: "attestations"
    },
    {
        tileId: "tile-nouvelle-profession",
        title: "Déclarer une nouvelle profession",
        description:
            "Il est possible d'ajouter une nouvelle profession à son numéro RPPS (exemple : Opticien → Audioprothésiste). Ne pas confondre avec la déclaration d'un nouveau lieu d'exercice.",
        path: paths.newProfession,
        pictogram: "newProfession"
    },
    {
        tileId: "tile-coordonnees",
        title: "Modifier vos coordonnées de contact",
        description:
            "Coordonnées à vérifier lors de la première connexion via Pro Santé Connect. Si vous avez droit à une carte CPS, c'est à l'adresse indiquée ici que vous la recevrez.",
        path: paths.contact,
        pictogram: "contact"
    },
    {
        tileId: "tile-nom-exercice",
        title: "Modifier le nom d'exercice",
        description:
            "Modifier le nom d'exercice avec lequel le professionnel va apparaître sur l'Annuaire Santé. Par défaut, il s'agit de mon nom de naissance.",
        path: paths.exerciseName,
        pictogram: "exerciseName"
    }
];

function byTile(tileId: string): PortalAction {
    const action = [...mainActions, ...otherActions].find(a => a.tileId === tileId);
    if (action === undefined) {
        throw new Error(`unknown portal action ${tileId}`);
    }
    return action;
}

export const actions = {
    activities: byTile("tile-activites"),
    cease: byTile("tile-cesser"),
    newActivity: byTile("tile-nouvelle-activite"),
    requests: byTile("tile-demandes"),
    attestations: byTile("tile-attestations"),
    newProfession: byTile("tile-nouvelle-profession"),
    contact: byTile("tile-coordonnees"),
    exerciseName: byTile("tile-nom-exercice")
};
