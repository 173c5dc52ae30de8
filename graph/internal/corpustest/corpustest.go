// Package corpustest finds the shared real-data corpora for the tests of
// the graph packages. The corpora are not part of the repository: tests
// that need them skip when they are absent.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// File returns the path of a file of the shared corpora, rel being its path
// inside them ("wos/…", "pajek/…"): $CITEGRAPH_CORPORA, else
// shared/corpora beside the checkout or beside its parent folder (as for a
// worktree), looked for from a package two levels below the repository
// root. It skips the test when the file is absent.
func File(t testing.TB, rel string) string {
	t.Helper()
	dirs := []string{filepath.Join("..", "..", "..", "shared", "corpora"), filepath.Join("..", "..", "..", "..", "shared", "corpora")}
	if d := os.Getenv("CITEGRAPH_CORPORA"); d != "" {
		dirs = []string{d}
	}
	for _, d := range dirs {
		p := filepath.Join(d, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("shared corpus file %s absent", rel)
	return ""
}
