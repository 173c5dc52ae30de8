package fetchtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Corpus returns the path of a file of the shared real-data corpora:
// $CITEGRAPH_CORPORA, else shared/corpora beside the checkout or beside
// its parent folder (a worktree). It skips the test when the file is
// absent. The corpora are read where they are, never copied.
func Corpus(t testing.TB, rel string) string {
	t.Helper()
	var dirs []string
	if d := os.Getenv("CITEGRAPH_CORPORA"); d != "" {
		dirs = append(dirs, d)
	} else if wd, err := os.Getwd(); err == nil {
		root := wd
		for root != filepath.Dir(root) {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				break
			}
			root = filepath.Dir(root)
		}
		dirs = append(dirs, filepath.Join(root, "..", "shared", "corpora"), filepath.Join(root, "..", "..", "shared", "corpora"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("corpus file %s not available (set CITEGRAPH_CORPORA)", rel)
	return ""
}
