package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"erpps/backend/erpps"
)

// sqliteMagic starts every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// preflight checks, without writing anything, that the file at abs (named
// shown in messages) is a SQLite database in good health whose schema this
// code knows. A missing or empty file is a new store and passes.
func preflight(ctx context.Context, abs, shown string, known int, quickCheck bool) error {
	info, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return cannotOpen(shown, err)
	}
	if info.IsDir() {
		return cannotOpen(shown, errors.New("the path is a directory"))
	}
	if info.Size() == 0 {
		return nil
	}
	headerVersion, err := checkHeader(abs, shown)
	if err != nil {
		return err
	}
	if headerVersion > known {
		// Refused before SQLite opens the file: not even a -wal or -shm
		// file appears beside it.
		return newerStore(shown, headerVersion, known)
	}

	ro, err := sql.Open("sqlite", dsn(abs, "_pragma=busy_timeout(5000)")+"&mode=ro")
	if err != nil {
		return cannotOpen(shown, err)
	}
	defer ro.Close()
	ro.SetMaxOpenConns(1)

	var version int
	if err := ro.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return openError(shown, fmt.Errorf("store: unable to read the schema version: %w", err))
	}
	if version > known {
		return newerStore(shown, version, known)
	}
	if !quickCheck {
		return nil
	}
	problems, err := checkPragma(ctx, ro, "PRAGMA quick_check")
	if err != nil {
		return openError(shown, fmt.Errorf("store: unable to run quick_check: %w", err))
	}
	if problems != nil {
		return corruptStore(shown, fmt.Errorf("quick_check: %q", problems))
	}
	return nil
}

// checkHeader reads the first 100 bytes, the database header: a file that
// does not start with them is not a SQLite database. It returns the
// user_version the header holds (the write-ahead log may hold a newer one).
func checkHeader(abs, shown string) (int, error) {
	f, err := os.Open(abs)
	if err != nil {
		return 0, cannotOpen(shown, err)
	}
	defer f.Close()
	header := make([]byte, 100)
	if _, err := io.ReadFull(f, header); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return 0, corruptStore(shown, errors.New("the file is shorter than a SQLite header"))
		}
		return 0, cannotOpen(shown, err)
	}
	if !bytes.Equal(header[:16], sqliteMagic) {
		return 0, corruptStore(shown, errors.New("the file does not start with the SQLite header"))
	}
	pageSize := int(binary.BigEndian.Uint16(header[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return 0, corruptStore(shown, fmt.Errorf("invalid page size %d", pageSize))
	}
	return int(int32(binary.BigEndian.Uint32(header[60:64]))), nil
}

// checkPragma runs an integrity pragma and returns its complaints, nil when
// it answers "ok".
func checkPragma(ctx context.Context, q queryer, pragma string) ([]string, error) {
	rows, err := q.QueryContext(ctx, pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(lines) == 1 && lines[0] == "ok" {
		return nil, nil
	}
	if len(lines) == 0 {
		lines = []string{"no answer"}
	}
	return lines, nil
}

// queryer is what checkPragma needs of a *sql.DB or *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// openError turns an error met while checking or opening the file into the
// error to show: a damaged file when SQLite says so, a read-only file, a
// full disk or a file locked by another program with what to do, a failure
// to open otherwise.
func openError(shown string, err error) error {
	if isCorruption(err) {
		return corruptStore(shown, err)
	}
	if e := startupFault(shown, err); e != nil {
		return e
	}
	return cannotOpen(shown, err)
}

// prepareFile makes the store file private before SQLite opens it: a
// missing file is created empty with mode 0600 (SQLite would create it 0644
// less the umask; it gives the -wal and -shm files the mode of the store
// file), and an older file or companion with a looser mode is made 0600. It
// opens the file for writing, so that a read-only file is told now rather
// than at the first save. The content is not touched.
func prepareFile(abs, shown string) error {
	info, err := os.Stat(abs)
	if err == nil && info.IsDir() {
		return nil // preflight says so
	}
	existed := err == nil
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fileFault(shown, existed, fmt.Errorf("store: unable to open the database file for writing: %w", err))
	}
	defer f.Close()
	makePrivate(f)
	for _, suffix := range []string{"-wal", "-shm"} {
		g, err := os.OpenFile(abs+suffix, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fileFault(shown, true, fmt.Errorf("store: unable to open %s for writing: %w", suffix, err))
		}
		makePrivate(g)
		g.Close()
	}
	return nil
}

// makePrivate takes away what others could read or write of f, where the
// file system keeps modes: a FAT USB stick refuses chmod, and that does not
// stop the store from working.
func makePrivate(f *os.File) {
	if info, err := f.Stat(); err == nil && info.Mode().Perm()&0o077 != 0 {
		_ = f.Chmod(info.Mode().Perm() & 0o700)
	}
}

func corruptStore(shown string, cause error) *erpps.Error {
	return &erpps.Error{
		Code: erpps.ESTORECORRUPT,
		Message: fmt.Sprintf("Le fichier de données %s est endommagé ; il n'a pas été modifié. "+
			"Conservez-le, restaurez une sauvegarde ou déplacez-le pour repartir d'un dossier vide, "+
			"puis relancez eRPPS Desktop.", shown),
		Err: fmt.Errorf("store: damaged database: %w", cause),
	}
}

// damagedStore is the error for damage found while the store is in use.
func damagedStore(shown string, cause error) *erpps.Error {
	return &erpps.Error{
		Code: erpps.ESTORECORRUPT,
		Message: fmt.Sprintf("Le fichier de données %s est endommagé. Fermez eRPPS Desktop, "+
			"conservez ce fichier et restaurez une sauvegarde.", shown),
		Err: fmt.Errorf("store: damaged database: %w", cause),
	}
}

func newerStore(shown string, version, known int) *erpps.Error {
	return &erpps.Error{
		Code: erpps.ESTORENEWER,
		Message: fmt.Sprintf("Le fichier de données %s a été créé par une version plus récente d'eRPPS Desktop ; "+
			"il n'a pas été modifié. Installez la dernière version de l'application pour l'ouvrir.", shown),
		Err: fmt.Errorf("store: schema version %d is newer than the %d this version knows", version, known),
	}
}

func cannotOpen(shown string, cause error) *erpps.Error {
	return &erpps.Error{
		Code: erpps.ESTOREOPEN,
		Message: fmt.Sprintf("Impossible d'ouvrir le fichier de données %s. "+
			"Vérifiez qu'il est accessible et qu'eRPPS Desktop n'est pas déjà ouvert.", shown),
		Err: fmt.Errorf("store: unable to open the database: %w", cause),
	}
}
