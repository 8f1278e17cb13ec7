package datadir

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"erpps/backend/erpps"
)

// errLocked says another process holds the lock.
var errLocked = errors.New("datadir: the folder is in use by another process")

// Lock is held by the one erpps that uses a data folder. The system releases
// it when the process ends, even killed: a folder whose lock can be taken is
// not in use.
type Lock struct {
	f *os.File
}

// Acquire takes the lock of dir without waiting. A folder held by another
// erpps gives ESTORELOCKED with what to do.
func Acquire(dir string) (*Lock, error) {
	l, err := tryLock(LockPath(dir))
	if errors.Is(err, errLocked) {
		return nil, &erpps.Error{Code: erpps.ESTORELOCKED, Err: err, Message: fmt.Sprintf(
			"Le dossier de données %s est déjà utilisé par un autre eRPPS Desktop (fenêtre ou erpps web) ouvert sur cet ordinateur. "+
				"Fermez-le puis relancez, ou choisissez un autre dossier avec --data.", dir)}
	}
	if err != nil {
		return nil, folderFault(dir, err)
	}
	// The holder's process id, for a person looking at the folder.
	_ = l.f.Truncate(0)
	_, _ = l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return l, nil
}

// Release lets another process take the folder. It may be called on a nil
// lock and more than once.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
