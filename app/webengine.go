package app

import "fmt"

// WebEngineSettings are the options the desktop's web view runs with
// (WebKitGTK on Linux; other engines ignore them). WebKitGTK and
// JavaScriptCore read them from the environment, which the web view's
// processes inherit.
//
//   - JSC_useJIT=false: the interface's scripts run in JavaScriptCore's
//     interpreter. The window then takes 14–18 MiB less (the JIT's code and
//     its compilers' memory) and the engine has no machine code written at run
//     time, one less thing to attack in a program that holds health data. The
//     interface is forms and lists: `erpps --selftest` (start, load the whole
//     interface, run its checks, quit) takes 2.16–2.21 s against 2.06 s with
//     the JIT.
//   - JSC_largeHeapSize=4 MiB: the first collection runs after 4 MiB of
//     allocations instead of 32, so what the first render leaves behind is not
//     kept until the user starts typing (about 3–4 MiB).
//   - WEBKIT_DISABLE_DMABUF_RENDERER=1: the web process hands its painted
//     frames to the window without DMA-BUF buffers, which the app's process
//     would draw with OpenGL ES. The window asks for no GPU
//     (WebviewGpuPolicyNever: forms and lists need none), so that GL context
//     only copied pixels: without it the app's process loads neither
//     libGLESv2 nor Mesa's shader cache and takes 5–6 MiB less. The same
//     setting is the usual way out of blank WebKitGTK windows on some GPU
//     drivers.
//
// Measured with BenchmarkDesktopMemory (app/e2e); TestDesktopWindowUnderXvfb
// checks that each reaches the web view's process.
func WebEngineSettings() [][2]string {
	return [][2]string{
		{"JSC_useJIT", "false"},
		{"JSC_largeHeapSize", "4194304"},
		{"WEBKIT_DISABLE_DMABUF_RENDERER", "1"},
	}
}

// applyWebEngineSettings sets each web engine setting that the environment
// does not set already: whoever sets one (JSC_useJIT=true to compare) keeps
// their value.
func applyWebEngineSettings(lookup func(string) (string, bool), set func(key, value string) error) error {
	for _, kv := range WebEngineSettings() {
		if _, ok := lookup(kv[0]); ok {
			continue
		}
		if err := set(kv[0], kv[1]); err != nil {
			return fmt.Errorf("app: unable to set %s for the web view: %w", kv[0], err)
		}
	}
	return nil
}
