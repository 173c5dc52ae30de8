package draw

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/draw/internal/wasmcache"
)

// childEnv, when set, makes the test binary a child program for the cache
// tests: it draws testDOT and prints where go-graphviz's cache went.
const childEnv = "CITEGRAPH_DRAW_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		var b bytes.Buffer
		if err := SVG(context.Background(), &b, []byte(testDOT), ""); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		tmp, _ := os.LookupEnv("TMPDIR")
		fmt.Printf("%s\n%v\n%s\n", wasmcache.Dir, wasmcache.Persistent, tmp)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// childResult is what a child run reported.
type childResult struct {
	dir        string // wasmcache.Dir
	persistent bool
	tmpdir     string // TMPDIR once the program had started
}

// runChild runs the test binary bin as a child program with the given
// environment (nothing inherited but PATH), as the user prepared by setUser
// (nil: this user), and fails the test unless it drew the diagram.
func runChild(t *testing.T, bin string, env []string, setUser func(*exec.Cmd)) childResult {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = append([]string{childEnv + "=1", "PATH=" + os.Getenv("PATH")}, env...)
	if setUser != nil {
		setUser(cmd)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child with %q: %v\n%s", env, err, stderr.Bytes())
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("child printed %q", out)
	}
	return childResult{lines[0], lines[1] == "true", lines[2]}
}

// entries lists a folder's names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

// TestCacheNotInSharedTemp checks, in a child process, that go-graphviz
// never caches its compiled code in $TMPDIR/go-graphviz, a folder shared by
// every user of the machine: it goes to the user's cache folder, else to a
// private $TMPDIR/citegraph-UID; and that TMPDIR is given back afterwards.
func TestCacheNotInSharedTemp(t *testing.T) {
	bin, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	tmp, home := t.TempDir(), t.TempDir()

	got := runChild(t, bin, []string{"TMPDIR=" + tmp, "HOME=" + home}, nil)
	if want := filepath.Join(home, ".cache", "citegraph"); got.dir != want || !got.persistent {
		t.Errorf("with a home folder: cache in %q (persistent %v), want %q", got.dir, got.persistent, want)
	}
	if got.tmpdir != tmp {
		t.Errorf("TMPDIR after start-up = %q, want it restored to %q", got.tmpdir, tmp)
	}
	if _, err := os.Stat(filepath.Join(home, ".cache", "citegraph", "go-graphviz")); err != nil {
		t.Errorf("no cache in the user's cache folder: %v", err)
	}
	if names := entries(t, tmp); len(names) != 0 {
		t.Errorf("with a home folder, TMPDIR holds %q, want nothing", names)
	}

	got = runChild(t, bin, []string{"TMPDIR=" + tmp}, nil)
	want := filepath.Join(tmp, "citegraph-"+strconv.Itoa(os.Getuid()))
	if got.dir != want || !got.persistent {
		t.Errorf("without a home folder: cache in %q (persistent %v), want %q", got.dir, got.persistent, want)
	}
	if names := entries(t, tmp); len(names) != 1 || names[0] != filepath.Base(want) {
		t.Errorf("TMPDIR holds %q, want only %s (no shared go-graphviz folder)", names, filepath.Base(want))
	}
	if fi, err := os.Lstat(want); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("private cache folder: %v, %v; want mode 0700", fi.Mode(), err)
	}
}
