//go:build unix

package wasmcache

import (
	"os"
	"path/filepath"
	"syscall"
)

// private reports whether dir is a folder, not a symbolic link, owned by
// this user and closed to everyone else (mode 0700 or narrower), inside a
// folder that no other user can rename it out of: one owned by this user
// or by root, and not writable by others unless sticky (as /tmp is).
func private(dir string) bool {
	uid := uint32(os.Getuid())
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() || fi.Mode()&os.ModeSymlink != 0 || fi.Mode().Perm()&0o077 != 0 {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || st.Uid != uid {
		return false
	}
	pi, err := os.Stat(filepath.Dir(dir))
	if err != nil {
		return false
	}
	ps, ok := pi.Sys().(*syscall.Stat_t)
	if !ok || ps.Uid != uid && ps.Uid != 0 {
		return false
	}
	return pi.Mode().Perm()&0o022 == 0 || pi.Mode()&os.ModeSticky != 0
}
