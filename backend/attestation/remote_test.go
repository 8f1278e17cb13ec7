package attestation

import (
	"context"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/signing"
)

// A desktop verifies offline an attestation the server signed with the
// authority's key, once it keeps that key; its own stand-in key's
// attestations are still checked against its registry.
func TestDesktopVerifiesTheAuthoritysAttestation(t *testing.T) {
	ctx := context.Background()
	server, _, rpps := mustIssuer(t)
	authority, err := signing.NewAuthority()
	if err != nil {
		t.Fatal(err)
	}
	server.Signer, server.Verifier = authority, authority.KeyRing()
	issued, err := server.Issue(ctx, rpps, func(*Issued) error { return nil })
	if err != nil {
		t.Fatal(err)
	}

	desktop, _, _ := mustIssuer(t) // its own store, registry and local key
	desktop.RemoteAuthority = true
	if _, err := desktop.Verify(ctx, issued.Payload); err == nil {
		t.Fatal("verified without the authority's key")
	}
	ring := signing.NewKeyRing(desktop.Signer.PublicKey(), authority.PublicKey())
	desktop.Verifier = ring
	v, err := desktop.Verify(ctx, issued.Payload)
	if err != nil {
		t.Fatalf("the authority's attestation does not verify offline: %v", err)
	}
	if v.LocalKey || v.KeyID != authority.KeyID() || v.RPPS != rpps || v.DocumentNumber != issued.Number {
		t.Errorf("verified %+v", v)
	}

	// The desktop's own preview, not in its registry, is not genuine.
	preview, err := desktop.Issue(ctx, rpps, func(*Issued) error { return erpps.Errorf(erpps.EINVALID, "not saved") })
	if err == nil || preview != nil {
		t.Fatalf("a failed delivery issued %v", preview)
	}
	other, _, _ := mustIssuer(t)
	otherIssued, err := other.Issue(ctx, rpps, func(*Issued) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	desktop.Signer = other.Signer // same local key, another registry
	ring2 := signing.NewKeyRing(other.Signer.PublicKey())
	desktop.Verifier = ring2
	if _, err := desktop.Verify(ctx, otherIssued.Payload); erpps.ErrorMessage(err) != MsgNeverIssued {
		t.Errorf("a local-key attestation not in the registry: %v", err)
	}

	// The server, whose registry is the authority's, checks it for every key.
	server.RemoteAuthority = false
	if _, err := server.Verify(ctx, issued.Payload); err != nil {
		t.Errorf("the server does not verify its own attestation: %v", err)
	}
}
