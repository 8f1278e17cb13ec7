package app

import (
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"erpps/backend/erpps"
)

// SelfTestReport is what the UI's self-test of the desktop bindings found
// (`erpps --selftest`): how many checks passed and which failed.
type SelfTestReport struct {
	Passed   int      `json:"passed"`
	Failures []string `json:"failures"`
}

// FinishSelfTest receives the UI's self-test report, logs it and closes the
// window; the process then exits with 0 when every check passed.
func (a *App) FinishSelfTest(report SelfTestReport) error {
	if !a.deps.Info.SelfTest {
		return erpps.Errorf(erpps.EFORBIDDEN, "L'auto-test n'est pas en cours.")
	}
	a.selfTest = &report
	if a.deps.Log != nil {
		entry := a.deps.Log.WithField("passed", report.Passed).WithField("failed", len(report.Failures))
		if len(report.Failures) > 0 {
			entry.WithField("failures", strings.Join(report.Failures, "; ")).Error("self-test failed")
		} else {
			entry.Info("self-test passed")
		}
	}
	if a.ctx != a.base {
		runtime.Quit(a.ctx)
	}
	return nil
}

// SelfTestPassed tells whether a self-test report arrived and had no failure.
func SelfTestPassed(a *App) bool {
	return a.selfTest != nil && len(a.selfTest.Failures) == 0 && a.selfTest.Passed > 0
}
