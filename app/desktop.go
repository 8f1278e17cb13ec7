package app

import (
	"context"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"erpps/backend/erpps"
)

// RunDesktop opens the application's window and blocks until it is closed.
// The kiosk opens full screen. The web engine's settings (webengine.go) are
// set in the environment first, for the web view's processes to inherit.
func RunDesktop(a *App, assets fs.FS, kiosk bool) error {
	if err := applyWebEngineSettings(os.LookupEnv, os.Setenv); err != nil {
		return err
	}
	return wails.Run(&options.App{
		Title:            "eRPPS Desktop",
		Width:            1280,
		Height:           860,
		MinWidth:         800,
		MinHeight:        600,
		Fullscreen:       kiosk,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		OnStartup:        Startup(a),
		OnShutdown:       Shutdown(a),
		Bind:             []any{a},
		EnumBind:         []any{erpps.AllRequestStatuses, erpps.AllRequestKinds},
		ErrorFormatter:   FormatError(a),
		Linux:            &linux.Options{ProgramName: "erpps", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		Windows:          &windows.Options{Theme: windows.Light},
	})
}

// wailsOpenURL opens url in the system's browser (the Pro Santé Connect
// login); ctx is the Wails runtime's (App.ctx after Startup).
func wailsOpenURL(ctx context.Context, url string) error {
	runtime.BrowserOpenURL(ctx, url)
	return nil
}
