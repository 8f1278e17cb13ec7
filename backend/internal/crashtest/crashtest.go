// Package crashtest runs a child test process that writes to a store and
// kills it with SIGKILL at a chosen moment: the harness of the store's crash
// tests. The child prints "ready" once it has started its work, one line per
// acknowledged write, and "error ..." when something goes wrong.
package crashtest

import (
	"bufio"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"
)

// RunAndKill starts cmd, waits for its "ready" line (20 s at most), lets it
// run for delay, then kills it. Every other line of its standard output is
// given to onLine, in order, from one goroutine. It fails when the child
// reported an error or ended before it was killed.
func RunAndKill(cmd *exec.Cmd, delay time.Duration, onLine func(line string)) error {
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	ready := make(chan struct{})
	var childErr string
	var wg sync.WaitGroup
	wg.Go(func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			line := scanner.Text()
			switch {
			case line == "ready":
				close(ready)
			case strings.HasPrefix(line, "error "):
				childErr = line
			default:
				onLine(line)
			}
		}
	})
	select {
	case <-ready:
		time.Sleep(delay)
	case <-time.After(20 * time.Second):
	}
	killErr := cmd.Process.Kill()
	wg.Wait() // the reader is done: childErr and onLine's results are settled
	waitErr := cmd.Wait()
	if killErr != nil {
		return fmt.Errorf("kill: %w (wait: %v)", killErr, waitErr)
	}
	if childErr != "" {
		return fmt.Errorf("child: %s", childErr)
	}
	// On Unix the child must have died of the signal, not of its own accord
	// (Windows has no signals: Kill terminates the process).
	if ws, ok := cmd.ProcessState.Sys().(interface{ Signaled() bool }); ok && runtime.GOOS != "windows" && !ws.Signaled() {
		return fmt.Errorf("the child ended before it was killed: %v", waitErr)
	}
	return nil
}
