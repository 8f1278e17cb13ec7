package datadir

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	home := func() (string, error) { return "/home/u/.config", nil }
	noHome := func() (string, error) { return "", errors.New("no home") }
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvVar {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name    string
		flag    string
		env     string
		home    func() (string, error)
		want    string
		wantErr bool
	}{
		{"FlagWins", "/tmp/a", "/tmp/b", home, "/tmp/a", false},
		{"EnvWhenNoFlag", "", "/tmp/b", home, "/tmp/b", false},
		{"DefaultConfigDir", "", "", home, filepath.Join("/home/u/.config", "erpps"), false},
		{"ErrNoConfigDir", "", "", noHome, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.flag, env(tt.env), tt.home)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEnsureCreatesPrivateFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x", "erpps")
	if err := Ensure(dir); err != nil {
		t.Fatal(err)
	}
	if got := StorePath(dir); filepath.Dir(got) != dir {
		t.Fatalf("store path %s not in %s", got, dir)
	}
}
