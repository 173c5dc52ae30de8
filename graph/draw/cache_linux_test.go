package draw

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// nobody is the user the two-user test runs its second program as.
const nobody = 65534

// TestCacheTwoUsers runs the drawing program as root and as another user
// with one shared, world-writable TMPDIR (as /tmp is): both draw, each with
// a cache only it can write. Then it plants, as the other user, the folders
// root would use: root must draw without loading anything from them. It
// needs root to change user, and is skipped otherwise.
func TestCacheTwoUsers(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a program as another user")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	// a copy of the test binary every user can run, and shared folders
	base, err := os.MkdirTemp("", "citegraph-users-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	must(t, os.Chmod(base, 0o755))
	bin := filepath.Join(base, "draw.test")
	copyFile(t, exe, bin)
	shared := filepath.Join(base, "tmp")
	must(t, os.Mkdir(shared, 0o777))
	must(t, os.Chmod(shared, 0o777|os.ModeSticky))
	asNobody := func(cmd *exec.Cmd) {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}

	root := runChild(t, bin, []string{"TMPDIR=" + shared}, nil)
	other := runChild(t, bin, []string{"TMPDIR=" + shared}, asNobody)
	for _, c := range []struct {
		got childResult
		uid uint32
	}{{root, 0}, {other, nobody}} {
		if filepath.Dir(c.got.dir) != shared || !c.got.persistent {
			t.Errorf("uid %d: cache in %q (persistent %v), want a folder of its own in %s", c.uid, c.got.dir, c.got.persistent, shared)
			continue
		}
		fi, err := os.Lstat(c.got.dir)
		if err != nil || fi.Sys().(*syscall.Stat_t).Uid != c.uid || fi.Mode().Perm() != 0o700 {
			t.Errorf("uid %d: cache folder %s: %v %v, want mode 0700 owned by the user", c.uid, c.got.dir, fi.Mode(), err)
		}
	}
	if root.dir == other.dir {
		t.Errorf("both users share %s", root.dir)
	}
	if _, err := os.Stat(filepath.Join(shared, "go-graphviz")); err == nil {
		t.Error("a shared go-graphviz folder was made in TMPDIR")
	}

	// the other user plants root's folders first
	planted := filepath.Join(base, "tmp2")
	must(t, os.Mkdir(planted, 0o777))
	must(t, os.Chmod(planted, 0o777|os.ModeSticky))
	for _, d := range []string{"citegraph-0", "citegraph-0/go-graphviz", "go-graphviz"} {
		p := filepath.Join(planted, d)
		must(t, os.Mkdir(p, 0o700))
		must(t, os.Lchown(p, nobody, nobody))
	}
	got := runChild(t, bin, []string{"TMPDIR=" + planted}, nil)
	if got.persistent || got.dir == "" || filepath.Dir(got.dir) != planted || filepath.Base(got.dir) == "citegraph-0" {
		t.Errorf("with planted folders: cache in %q (persistent %v), want a fresh folder of root's", got.dir, got.persistent)
	}
	if _, err := os.Stat(got.dir); err == nil {
		t.Errorf("the folder made for one run, %s, was not removed", got.dir)
	}
	for _, d := range []string{"citegraph-0/go-graphviz", "go-graphviz"} {
		if names := entries(t, filepath.Join(planted, d)); len(names) != 0 {
			t.Errorf("root's run wrote %q into the planted %s", names, d)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	must(t, err)
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	must(t, err)
	_, err = io.Copy(dst, src)
	must(t, err)
	must(t, dst.Close())
}
