import { useEffect, useMemo, useState } from "react";
import { Alert, Container, Loading, PlainLink, Spacer, Text } from "../../ui";
import { ConnectFrame, useConnectTitle } from "../ConnectFrame";
import { connectPaths } from "../paths";
import { parsePrefill } from "../prefill";
import { Activation } from "./Activation";
import { companionSupported, loadDevice, type Device } from "./deviceStore";
import { Enrolled } from "./Enrolled";
import { useClock } from "./useClock";

/**
 * MobileApp is /mobile on erpps-server, the phone companion: activation of
 * e-CPS on this phone, then the logins and approvals to answer; it warns
 * when the phone's clock is wrong. A link from the desktop may prefill it
 * (#identifiant=…&code=…).
 */
export default function MobileApp() {
    useConnectTitle("Compagnon e-CPS");
    const prefill = useMemo(() => parsePrefill(window.location.hash), []);
    const supported = companionSupported();
    const [device, setDevice] = useState<Device | undefined | null>(null);
    const [storeError, setStoreError] = useState(false);
    const clock = useClock();

    useEffect(() => {
        if (!supported) {
            return;
        }
        loadDevice().then(
            d => {
                setDevice(d);
            },
            () => {
                setStoreError(true);
                setDevice(undefined);
            }
        );
    }, [supported]);

    let content;
    if (!supported) {
        content = (
            <Alert severity="error" title="Ce navigateur ne peut pas garder la clé e-CPS">
                Le compagnon e-CPS doit être ouvert à une adresse sécurisée (commençant par https://). Demandez l'adresse sécurisée du serveur eRPPS à votre
                administrateur, ou utilisez un navigateur récent.
            </Alert>
        );
    } else if (device === null) {
        content = <Loading label="Ouverture du compagnon e-CPS…" />;
    } else if (device === undefined) {
        content = (
            <>
                {storeError ? (
                    <>
                        <Alert severity="warning" small>
                            Ce navigateur refuse de conserver des données (navigation privée ?) : l'activation ne pourra pas être gardée.
                        </Alert>
                        <Spacer size="sm" />
                    </>
                ) : null}
                <Activation
                    prefill={prefill}
                    onEnrolled={d => {
                        history.replaceState(null, "", connectPaths.mobile);
                        setDevice(d);
                    }}
                />
            </>
        );
    } else {
        content = (
            <Enrolled
                device={device}
                onServerTime={clock.observe}
                onForgotten={() => {
                    setDevice(undefined);
                }}
            />
        );
    }

    return (
        <ConnectFrame serviceTitle="Compagnon e-CPS" tagline="eRPPS — sur votre téléphone" homeHref={connectPaths.mobile}>
            <Container>
                <div className="app-mobile">
                    <Spacer size="md" />
                    {clock.warning === null ? null : (
                        <>
                            <Alert severity="warning" title="L'heure de votre téléphone est à régler" live>
                                {clock.warning}
                            </Alert>
                            <Spacer size="md" />
                        </>
                    )}
                    {content}
                    <Spacer size="md" />
                    <Text size="sm">
                        <PlainLink href={connectPaths.help} icon="help">
                            Aide à la connexion
                        </PlainLink>
                    </Text>
                </div>
            </Container>
        </ConnectFrame>
    );
}
