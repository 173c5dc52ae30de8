// Package wasmcache points go-graphviz's WebAssembly compilation cache at a
// folder that only the user running the program can write.
//
// go-graphviz v0.2.10 compiles its WebAssembly module in the init function of
// its internal wasm package and caches the native code it compiles in
// $TMPDIR/go-graphviz (os.TempDir at that moment). Left alone, the first user
// to run the program owns that folder and every other user's run panics
// (even -h), and a folder planted there by another user has its native code
// loaded into the process. This package's init sets TMPDIR to a private
// folder before that init runs, and Restore, called by graph/draw's init
// (which runs after go-graphviz's), puts the environment back.
//
// Why this init runs first: the Go specification (since Go 1.21) initialises
// packages one at a time, each time the first package in import-path order
// whose imports are all initialised. This package imports only packages that
// go-graphviz's wasm package also imports (directly or through wazero), so it
// is ready whenever that package is, and its path
// (github.com/citegraph/…) sorts before github.com/goccy/…. The tests of
// graph/draw check the outcome in a child process.
package wasmcache

import (
	"os"
	"path/filepath"
	"strconv"
)

// The choice made at start-up.
var (
	// Dir is the folder TMPDIR pointed at while go-graphviz started; its
	// cache is Dir/go-graphviz. Empty when no private folder could be had
	// and the module was compiled without a cache.
	Dir string
	// Persistent is false when Dir is a fresh folder for this run only
	// (the usual folders were missing or unsafe), removed by Restore.
	Persistent bool
)

var (
	origTMPDIR string
	hadTMPDIR  bool
	restored   bool
)

func init() {
	origTMPDIR, hadTMPDIR = os.LookupEnv("TMPDIR")
	Dir, Persistent = choose()
	tmp := Dir
	if tmp == "" {
		// A path below a file cannot be created: go-graphviz then runs
		// without a cache (compiling at every start) rather than in a
		// shared folder.
		tmp = filepath.Join(os.DevNull, "citegraph")
	}
	os.Setenv("TMPDIR", tmp)
}

// choose returns the first safe folder of: the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache on Linux)/citegraph, then
// $TMPDIR/citegraph-UID, then a fresh folder under $TMPDIR.
func choose() (dir string, persistent bool) {
	if base, err := os.UserCacheDir(); err == nil && filepath.IsAbs(base) {
		// ~/.cache may be missing, but not the home folder
		if err := os.Mkdir(base, 0o700); err == nil || os.IsExist(err) {
			if d := filepath.Join(base, "citegraph"); ensurePrivate(d) {
				return d, true
			}
		}
	}
	tmp := os.TempDir()
	if d := filepath.Join(tmp, "citegraph-"+strconv.Itoa(os.Getuid())); ensurePrivate(d) {
		return d, true
	}
	if d, err := os.MkdirTemp(tmp, "citegraph-"); err == nil && private(d) {
		return d, false
	}
	return "", false
}

// ensurePrivate creates dir (mode 0700) if it is missing and reports
// whether it is private (see private).
func ensurePrivate(dir string) bool {
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return false
	}
	return private(dir)
}

// Restore sets TMPDIR back to what it was when the program started and
// removes a folder made for this run only. graph/draw calls it from its
// init, once go-graphviz has compiled its module.
func Restore() {
	if restored {
		return
	}
	restored = true
	if hadTMPDIR {
		os.Setenv("TMPDIR", origTMPDIR)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if Dir != "" && !Persistent {
		os.RemoveAll(Dir)
	}
}
