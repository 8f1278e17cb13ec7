package mailbox

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"erpps/backend/erpps"
)

// Check connects to the account once (TLS, login, folder) and tells the
// secretary, in French, what failed: an account is kept only once it works.
func Check(ctx context.Context, a Account) error {
	tlsConfig := a.TLS
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: a.Host, MinVersion: tls.VersionTLS12}
	}
	c, err := imapclient.DialTLS(a.address(), &imapclient.Options{TLSConfig: tlsConfig, Dialer: &net.Dialer{Timeout: 15 * time.Second}})
	if err != nil {
		return checkError(fmt.Errorf("mailbox: unable to connect: %w", err))
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	if err := c.Login(a.Username, a.Password).Wait(); err != nil {
		return checkError(fmt.Errorf("%w: %w", errAuth, err))
	}
	if _, err := c.Select(a.folder(), &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return checkError(fmt.Errorf("%w: %w", errFolder, err))
	}
	_ = c.Logout().Wait()
	return nil
}

// checkError keeps only the French wording: the server's reply is not
// shown nor logged (it may repeat the login).
func checkError(err error) error {
	return erpps.Errorf(erpps.EINVALID, "%s", frenchError(err))
}
