package syncclient

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/internal/testcert"
)

// testCA is a certification authority made for a test and a server
// certificate it signed for 127.0.0.1.
func testCA(t *testing.T) (caPEM []byte, server tls.Certificate) {
	t.Helper()
	a := testcert.NewAuthority(t, "eRPPS test CA")
	return a.PEM, a.Server(t)
}

func TestTLSWithACustomCA(t *testing.T) {
	caPEM, cert := testCA(t)
	dir := t.TempDir()
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	e := newRealEnv(t)
	token := e.signIn(e.a.RPPS)
	ts := httptest.NewUnstartedServer(e.handler)
	ts.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	ts.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	ts.StartTLS()
	t.Cleanup(ts.Close)

	sync := func(t *testing.T, caFile string) (*desktop, error) {
		t.Helper()
		hc, err := NewHTTPClient(caFile)
		if err != nil {
			t.Fatal(err)
		}
		d := e.newDesktop(token, func(c *Config) { c.BaseURL, c.HTTP = ts.URL, hc })
		return d, d.client.SyncOnce(context.Background())
	}
	t.Run("trusted with the CA file", func(t *testing.T) {
		d, err := sync(t, caFile)
		if err != nil {
			t.Fatal(err)
		}
		if st := d.client.Status(); st.State != StateOnline || st.LastSyncAt == nil {
			t.Fatalf("status %+v", st)
		}
		if _, err := d.db.FindPractitionerByRPPS(context.Background(), e.a.RPPS); err != nil {
			t.Fatalf("nothing pulled over TLS: %v", err)
		}
	})
	t.Run("refused without it", func(t *testing.T) {
		d, err := sync(t, "")
		c := d.client
		var unknown x509.UnknownAuthorityError
		if !errors.As(err, &unknown) {
			t.Fatalf("err %v, want an unknown authority", err)
		}
		if st := c.Status(); st.State != StateOffline || st.Error != msgUnreachable {
			t.Fatalf("status %+v", st)
		}
	})
	for name, content := range map[string][]byte{"not PEM": []byte("pas un certificat"), "missing": nil} {
		t.Run("a CA file "+name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.pem")
			_ = os.Remove(path)
			if content != nil {
				if err := os.WriteFile(path, content, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			_, err := NewHTTPClient(path)
			var e *erpps.Error
			if !errors.As(err, &e) || e.Code != erpps.EINVALID || len(e.Fields) != 1 || e.Fields[0].Field != "caFile" {
				t.Fatalf("err %#v", err)
			}
		})
	}
}
