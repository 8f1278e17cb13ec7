package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	sqlite3 "modernc.org/sqlite/lib"

	"erpps/backend/erpps"
	"erpps/backend/fsfault"
)

// The faults a user can act on — a read-only file, a full disk, a file held
// by another program — are told as such, with what to do, at start-up and
// on every write; never as « erreur interne ».

// startupFault is the error to show when opening the store met one of those
// faults, nil for any other error.
func startupFault(shown string, err error) *erpps.Error {
	switch {
	case sqliteCode(err) == sqlite3.SQLITE_FULL || fsfault.IsDiskFull(err):
		return &erpps.Error{Code: erpps.EDISKFULL, Err: err, Message: fmt.Sprintf(
			"Le disque qui contient le fichier de données %s est plein. "+
				"Libérez de la place (supprimez des fichiers inutiles, videz la corbeille), puis relancez eRPPS Desktop.", shown)}
	case sqliteCode(err) == sqlite3.SQLITE_READONLY || sqliteCode(err) == sqlite3.SQLITE_PERM || fsfault.IsReadOnly(err):
		return readOnlyFile(shown, err)
	case sqliteCode(err) == sqlite3.SQLITE_BUSY || sqliteCode(err) == sqlite3.SQLITE_LOCKED:
		return &erpps.Error{Code: erpps.ESTORELOCKED, Err: err, Message: fmt.Sprintf(
			"Le fichier de données %s est verrouillé par un autre programme (un autre eRPPS Desktop, un outil SQLite, une sauvegarde en cours). "+
				"Fermez ce programme, puis relancez eRPPS Desktop.", shown)}
	}
	return nil
}

// fileFault is the error to show when the store file cannot be created or
// opened for writing. existed says whether the file was there: a missing
// file that cannot be created means a read-only folder.
func fileFault(shown string, existed bool, err error) *erpps.Error {
	if fsfault.IsReadOnly(err) && !existed {
		return &erpps.Error{Code: erpps.EREADONLY, Err: err, Message: fmt.Sprintf(
			"Le dossier qui doit contenir le fichier de données %s est en lecture seule : eRPPS Desktop ne peut pas y créer ses données. "+
				"Donnez-vous le droit d'écrire dans ce dossier, ou choisissez-en un autre avec --data, puis relancez eRPPS Desktop.", shown)}
	}
	if e := startupFault(shown, err); e != nil {
		return e
	}
	return cannotOpen(shown, err)
}

func readOnlyFile(shown string, err error) *erpps.Error {
	return &erpps.Error{Code: erpps.EREADONLY, Err: err, Message: fmt.Sprintf(
		"Le fichier de données %s est en lecture seule (ou son disque, ou son dossier) : eRPPS Desktop ne pourrait rien y enregistrer. "+
			"Rendez-le modifiable (propriétés du fichier), ou copiez-le dans un dossier où vous pouvez écrire et indiquez ce dossier avec --data, "+
			"puis relancez eRPPS Desktop.", shown)}
}

// writeFault is the error to show when a read or a write of the store in
// use met one of those faults, nil for any other error.
func writeFault(err error) *erpps.Error {
	switch {
	case sqliteCode(err) == sqlite3.SQLITE_FULL || fsfault.IsDiskFull(err):
		return &erpps.Error{Code: erpps.EDISKFULL, Err: err, Message: "Enregistrement impossible : le disque qui contient vos données est plein. " +
			"Libérez de la place sur le disque (supprimez des fichiers inutiles, videz la corbeille), puis réessayez ; ce qui était déjà enregistré est intact."}
	case sqliteCode(err) == sqlite3.SQLITE_READONLY || sqliteCode(err) == sqlite3.SQLITE_PERM || fsfault.IsReadOnly(err):
		return &erpps.Error{Code: erpps.EREADONLY, Err: err, Message: "Enregistrement impossible : le fichier de données ne peut plus être modifié (lecture seule). " +
			"Ce qui était déjà enregistré est intact. Fermez eRPPS Desktop, rendez le fichier et son dossier modifiables, puis relancez-le."}
	case sqliteCode(err) == sqlite3.SQLITE_BUSY || sqliteCode(err) == sqlite3.SQLITE_LOCKED:
		return &erpps.Error{Code: erpps.ESTORELOCKED, Err: err, Message: "Enregistrement impossible pour l'instant : le fichier de données est occupé par un autre programme. " +
			"Réessayez dans un instant ; si cela dure, fermez les autres programmes qui l'utilisent."}
	}
	return nil
}

// diagnoseIO looks for the cause of an I/O error SQLite reported without
// one: it opens the store's files for writing (writing nothing to them) and
// writes a small file beside them. It returns the file system's error, nil
// when everything works.
func diagnoseIO(path string) error {
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		f, err := os.OpenFile(name, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		f.Close()
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".erpps-write-check-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(make([]byte, 64<<10))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
