import type { Guidance } from "../api";
import { Alert, Button, ButtonGroup, ButtonLink, Spacer, Stack, Text } from "../ui";
import { guidanceActions, guidanceStep } from "./guidance";
import type { DraftFields } from "./useRequestDraft";

const SEVERITY = { error: "error", warning: "warning", info: "info" } as const;

/**
 * GuidanceList shows the guide's rules that apply to the request (one DSFR
 * alert each; an error blocks the transmission) with their ways forward:
 * start another request, set a field of this form, open a page. `blocking`
 * keeps only the errors (true) or only the rest (false).
 */
export function GuidanceList({ guidance, rpps, draft, blocking }: { guidance: readonly Guidance[] | null; rpps: string; draft: DraftFields; blocking?: boolean }) {
    const list = (guidance ?? []).filter(g => blocking === undefined || (g.level === "error") === blocking);
    if (list.length === 0) {
        return null;
    }
    return (
        <section aria-label={blocking === true ? "Ce qui empêche la transmission" : "Conseils pour votre demande"} id={blocking === true ? "request-guidance-blocking" : "request-guidance"}>
            <Stack gap="sm">
                {list.map(g => (
                    <Alert key={g.code} id={`guidance-${g.code}`} severity={SEVERITY[g.level]} title={g.title}>
                        <>
                            <Text noMargin>{g.message}</Text>
                            <GuidanceButtons guidance={g} rpps={rpps} draft={draft} />
                        </>
                    </Alert>
                ))}
            </Stack>
            <Spacer size="md" />
        </section>
    );
}

function GuidanceButtons({ guidance, rpps, draft }: { guidance: Guidance; rpps: string; draft: DraftFields }) {
    const actions = guidanceActions(guidance);
    if (actions.length === 0) {
        return null;
    }
    return (
        <>
            <Spacer size="sm" />
            <ButtonGroup>
                {actions.map((a, i) => {
                    const step = guidanceStep(a, rpps);
                    const priority = i === 0 ? "secondary" : "tertiary";
                    switch (step.kind) {
                        case "navigate":
                            return (
                                <ButtonLink key={a.label} size="small" priority={priority} icon="arrowRight" to={step.to}>
                                    {a.label}
                                </ButtonLink>
                            );
                        case "set_field":
                            return (
                                <Button
                                    key={a.label}
                                    size="small"
                                    priority={priority}
                                    icon="check"
                                    disabled={!draft.editable}
                                    onClick={() => {
                                        draft.setField(step.field, step.value);
                                    }}
                                >
                                    {a.label}
                                </Button>
                            );
                        case "none":
                            return null;
                    }
                })}
            </ButtonGroup>
        </>
    );
}
