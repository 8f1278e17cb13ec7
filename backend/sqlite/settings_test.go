package sqlite

import (
	"bytes"
	"context"
	"testing"

	"erpps/backend/erpps"
)

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.GetSetting(ctx, "signing.seed")
		wantCode(t, err, erpps.ENOTFOUND)
	})
	t.Run("SetGetReplace", func(t *testing.T) {
		for _, value := range [][]byte{{0x00, 0xff, 0x10}, []byte("second"), {}} {
			if err := db.SetSetting(ctx, "signing.seed", value); err != nil {
				t.Fatal(err)
			}
			got, err := db.GetSetting(ctx, "signing.seed")
			if err != nil || !bytes.Equal(got, value) {
				t.Fatalf("got %x, %v; want %x", got, err, value)
			}
		}
	})
	t.Run("Delete", func(t *testing.T) {
		if err := db.SetSetting(ctx, "gone", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteSetting(ctx, "gone"); err != nil {
			t.Fatal(err)
		}
		_, err := db.GetSetting(ctx, "gone")
		wantCode(t, err, erpps.ENOTFOUND)
		if err := db.DeleteSetting(ctx, "gone"); err != nil {
			t.Fatalf("deleting an absent setting: %v", err)
		}
	})
	t.Run("ErrKeyRequired", func(t *testing.T) {
		wantCode(t, db.SetSetting(ctx, "", []byte("x")), erpps.EINVALID)
	})
}
