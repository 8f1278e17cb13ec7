import type { Structure } from "../../../api";
import { useReference } from "../../../reference/useReference";
import { Alert, Button, DescriptionList, Panel, Spacer } from "../../../ui";
import { companyLabel, identifierTerms, placeAddress, placeDepartment } from "./summary";

export interface StructureRecapProps {
    structure: Structure;
    /** The number was changed after the search: the recap may be another structure's. */
    stale: boolean;
    onEdit: () => void;
    disabled: boolean;
}

/** StructureRecap shows the structure the register knows, found by its number, with "Modifier". */
export function StructureRecap({ structure: s, stale, onEdit, disabled }: StructureRecapProps) {
    const ref = useReference();
    return (
        <div aria-live="polite">
            <Panel
                id="structure-recap"
                titleAs="h3"
                title={companyLabel(s)}
                actions={
                    <Button id="btn-edit-structure" priority="tertiary" size="small" icon="edit" onClick={onEdit} disabled={disabled}>
                        Modifier
                    </Button>
                }
            >
                <DescriptionList
                    items={[
                        ...identifierTerms(s),
                        { term: "Adresse", value: placeAddress(s.address) },
                        { term: "Département", value: ref.departmentLabel(placeDepartment(s, undefined)) }
                    ]}
                />
            </Panel>
            {stale ? (
                <>
                    <Spacer size="sm" />
                    <Alert severity="warning" small>
                        Le numéro a changé depuis la recherche : cliquez sur « Rechercher » pour retrouver la structure correspondante.
                    </Alert>
                </>
            ) : null}
        </div>
    );
}
