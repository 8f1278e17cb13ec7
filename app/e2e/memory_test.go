package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"erpps/backend/datadir"
	"erpps/backend/demo"
	"erpps/backend/sqlite"
)

// BenchmarkDesktopMemory measures the desktop's memory as the issue asks:
// the proportional set size (PSS, /proc/PID/smaps_rollup) of the app and of
// its WebKit processes, under Xvfb, showing 50 practitioners, beside a
// hello-world Wails app (same window options) built in a temporary module
// and measured in the same run.
//
// The page measured is the one a user who has practitioners lands on: the
// entry page (« Bienvenue sur le portail d'enregistrement eRPPS… », route
// #/) in demo mode (no --no-demo), nobody signed in, over a store that holds
// 50 demo practitioners (demo.Generate(50, demo.Seed): test RPPS numbers,
// so the demo mode lists them all). Below its two panels the page shows
// « Dossiers sur ce poste »: the search field and the list of the 50
// records. A secretary signed in lands
// on the same page and list, with every record of the computer. The store
// holds records already, so the demo mode adds none. Run it alone:
//
//	go test ./app/e2e -run '^$' -bench DesktopMemory -benchtime 1x -v
//
// It reports erpps-MiB, hello-MiB and their ratio (the target is ≤ 1.2),
// and for each the app's own process (*-app-MiB) and its web process
// (*-web-MiB). The desktop runs its web view with the settings of
// app/webengine.go; hello with WebKit's defaults.
//
// A third desktop measures what the interface's stack costs before eRPPS
// adds anything: the same hello-world Wails app showing the stack's smallest
// page instead of its HTML heading (frontend/hello: React and react-dsfr
// started as the interface starts them, the State's header and footer, one
// heading, the interface's DSFR stylesheet and fonts). It reports stack-MiB,
// stack-app-MiB, stack-web-MiB, stack-ratio (stack against hello) and
// erpps-stack-ratio (eRPPS against the stack): what the React and DSFR
// stack costs, and what eRPPS adds to it.
func BenchmarkDesktopMemory(b *testing.B) {
	need(b, "go", "npx")
	bin := desktopBinary(b)
	hello := helloWailsBinary(b, "")
	stack := helloWailsBinary(b, stackHelloDist(b))
	data := seededDataDir(b, 50)
	for b.Loop() {
		erpps := desktopPSS(b, "eRPPS Desktop", bin, "--data", data)
		base := desktopPSS(b, "hello", hello)
		floor := desktopPSS(b, "hello", stack)
		b.ReportMetric(erpps.total/(1<<20), "erpps-MiB")
		b.ReportMetric(base.total/(1<<20), "hello-MiB")
		b.ReportMetric(erpps.total/base.total, "ratio")
		// Where the difference is: the app's own process (Go, GTK and the
		// binary's code) and the web process (the page, its scripts and styles).
		b.ReportMetric(erpps.app/(1<<20), "erpps-app-MiB")
		b.ReportMetric(base.app/(1<<20), "hello-app-MiB")
		b.ReportMetric(erpps.web/(1<<20), "erpps-web-MiB")
		b.ReportMetric(base.web/(1<<20), "hello-web-MiB")
		b.ReportMetric(floor.total/(1<<20), "stack-MiB")
		b.ReportMetric(floor.app/(1<<20), "stack-app-MiB")
		b.ReportMetric(floor.web/(1<<20), "stack-web-MiB")
		b.ReportMetric(floor.total/base.total, "stack-ratio")
		b.ReportMetric(erpps.total/floor.total, "erpps-stack-ratio")
	}
}

// stackHelloDist builds the stack's hello page (frontend/hello) with Vite into
// a temporary folder and returns that folder.
func stackHelloDist(b testing.TB) string {
	frontend := filepath.Join(repoRoot(b), "frontend")
	if _, err := os.Stat(filepath.Join(frontend, "public", "dsfr", "dsfr.min.css")); err != nil {
		b.Fatalf("the DSFR static files are missing (cd frontend && npm run build): %v", err)
	}
	out := filepath.Join(b.TempDir(), "dist")
	cmd := exec.Command("npx", "vite", "build", "--config", "hello/vite.config.ts", "--outDir", out, "--logLevel", "warn")
	cmd.Dir = frontend
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("vite build (frontend/hello): %v\n%s", err, msg)
	}
	return out
}

