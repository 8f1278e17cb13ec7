// Package logging sets up the application's structured log (logrus): to a file
// in the data folder and to stderr, with a hook that masks personal data
// should any slip into a message or a field.
package logging

import (
	"io"

	"github.com/sirupsen/logrus"
)

// Options configures a logger.
type Options struct {
	FilePath string    // log file, appended to, created 0600; empty for none
	Stderr   io.Writer // usually os.Stderr; nil for none
	Level    logrus.Level
	// MaxBytes is the size past which the file is rotated
	// (DefaultMaxBytes when 0); Backups how many older files are kept
	// (DefaultBackups when 0).
	MaxBytes int64
	Backups  int
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
		maxBytes, backups := opts.MaxBytes, opts.Backups
		if maxBytes <= 0 {
			maxBytes = DefaultMaxBytes
		}
		if backups <= 0 {
			backups = DefaultBackups
		}
		f, err := openRotating(opts.FilePath, maxBytes, backups)
		if err != nil {
			return nil, nil, err
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
