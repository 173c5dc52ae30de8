package main

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// mountTmpfs mounts a tmpfs of size bytes on a new folder, unmounted when
// the test ends; it skips the test when mounting is not allowed (not root).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// TestOutputFullDisk writes the diagram onto a full file system: the report
// is printed, the run fails with the reason, and the previous outputs are
// intact.
func TestOutputFullDisk(t *testing.T) {
	out := mountTmpfs(t, "256k")
	previousOutputs(t, out)
	// fill the disk but a few kilobytes, fewer than the diagram needs
	f, err := os.Create(filepath.Join(out, ".filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	st, _ := f.Stat()
	f.Truncate(st.Size() - 8192)
	f.Close()
	reportDespite(t, out, "no space left on device")
	os.Remove(filepath.Join(out, ".filler"))
	checkPrevious(t, out)
}

// TestOutputReadOnlyMount is TestOutputReadOnlyFolder for root.
func TestOutputReadOnlyMount(t *testing.T) {
	out := mountTmpfs(t, "256k")
	previousOutputs(t, out)
	if err := syscall.Mount("", out, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	reportDespite(t, out, "read-only file system")
	checkPrevious(t, out)
}
