package app

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/demo"
	"erpps/backend/erpps"
)

// pathDialogs answers the save dialog with a fixed path ("" = canceled).
type pathDialogs struct{ path string }

func (d pathDialogs) SaveFile(context.Context, string, string, string, string) (string, error) {
	return d.path, nil
}

func firstDemoRPPS(t *testing.T) string {
	t.Helper()
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	return list[0].RPPS
}

func TestSaveAttestationThroughTheDialog(t *testing.T) {
	a := mustOpenApp(t)
	rpps := firstDemoRPPS(t)
	target := filepath.Join(t.TempDir(), "mon-attestation")
	a.deps.Dialogs = pathDialogs{path: target}
	saved, err := a.SaveAttestation(rpps)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Path != target+".pdf" || saved.Canceled {
		t.Fatalf("saved %+v", saved)
	}
	pdf, err := os.ReadFile(saved.Path)
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("saved file is not a PDF: %v", err)
	}
	a.deps.Dialogs = pathDialogs{}
	if saved, err := a.SaveAttestation(rpps); err != nil || !saved.Canceled {
		t.Fatalf("canceled dialog: %+v, %v", saved, err)
	}
	t.Run("ErrBrowserMode", func(t *testing.T) {
		a.deps.Dialogs = noDialogs{}
		if _, err := a.SaveAttestation(rpps); erpps.ErrorCode(err) != erpps.EINVALID {
			t.Fatalf("got %v, want EINVALID", err)
		}
	})
}

func TestDownloadAndVerifyAttestationOverHTTP(t *testing.T) {
	srv := mustServer(t)
	rpps := firstDemoRPPS(t)
	res, err := srv.Client().Get(srv.URL + "/api/attestation/" + rpps + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("download: %d %s %.10q", res.StatusCode, res.Header.Get("Content-Type"), pdf)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, rpps) {
		t.Fatalf("Content-Disposition %q", cd)
	}
	res, err = srv.Client().Get(srv.URL + "/api/attestation/" + unknownDemoRPPS + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown practitioner: status %d", res.StatusCode)
	}
	resp, body := post(t, srv, "VerifyAttestation", `["ERPPS1|garbage"]`, nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"code":"invalid"`) {
		t.Fatalf("garbage payload: %d %s", resp.StatusCode, body)
	}
}
