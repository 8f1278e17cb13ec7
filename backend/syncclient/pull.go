package syncclient

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"erpps/backend/erpps"
)

// pull applies the changes after cursor page by page until the server has
// no more, taking a snapshot when the cursor is too old for an incremental
// pull. It returns the ids of the requests pulled (but those at the version
// echoes says this desktop wrote) and the new cursor.
func (c *Client) pull(ctx context.Context, cursor int64, echoes map[string]int64, resyncFirst bool) ([]string, int64, error) {
	var changed []string
	resynced := false
	if resyncFirst {
		// The server lost changes this desktop has (restored from a
		// backup): only a snapshot says what it has now.
		resynced = true
		ids, at, err := c.resync(ctx)
		changed = append(changed, ids...)
		if err != nil {
			return changed, cursor, err
		}
		cursor = at
	}
	for {
		q := url.Values{"cursor": {strconv.FormatInt(cursor, 10)}, "limit": {strconv.Itoa(c.cfg.PullLimit)}}
		var page erpps.PullResponse
		if err := c.call(ctx, "GET", pathPull+"?"+q.Encode(), c.cfg.RequestTimeout, nil, &page); err != nil {
			return changed, cursor, err
		}
		if page.Resync {
			if resynced {
				return changed, cursor, erpps.Internal(fmt.Errorf("syncclient: the server asks for a resync right after a snapshot at %d", cursor))
			}
			resynced = true
			ids, at, err := c.resync(ctx)
			changed = append(changed, ids...)
			if err != nil {
				return changed, cursor, err
			}
			cursor = at
			continue
		}
		if len(page.Revoked) > 0 {
			ids, err := c.cfg.Store.ForgetRecords(ctx, page.Revoked)
			changed = append(changed, ids...)
			if err != nil {
				return changed, cursor, fmt.Errorf("syncclient: unable to remove the records no longer shared: %w", err)
			}
		}
		if page.More && page.Cursor <= cursor {
			return changed, cursor, erpps.Internal(fmt.Errorf("syncclient: the pull from %d says more but does not advance", cursor))
		}
		if err := c.cfg.Store.ApplyChanges(ctx, page.Changes, page.Cursor, c.cfg.Now().UTC()); err != nil {
			return changed, cursor, fmt.Errorf("syncclient: unable to apply the changes after %d: %w", cursor, err)
		}
		for _, ch := range page.Changes {
			if ch.Kind != erpps.ChangeRequest {
				continue
			}
			if v, ok := echoes[ch.ID]; ok && ch.Request != nil && ch.Request.Revision == v {
				continue // this desktop's own write: nothing new locally
			}
			changed = append(changed, ch.ID)
		}
		cursor = page.Cursor
		if !page.More {
			return changed, cursor, nil
		}
	}
}

// resync replaces the server's part of the local data by a snapshot and
// returns the ids of its requests and its cursor.
func (c *Client) resync(ctx context.Context) ([]string, int64, error) {
	var snap erpps.Snapshot
	if err := c.call(ctx, "GET", pathSnapshot, c.cfg.RequestTimeout, nil, &snap); err != nil {
		return nil, 0, err
	}
	gone, err := c.cfg.Store.ForgetRecords(ctx, snap.Revoked)
	if err != nil {
		return gone, 0, fmt.Errorf("syncclient: unable to remove the records no longer shared: %w", err)
	}
	if err := c.cfg.Store.ApplySnapshot(ctx, &snap, c.cfg.Now().UTC()); err != nil {
		return gone, 0, fmt.Errorf("syncclient: unable to apply the snapshot: %w", err)
	}
	ids := make([]string, 0, len(snap.Requests)+len(gone))
	ids = append(ids, gone...)
	for _, r := range snap.Requests {
		ids = append(ids, r.ID)
	}
	return ids, snap.Cursor, nil
}
