package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedFile is one seed document: a report on it is quick and draws a
// diagram.
var seedFile = filepath.Join(repoRoot, "seeds", "000_554c40267265d8d9.txt")

// previousOutputs fills dir with the outputs of an earlier run.
func previousOutputs(t *testing.T, dir string) {
	t.Helper()
	for _, name := range []string{"citations.svg", "citations.dot"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("previous "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkPrevious fails unless dir holds exactly the outputs of
// previousOutputs: unchanged, and no temporary file left behind.
func checkPrevious(t *testing.T, dir string) {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	if strings.Join(names, " ") != "citations.dot citations.svg" {
		t.Errorf("output folder holds %q, want only the previous citations.dot and citations.svg", names)
	}
	for _, name := range []string{"citations.svg", "citations.dot"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != "previous "+name {
			t.Errorf("%s is now %.40q, %v; want the previous file intact", name, b, err)
		}
	}
}

// reportDespite runs a report whose diagram cannot be written to out and
// checks that the report is printed all the same and the run fails naming
// the reason.
func reportDespite(t *testing.T, out, reason string) {
	t.Helper()
	stdout, _, err := citegraph(t, "-width", "100", "-color", "never", "-out", out, seedFile)
	if err == nil || !strings.Contains(err.Error(), "outputs not written to "+out) || !strings.Contains(err.Error(), reason) {
		t.Errorf("err = %v; want outputs not written to %s: …%s", err, out, reason)
	}
	if !strings.Contains(stdout, "Most central works") {
		t.Errorf("no report on stdout when the diagram failed:\n%s", stdout)
	}
}

func TestOutputIsAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(out, []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	reportDespite(t, out, "not a directory")
	if b, _ := os.ReadFile(out); string(b) != "a file" {
		t.Errorf("-out file overwritten: %q", b)
	}
}

// TestOutputSymlinkNotFollowed: citations.dot is a link to a file outside
// the output folder; the run replaces the link and leaves that file alone.
func TestOutputSymlinkNotFollowed(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	out := filepath.Join(dir, "out")
	if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"citations.dot", "citations.svg"} {
		if err := os.Symlink(victim, filepath.Join(out, name)); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, err := citegraph(t, "-out", out, seedFile); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the file a link pointed at was overwritten: %.40q", b)
	}
	for _, name := range []string{"citations.dot", "citations.svg"} {
		fi, err := os.Lstat(filepath.Join(out, name))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != outputMode {
			t.Errorf("%s: %v %v, want a regular file, mode %o", name, fi.Mode(), err, outputMode)
		}
	}
}

// TestOutputReadOnlyFolder needs a folder this user cannot write: root can
// write anywhere, and gets a read-only mount in TestOutputFullDisk instead.
func TestOutputReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	out := t.TempDir()
	previousOutputs(t, out)
	if err := os.Chmod(out, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(out, 0o755) })
	reportDespite(t, out, "permission denied")
	checkPrevious(t, out)
}

func TestOutFiles(t *testing.T) {
	dir := t.TempDir()
	o, err := newOutFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "..", "a/b", "../x"} {
		if _, err := o.Create(bad); err == nil {
			t.Errorf("Create(%q): no error", bad)
		}
	}
	w, err := o.Create("a.txt")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("new"))
	if _, err := os.Stat(filepath.Join(dir, "a.txt")); err == nil {
		t.Error("a.txt exists before Commit")
	}
	paths, err := o.Commit()
	if err != nil || len(paths) != 1 || paths[0] != filepath.Join(dir, "a.txt") {
		t.Fatalf("Commit = %q, %v", paths, err)
	}
	if b, _ := os.ReadFile(paths[0]); string(b) != "new" {
		t.Errorf("a.txt = %q", b)
	}

	o, _ = newOutFiles(dir)
	w, _ = o.Create("a.txt")
	w.Write([]byte("aborted"))
	o.Abort()
	if des, _ := os.ReadDir(dir); len(des) != 1 {
		t.Errorf("after Abort the folder holds %d entries, want only a.txt", len(des))
	}
	if b, _ := os.ReadFile(paths[0]); string(b) != "new" {
		t.Errorf("Abort changed a.txt: %q", b)
	}
}
