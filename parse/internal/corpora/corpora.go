// Package corpora locates the shared real-data corpora for the tests of
// parse and its subpackages: ../shared/corpora beside the checkout, or the
// folder named by $CITEGRAPH_CORPORA. Those files are never copied into the
// repository; tests that need them skip when they are absent.
package corpora

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the corpora folder, or "" when it does not exist.
func Dir() string {
	dir := os.Getenv("CITEGRAPH_CORPORA")
	if dir == "" {
		_, src, _, ok := runtime.Caller(0)
		if !ok {
			return ""
		}
		// src is <repo>/parse/internal/corpora/corpora.go; the corpora
		// sit beside the repository
		dir = filepath.Join(filepath.Dir(src), "..", "..", "..", "..", "shared", "corpora")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ""
	}
	return dir
}

// File returns the path of a file (or folder) of the corpora, skipping the
// test when it is not available.
func File(t testing.TB, rel string) string {
	t.Helper()
	dir := Dir()
	if dir == "" {
		t.Skipf("corpora not available (set CITEGRAPH_CORPORA)")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus file %s not available: %v", rel, err)
	}
	return p
}
