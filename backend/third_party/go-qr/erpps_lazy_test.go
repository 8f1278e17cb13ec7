package go_qr

import (
	"os"
	"os/exec"
	"testing"
)

// TestKanjiTableFilledOnFirstUse (erpps patch): the 512 KB Kanji table is
// filled when a Kanji segment is first made or checked, not at start. The
// check runs in a fresh process, where no other test has used the table.
func TestKanjiTableFilledOnFirstUse(t *testing.T) {
	if os.Getenv("ERPPS_GOQR_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKanjiTableFilledOnFirstUse$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ERPPS_GOQR_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	if unicdeToQRKanji[0] != 0 {
		t.Fatalf("the Kanji table is filled at start (unicdeToQRKanji[0] = %d)", unicdeToQRKanji[0])
	}
	if isKanji('A') || !isKanji(0x6F22) { // 漢
		t.Fatal("isKanji is wrong after the table is filled on first use")
	}
}
