//go:build unix

package wasmcache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPrivate(t *testing.T) {
	base := t.TempDir()
	mk := func(name string, mode os.FileMode) string {
		p := filepath.Join(base, name)
		if err := os.Mkdir(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := mk("ok", 0o700)
	open := mk("open", 0o755)
	shared := mk("shared", 0o777)
	sticky := mk("sticky", 0o777|os.ModeSticky)
	inSticky := filepath.Join(sticky, "mine")
	unstuck := mk("unstuck", 0o777)
	inUnstuck := filepath.Join(unstuck, "mine")
	link := filepath.Join(base, "link")
	if err := os.Symlink(ok, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir  string
		want bool
	}{
		{ok, true},
		{open, false},      // others can read the code
		{shared, false},    // others can plant code
		{link, false},      // a link can be pointed elsewhere
		{inSticky, true},   // /tmp-like parent: others cannot move it
		{inUnstuck, false}, // others can rename it and put theirs in its place
		{filepath.Join(base, "missing"), false},
	} {
		if c.dir == inSticky || c.dir == inUnstuck {
			if !ensurePrivate(c.dir) && c.want {
				t.Errorf("ensurePrivate(%s) = false", c.dir)
			}
		}
		if got := private(c.dir); got != c.want {
			t.Errorf("private(%s) = %v, want %v", filepath.Base(c.dir), got, c.want)
		}
	}
}

// TestMain gives the tests the TMPDIR the program started with, as
// graph/draw's init does.
func TestMain(m *testing.M) {
	Restore()
	os.Exit(m.Run())
}
