package secretstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"

	"erpps/backend/erpps"
)

// The Secret Service API (freedesktop.org), as GNOME Keyring and KWallet
// offer it on the session bus.
const (
	ssService        = "org.freedesktop.secrets"
	ssPath           = dbus.ObjectPath("/org/freedesktop/secrets")
	ssIface          = "org.freedesktop.Secret.Service"
	ssCollection     = "org.freedesktop.Secret.Collection"
	ssItem           = "org.freedesktop.Secret.Item"
	ssItemLabel      = "org.freedesktop.Secret.Item.Label"
	ssItemAttributes = "org.freedesktop.Secret.Item.Attributes"
	noPrompt         = dbus.ObjectPath("/")
)

// application is the attribute the desktop's items carry.
const application = "erpps-desktop"

// secret is the Secret Service's Secret structure (oayays).
type secret struct {
	Session     dbus.ObjectPath
	Parameters  []byte
	Value       []byte
	ContentType string
}

// Keychain keeps secrets in the default collection of the Secret Service,
// over a "plain" session (the bus is the user's own, local).
type Keychain struct {
	conn       *dbus.Conn
	session    dbus.ObjectPath
	collection dbus.ObjectPath
}

// ErrNoKeychain tells that no usable Secret Service was found.
var ErrNoKeychain = errors.New("secretstore: no keychain")

// ConnectKeychain connects to the session bus's Secret Service. It fails
// (ErrNoKeychain) when there is no session bus, no service, or no unlocked
// default collection: the keychain would then ask the user through a prompt
// the desktop cannot show.
func ConnectKeychain(ctx context.Context) (*Keychain, error) {
	conn, err := dbus.ConnectSessionBus(dbus.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("%w: no session bus: %w", ErrNoKeychain, err)
	}
	kc, err := KeychainOn(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return kc, nil
}

// KeychainOn uses the Secret Service on conn.
func KeychainOn(ctx context.Context, conn *dbus.Conn) (*Keychain, error) {
	svc := conn.Object(ssService, ssPath)
	var output dbus.Variant
	var session dbus.ObjectPath
	if err := svc.CallWithContext(ctx, ssIface+".OpenSession", 0, "plain", dbus.MakeVariant("")).Store(&output, &session); err != nil {
		return nil, fmt.Errorf("%w: no Secret Service: %w", ErrNoKeychain, err)
	}
	var collection dbus.ObjectPath
	if err := svc.CallWithContext(ctx, ssIface+".ReadAlias", 0, "default").Store(&collection); err != nil || collection == noPrompt {
		return nil, fmt.Errorf("%w: no default collection (%v)", ErrNoKeychain, err)
	}
	locked, err := conn.Object(ssService, collection).GetProperty(ssCollection + ".Locked")
	if err != nil {
		return nil, fmt.Errorf("%w: unreadable collection: %w", ErrNoKeychain, err)
	}
	if l, ok := locked.Value().(bool); !ok || l {
		return nil, fmt.Errorf("%w: the default collection is locked", ErrNoKeychain)
	}
	return &Keychain{conn: conn, session: session, collection: collection}, nil
}

// Where implements Secrets.
func (k *Keychain) Where() string { return "keychain" }

func attributes(name string) map[string]string {
	return map[string]string{"application": application, "name": name}
}

// Set implements Secrets.
func (k *Keychain) Set(ctx context.Context, name string, value []byte) error {
	props := map[string]dbus.Variant{
		ssItemLabel:      dbus.MakeVariant("eRPPS — " + name),
		ssItemAttributes: dbus.MakeVariant(attributes(name)),
	}
	s := secret{Session: k.session, Parameters: []byte{}, Value: value, ContentType: "text/plain; charset=utf8"}
	var item, prompt dbus.ObjectPath
	if err := k.conn.Object(ssService, k.collection).CallWithContext(ctx, ssCollection+".CreateItem", 0, props, s, true).Store(&item, &prompt); err != nil {
		return fmt.Errorf("secretstore: the keychain refused the secret: %w", err)
	}
	if prompt != noPrompt {
		return erpps.Errorf(erpps.EINTERNAL, "Le trousseau du système demande une confirmation que l'application ne peut pas afficher.")
	}
	return nil
}

func (k *Keychain) find(ctx context.Context, name string) ([]dbus.ObjectPath, error) {
	var unlocked, locked []dbus.ObjectPath
	if err := k.conn.Object(ssService, ssPath).CallWithContext(ctx, ssIface+".SearchItems", 0, attributes(name)).Store(&unlocked, &locked); err != nil {
		return nil, fmt.Errorf("secretstore: unable to search the keychain: %w", err)
	}
	if len(unlocked) == 0 && len(locked) > 0 {
		return nil, erpps.Errorf(erpps.EINTERNAL, "Le trousseau du système est verrouillé : déverrouillez-le puis réessayez.")
	}
	return unlocked, nil
}

// Get implements Secrets.
func (k *Keychain) Get(ctx context.Context, name string) ([]byte, error) {
	items, err := k.find(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, erpps.NotFound("Aucun secret n'est enregistré.")
	}
	var s secret
	if err := k.conn.Object(ssService, items[0]).CallWithContext(ctx, ssItem+".GetSecret", 0, k.session).Store(&s); err != nil {
		return nil, fmt.Errorf("secretstore: unable to read the keychain: %w", err)
	}
	return s.Value, nil
}

// Delete implements Secrets.
func (k *Keychain) Delete(ctx context.Context, name string) error {
	items, err := k.find(ctx, name)
	if err != nil {
		return err
	}
	for _, item := range items {
		var prompt dbus.ObjectPath
		if err := k.conn.Object(ssService, item).CallWithContext(ctx, ssItem+".Delete", 0).Store(&prompt); err != nil {
			return fmt.Errorf("secretstore: unable to delete from the keychain: %w", err)
		}
	}
	return nil
}

// Close ends the session with the keychain.
func (k *Keychain) Close() error { return k.conn.Close() }
