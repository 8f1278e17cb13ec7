package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// querier runs queries: a *sql.Tx, or a cachedTx on the hot paths.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// stmtCache keeps the statements of the hot paths (the autosave's read and
// write) prepared, per pool: parsing their SQL again at every keystroke was
// a quarter of the autosave's time. database/sql prepares a statement once
// per connection and reuses it in every transaction on that connection.
//
// A statement is prepared outside any transaction (the write pool has one
// connection: preparing on the pool inside a transaction would wait for
// it forever): a transaction that misses one runs the query unprepared and
// asks for it; prepareWanted prepares what was asked once the transaction
// is over.
type stmtCache struct {
	mu     sync.Mutex
	m      map[stmtKey]*sql.Stmt
	wanted map[stmtKey]bool
}

type stmtKey struct {
	pool  *sql.DB
	query string
}

// lookup returns query prepared on pool, or nil after noting it is wanted.
func (c *stmtCache) lookup(pool *sql.DB, query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := stmtKey{pool, query}
	if st := c.m[k]; st != nil {
		return st
	}
	if c.wanted == nil {
		c.wanted = map[stmtKey]bool{}
	}
	c.wanted[k] = true
	return nil
}

// prepareWanted prepares the statements transactions asked for. Call it
// outside any transaction. A statement that fails to prepare is asked for
// again by the next transaction that misses it.
func (c *stmtCache) prepareWanted(ctx context.Context) {
	c.mu.Lock()
	wanted := c.wanted
	c.wanted = nil
	c.mu.Unlock()
	for k := range wanted {
		st, err := k.pool.PrepareContext(ctx, k.query)
		if err != nil {
			continue // the queries run unprepared: slower, not wrong
		}
		c.mu.Lock()
		if c.m == nil {
			c.m = map[stmtKey]*sql.Stmt{}
		}
		if c.m[k] == nil {
			c.m[k], st = st, nil
		}
		c.mu.Unlock()
		if st != nil {
			_ = st.Close() // prepared twice
		}
	}
}

// close closes every statement; the cache can be used again after.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.m {
		errs = append(errs, st.Close())
	}
	c.m, c.wanted = nil, nil
	return errors.Join(errs...)
}

// cachedTx runs the queries of tx with the statements of cache, prepared on
// pool, the pool tx belongs to.
type cachedTx struct {
	tx    *sql.Tx
	cache *stmtCache
	pool  *sql.DB
}

func (c cachedTx) stmt(ctx context.Context, query string) *sql.Stmt {
	if st := c.cache.lookup(c.pool, query); st != nil {
		return c.tx.StmtContext(ctx, st)
	}
	return nil
}

func (c cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.tx.QueryContext(ctx, query, args...)
}

func (c cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.tx.QueryRowContext(ctx, query, args...)
}

func (c cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.tx.ExecContext(ctx, query, args...)
}

// prepared returns query prepared on pool, preparing it on first use. Call
// it outside any transaction of pool.
func (c *stmtCache) prepared(ctx context.Context, pool *sql.DB, query string) (*sql.Stmt, error) {
	k := stmtKey{pool, query}
	c.mu.Lock()
	st := c.m[k]
	c.mu.Unlock()
	if st != nil {
		return st, nil
	}
	st, err := pool.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[stmtKey]*sql.Stmt{}
	}
	if old := c.m[k]; old != nil {
		_ = st.Close() // prepared twice
		return old, nil
	}
	c.m[k] = st
	return st, nil
}

// readOne runs query, a single statement, on the read pool, prepared once.
// A single statement sees one state of the file: it needs no transaction,
// whose BEGIN and ROLLBACK would cost as much as the query.
func (db *DB) readOne(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if db.read == nil {
		return nil, errors.New("store: the database is not open")
	}
	st, err := db.stmts.prepared(ctx, db.read, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// readRow runs query, a single statement, on the read pool, prepared once
// (see readOne), and scans its first row into dest: sql.ErrNoRows when it
// has none.
func (db *DB) readRow(ctx context.Context, query string, args []any, dest ...any) error {
	rows, err := db.readOne(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}
