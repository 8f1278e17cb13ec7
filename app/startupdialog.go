package app

import (
	"context"
	"fmt"
	"html"
	"net/http"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// StartupErrorTitle is the title of the window and the dialog that say why
// the desktop could not start.
const StartupErrorTitle = "eRPPS Desktop ne peut pas démarrer"

// ShowStartupError tells a desktop user why the application could not start:
// a desktop launched from the menu has no terminal to read. It opens a small
// window holding the message and the native error dialog over it, and
// returns when the user closes the dialog.
func ShowStartupError(message string) error {
	page := fmt.Sprintf(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>%s</title>
<body style="font-family:sans-serif;margin:1.5em;line-height:1.4"><h1 style="font-size:1.2em">%s</h1><p>%s</p>
<p>Ce message est aussi enregistré dans le journal erpps.log du dossier de données, quand il a pu être écrit.</p></body></html>`,
		html.EscapeString(StartupErrorTitle), html.EscapeString(StartupErrorTitle), html.EscapeString(message))
	return wails.Run(&options.App{
		Title:     StartupErrorTitle,
		Width:     640,
		Height:    360,
		MinWidth:  400,
		MinHeight: 240,
		AssetServer: &assetserver.Options{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(page))
		})},
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		OnDomReady: func(wctx context.Context) {
			go func() {
				_, _ = runtime.MessageDialog(wctx, runtime.MessageDialogOptions{
					Type: runtime.ErrorDialog, Title: StartupErrorTitle, Message: message,
				})
				runtime.Quit(wctx)
			}()
		},
		Linux: &linux.Options{ProgramName: "erpps", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
}
