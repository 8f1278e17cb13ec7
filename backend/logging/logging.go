// Package logging sets up the application's structured log (logrus): to a file
// in the data folder and to stderr, with a hook that masks personal data
// should any slip into a message or a field.
package logging

import (
	"fmt"
	"io"
	"os"

	"github.com/sirupsen/logrus"
)

// Options configures a logger.
type Options struct {
	FilePath string    // log file, appended to; empty for none
	Stderr   io.Writer // usually os.Stderr; nil for none
	Level    logrus.Level
}

// New returns a logger writing JSON lines to the file and text to stderr, and a
// function that closes the file.
func New(opts Options) (*logrus.Logger, func() error, error) {
	log := logrus.New()
	log.SetLevel(opts.Level)
	log.SetFormatter(&logrus.JSONFormatter{})
	log.AddHook(RedactHook{})
	closeFn := func() error { return nil }
	var writers []io.Writer
	if opts.FilePath != "" {
		f, err := os.OpenFile(opts.FilePath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("logging: unable to open %s: %w", opts.FilePath, err)
		}
		writers = append(writers, f)
		closeFn = f.Close
	}
	if opts.Stderr != nil {
		writers = append(writers, opts.Stderr)
	}
	if len(writers) == 0 {
		log.SetOutput(io.Discard)
	} else {
		log.SetOutput(io.MultiWriter(writers...))
	}
	return log, closeFn, nil
}

// Discard returns a logger that writes nothing, for tests.
func Discard() *logrus.Logger {
	log := logrus.New()
	log.SetOutput(io.Discard)
	return log
}
