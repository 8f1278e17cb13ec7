package app

import (
	"errors"
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

// msgSaveFailed is shown when the chosen file cannot be written.
const msgSaveFailed = "Impossible d'enregistrer le fichier à cet endroit : choisissez un autre dossier."

// SaveAttestation issues the attestation d'enregistrement au RPPS and saves it
// where the user chooses in the native save dialog (desktop). The
// attestation's number is taken only once the file is written: a canceled
// dialog or a failed write takes none.
func (a *App) SaveAttestation(rpps string) (*SavedFile, error) {
	ctx := a.ctx
	if err := a.mayOpen(rpps); err != nil {
		return nil, err
	}
	name, err := a.deps.Attestations.FileName(ctx, rpps)
	if err != nil {
		return nil, err
	}
	path, err := a.deps.Dialogs.SaveFile(ctx, "Enregistrer l'attestation d'enregistrement au RPPS", name, "Document PDF", "*.pdf")
	if err != nil {
		return nil, err
	}
	if path == "" {
		return &SavedFile{FileName: name, Canceled: true}, nil
	}
	if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
		path += ".pdf"
	}
	err = a.issueAttestation(ctx, rpps, func(issued *attestation.Issued) error {
		if err := os.WriteFile(path, issued.PDF, 0o644); err != nil {
			_ = os.Remove(path)
			return &erpps.Error{Code: erpps.EINVALID, Message: msgSaveFailed, Err: err}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &SavedFile{Path: path, FileName: name}, nil
}

// VerifyAttestation says whether the content of an attestation's QR code is
// genuine and was issued.
func (a *App) VerifyAttestation(payload string) (*attestation.Verified, error) {
	v, err := a.deps.Attestations.Verify(a.ctx, payload)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// errNotSent is deliver's error when the response could not be written.
var errNotSent = errors.New("app: the attestation was not sent")

// downloadAttestation serves GET /api/attestation/{rpps}.pdf in browser mode.
// A HEAD request takes no number; a GET takes one only once the whole PDF
// was written to the connection, and gives it back otherwise.
func (a *App) downloadAttestation(w http.ResponseWriter, r *http.Request) {
	rpps := strings.TrimSuffix(r.PathValue("file"), ".pdf")
	if err := a.mayOpen(rpps); err != nil {
		writeError(w, a, err)
		return
	}
	setHeaders := func(name string) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
		w.Header().Set("Cache-Control", "no-store")
	}
	if r.Method == http.MethodHead {
		name, err := a.deps.Attestations.FileName(r.Context(), rpps)
		if err != nil {
			writeError(w, a, err)
			return
		}
		setHeaders(name)
		w.WriteHeader(http.StatusOK)
		return
	}
	sent := false
	err := a.issueAttestation(r.Context(), rpps, func(issued *attestation.Issued) error {
		setHeaders(issued.FileName)
		w.Header().Set("Content-Length", fmt.Sprint(len(issued.PDF)))
		sent = true
		if _, err := w.Write(issued.PDF); err != nil {
			return fmt.Errorf("%w: %w", errNotSent, err)
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		return nil
	})
	if err != nil && !sent {
		writeError(w, a, err)
	}
}
