package server

import (
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// svgModules finds the modules the companion's SVG draws ("M<x> <y>h1v1h-1z").
var svgModules = regexp.MustCompile(`M(\d+) (\d+)h1v1h-1z`)
var svgViewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)

// rasterize draws the SVG's modules into a PNG file, 8 pixels a module.
func rasterize(t *testing.T, svg string) string {
	t.Helper()
	vb := svgViewBox.FindStringSubmatch(svg)
	if vb == nil {
		t.Fatalf("no viewBox in %.80s", svg)
	}
	side, _ := strconv.Atoi(vb[1])
	const scale = 8
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, m := range svgModules.FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		for dy := range scale {
			for dx := range scale {
				img.SetGray(x*scale+dx, y*scale+dy, color.Gray{})
			}
		}
	}
	path := filepath.Join(t.TempDir(), "qr.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

// decodeQR reads the QR code of a PNG with zbar.
func decodeQR(t *testing.T, path string) string {
	t.Helper()
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("zbarimg is missing (apt-get install -y zbar-tools): %v", err)
		}
		t.Skip("zbarimg is missing (apt-get install -y zbar-tools)")
	}
	out, err := exec.Command(zbar, "--raw", "-q", path).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// TestCompanionQR: the connection page's QR code opens the phone companion
// on this server, with the identifier in the fragment when given.
func TestCompanionQR(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct{ path, want string }{
		{"/api/v1/ecps/companion.svg", "http://example.com/mobile"},
		{"/api/v1/ecps/companion.svg?identifiant=810000000009", "http://example.com/mobile#identifiant=810000000009"},
	} {
		r := e.do(call{method: "GET", path: tc.path})
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d %s", tc.path, r.status, r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "image/svg+xml" {
			t.Errorf("Content-Type = %q", ct)
		}
		if got := decodeQR(t, rasterize(t, string(r.body))); got != tc.want {
			t.Errorf("GET %s: the QR code reads %q, want %q", tc.path, got, tc.want)
		}
	}
	for _, bad := range []string{"10000000009", "8100000000091", "8abc", "810000000009#x"} {
		r := e.do(call{method: "GET", path: "/api/v1/ecps/companion.svg?identifiant=" + strings.ReplaceAll(bad, "#", "%23")})
		if r.status != http.StatusBadRequest {
			t.Errorf("identifiant=%q: status %d, want 400", bad, r.status)
		}
	}
}

func TestCompanionURLRefusesOddHosts(t *testing.T) {
	for host, ok := range map[string]bool{
		"erpps.ars.fr":        true,
		"192.168.1.20:8080":   true,
		"[::1]:8080":          true,
		"evil.org/x":          false,
		"a b":                 false,
		`x"><script>`:         false,
		"erpps.ars.fr:8080#x": false,
	} {
		r := httptest.NewRequest("GET", "/api/v1/ecps/companion.svg", nil)
		r.Host = host
		_, err := companionURL(r, "")
		if (err == nil) != ok {
			t.Errorf("host %q: err = %v, want ok=%v", host, err, ok)
		}
	}
}

func TestCompanionURLUsesThePublicAddress(t *testing.T) {
	r := httptest.NewRequest("GET", "/api/v1/ecps/companion.svg?identifiant=810000000009", nil)
	r.Host = "127.0.0.1:8443"
	got, err := companionURL(r, "https://erpps.ars-normandie.fr/")
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://erpps.ars-normandie.fr/mobile#identifiant=810000000009"; got != want {
		t.Errorf("companion URL %q, want %q (a phone cannot reach the computer's 127.0.0.1)", got, want)
	}
}
