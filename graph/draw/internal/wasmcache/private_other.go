//go:build !unix

package wasmcache

import "os"

// private reports whether dir is a folder and not a symbolic link; outside
// Unix, ownership is left to the folder's access control list.
func private(dir string) bool {
	fi, err := os.Lstat(dir)
	return err == nil && fi.IsDir() && fi.Mode()&os.ModeSymlink == 0
}
