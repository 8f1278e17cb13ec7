package app

import (
	"fmt"
	"net/http"
	"os"
	"strings"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
)

// SavedFile says where a file was saved, or that the user canceled.
type SavedFile struct {
	Path     string `json:"path,omitempty"`
	FileName string `json:"fileName"`
	Canceled bool   `json:"canceled,omitempty"`
}

// SaveAttestation issues the attestation d'enregistrement au RPPS and saves it
// where the user chooses in the native save dialog (desktop).
func (a *App) SaveAttestation(rpps string) (*SavedFile, error) {
	issued, err := a.deps.Attestations.Issue(a.ctx, rpps)
	if err != nil {
		return nil, err
	}
	path, err := a.deps.Dialogs.SaveFile(a.ctx, "Enregistrer l'attestation d'enregistrement au RPPS", issued.FileName, "Document PDF", "*.pdf")
	if err != nil {
		return nil, err
	}
	if path == "" {
		return &SavedFile{FileName: issued.FileName, Canceled: true}, nil
	}
	if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
		path += ".pdf"
	}
	if err := os.WriteFile(path, issued.PDF, 0o644); err != nil {
		return nil, &erpps.Error{Code: erpps.EINVALID, Message: "Impossible d'enregistrer le fichier à cet endroit : choisissez un autre dossier.", Err: err}
	}
	return &SavedFile{Path: path, FileName: issued.FileName}, nil
}

// VerifyAttestation says whether the content of an attestation's QR code is
// genuine.
func (a *App) VerifyAttestation(payload string) (*attestation.Verified, error) {
	v, err := a.deps.Attestations.Verify(payload)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// downloadAttestation serves GET /api/attestation/{rpps}.pdf in browser mode.
func (a *App) downloadAttestation(w http.ResponseWriter, r *http.Request) {
	rpps := strings.TrimSuffix(r.PathValue("file"), ".pdf")
	issued, err := a.deps.Attestations.Issue(r.Context(), rpps)
	if err != nil {
		writeError(w, a, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", issued.FileName))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(issued.PDF)
}
