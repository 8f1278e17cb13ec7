package testcert

import (
	"crypto/tls"
	"crypto/x509"
	"testing"
)

// A server certificate verifies against its authority's pool for 127.0.0.1
// and localhost, and not against another authority's.
func TestServerVerifies(t *testing.T) {
	a := NewAuthority(t, "AC de test")
	cert := a.Server(t)
	for _, host := range []string{"127.0.0.1", "localhost"} {
		if _, err := cert.Leaf.Verify(x509.VerifyOptions{Roots: a.Pool, DNSName: host}); err != nil {
			t.Errorf("%s: %v", host, err)
		}
	}
	other := NewAuthority(t, "Autre AC")
	if _, err := cert.Leaf.Verify(x509.VerifyOptions{Roots: other.Pool, DNSName: "127.0.0.1"}); err == nil {
		t.Error("verified by another authority")
	}
	files := a.ServerFiles(t, t.TempDir())
	if _, err := tls.LoadX509KeyPair(files.Cert, files.Key); err != nil {
		t.Fatal(err)
	}
}
