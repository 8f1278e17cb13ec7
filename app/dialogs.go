package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"erpps/backend/erpps"
)

// Dialogs are the native dialogs of the desktop; browser mode has none.
type Dialogs interface {
	// SaveFile asks where to save a file; "" means the user canceled.
	SaveFile(ctx context.Context, title, defaultName, filterName, pattern string) (string, error)
}

// noDialogs is browser mode: the UI downloads files instead.
type noDialogs struct{}

func (noDialogs) SaveFile(context.Context, string, string, string, string) (string, error) {
	return "", erpps.Errorf(erpps.EINVALID, "L'enregistrement par boîte de dialogue n'existe que dans l'application de bureau : utilisez le téléchargement.")
}

// WailsDialogs are the desktop's native dialogs.
type WailsDialogs struct{}

// SaveFile opens the native save dialog.
func (WailsDialogs) SaveFile(ctx context.Context, title, defaultName, filterName, pattern string) (string, error) {
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title:           title,
		DefaultFilename: defaultName,
		Filters:         []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}},
	})
}