// seededDataDir is a data folder whose store holds n demo practitioners.
func seededDataDir(b testing.TB, n int) string {
	dir := b.TempDir()
	if err := datadir.Ensure(dir); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	db := sqlite.NewDB(datadir.StorePath(dir))
	if err := db.Open(ctx); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	list, err := demo.Generate(n, demo.Seed)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range list {
		if err := db.SavePractitioner(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// processPSS is a desktop's proportional set size in bytes: all its
// processes, the app's own and its WebKitWebProcess.
type processPSS struct {
	total, app, web float64
}

// desktopPSS starts a desktop binary on its own Xvfb display, waits for its
// window titled title and lets the page settle, then returns the PSS in
// bytes of the process and all its descendants (WebKitWebProcess,
// WebKitNetworkProcess); the process is killed afterwards.
func desktopPSS(b testing.TB, title, bin string, args ...string) processPSS {
	display := startXvfb(b)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "XDG_RUNTIME_DIR="+b.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		out, _ := exec.Command("xwininfo", "-display", display, "-root", "-tree").Output()
		if bytes.Contains(out, []byte(`"`+title+`"`)) {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("no window %q within 60 s\n%s", title, stderr.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
	time.Sleep(8 * time.Second) // the web view loads and paints its page
	var got processPSS
	var parts []string
	for _, pid := range processTree(cmd.Process.Pid) {
		p := pss(b, pid)
		got.total += p
		comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		name := strings.TrimSpace(string(comm))
		switch {
		case pid == cmd.Process.Pid:
			got.app = p
		case strings.HasPrefix(name, "WebKitWebProces"):
			got.web += p
		}
		parts = append(parts, fmt.Sprintf("%s %.1f MiB", name, p/(1<<20)))
	}
	b.Logf("%s: %.1f MiB (%s)", title, got.total/(1<<20), strings.Join(parts, ", "))
	return got
}

// processTree is pid and all its descendants, read from /proc.
func processTree(root int) []int {
	parent := map[int]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so cut after ")".
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(fields) > 1 {
			if ppid, err := strconv.Atoi(fields[1]); err == nil {
				parent[pid] = ppid
			}
		}
	}
	in := map[int]bool{root: true}
	for changed := true; changed; {
		changed = false
		for pid, ppid := range parent {
			if in[ppid] && !in[pid] {
				in[pid], changed = true, true
			}
		}
	}
	out := make([]int, 0, len(in))
	for pid := range in {
		out = append(out, pid)
	}
	return out
}

// pss is the proportional set size of pid in bytes.
func pss(b testing.TB, pid int) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) == 3 && fields[0] == "Pss:" {
			kb, err := strconv.ParseFloat(fields[1], 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb * 1024
		}
	}
	b.Fatalf("no Pss line for pid %d", pid)
	return 0
}

// helloMain is the smallest Wails app, with the window options of erpps.
const helloMain = `package main

import (
	"embed"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

//go:embed dist
var assets embed.FS

type App struct{}

func (a *App) Hello() (string, error) { return "hello", nil }

func main() {
	err := wails.Run(&options.App{
		Title:            "hello",
		Width:            1280,
		Height:           860,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		Bind:             []any{&App{}},
		Linux:            &linux.Options{ProgramName: "hello", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
	if err != nil {
		panic(err)
	}
}
`

// helloWailsBinary builds the hello-world Wails app in a temporary module
// that requires the same Wails as erpps (its go.sum copied from erpps). It
// embeds a page with one heading, or the folder dist when it is given.
func helloWailsBinary(b testing.TB, dist string) string {
	root := repoRoot(b)
	dir := b.TempDir()
	wailsVersion := ""
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(goMod), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "github.com/wailsapp/wails/v2" {
			wailsVersion = f[1]
		}
	}
	if wailsVersion == "" {
		b.Fatal("go.mod does not require github.com/wailsapp/wails/v2")
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		b.Fatal(err)
	}
	files := map[string]string{
		"go.mod":          "module hello\n\ngo 1.26\n\nrequire github.com/wailsapp/wails/v2 " + wailsVersion + "\n",
		"go.sum":          string(sum),
		"main.go":         helloMain,
		"dist/index.html": "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>hello</title></head><body><h1>Bonjour</h1></body></html>\n",
	}
	if dist != "" {
		delete(files, "dist/index.html")
		if err := os.CopyFS(filepath.Join(dir, "dist"), os.DirFS(dist)); err != nil {
			b.Fatal(err)
		}
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(dir, "hello")
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = dir
	if msg, err := tidy.CombinedOutput(); err != nil {
		b.Fatalf("go mod tidy (hello): %v\n%s", err, msg)
	}
	build := exec.Command("go", "build", "-tags", "desktop,production,webkit2_41", "-ldflags", "-s -w", "-o", out, ".")
	build.Dir = dir
	if msg, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build (hello): %v\n%s", err, msg)
	}
	return out
}
