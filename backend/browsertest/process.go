package browsertest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Process is a program a test runs that says on its output when it is
// ready (`erpps web`, `erpps-server serve`). It keeps the last lines of that
// output for failure messages, never the ready line (it may hold a secret).
type Process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	err  error         // Wait's, once done is closed

	mu      sync.Mutex
	tail    []string
	stopped bool
}

// tailLines is how many lines of output a Process keeps.
const tailLines = 40

// StartProcess starts cmd with its standard output and error merged and
// waits up to wait for a line starting with ready; it returns the process
// and the rest of that line. When the process exits first or does not get
// ready in time (it is then killed), the error says so with its last lines.
func StartProcess(cmd *exec.Cmd, ready string, wait time.Duration) (*Process, string, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, "", err
	}
	pw.Close() // the child holds its own copy
	p := &Process{cmd: cmd, done: make(chan struct{})}
	readyc := make(chan string, 1)
	go p.read(pr, ready, readyc)
	go func() { p.err = cmd.Wait(); close(p.done) }()
	select {
	case rest := <-readyc:
		return p, rest, nil
	case <-p.done:
		return nil, "", fmt.Errorf("%s stopped before it was ready (%v)\n%s", cmd.Path, p.err, p.Tail())
	case <-time.After(wait):
		p.Kill()
		return nil, "", fmt.Errorf("%s was not ready within %v\n%s", cmd.Path, wait, p.Tail())
	}
}

// read keeps the output's last lines and hands over the first ready line.
func (p *Process) read(r io.ReadCloser, ready string, readyc chan<- string) {
	defer r.Close()
	sc := bufio.NewScanner(r)
	said := false
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, ready); ok && !said {
			said = true
			readyc <- rest
			continue
		}
		p.mu.Lock()
		p.tail = append(p.tail, line)
		if len(p.tail) > tailLines {
			p.tail = p.tail[1:]
		}
		p.mu.Unlock()
	}
	_, _ = io.Copy(io.Discard, r)
}

// Tail is the last lines the process wrote.
func (p *Process) Tail() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.tail, "\n")
}

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// claim marks the process stopped; false when it already was.
func (p *Process) claim() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return false
	}
	p.stopped = true
	return true
}

// Stop ends the process with SIGTERM and waits up to grace for it to exit,
// killing it after that. It returns an error when the process did not exit
// cleanly or in time; a second call returns nil.
func (p *Process) Stop(grace time.Duration) error {
	if !p.claim() {
		return nil
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		if p.err != nil {
			return fmt.Errorf("%s did not exit cleanly: %v\n%s", p.cmd.Path, p.err, p.Tail())
		}
		return nil
	case <-time.After(grace):
		_ = p.cmd.Process.Kill()
		<-p.done
		return fmt.Errorf("%s did not stop within %v of SIGTERM\n%s", p.cmd.Path, grace, p.Tail())
	}
}

// Kill ends the process abruptly, as a crash or a power cut would, and
// waits for it.
func (p *Process) Kill() {
	if !p.claim() {
		return
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}
