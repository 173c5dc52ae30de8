package fetchtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Corpus returns the path of a file of the shared real-data corpora (see
// CorpusPath), or skips the test when it is absent.
func Corpus(t testing.TB, rel string) string {
	t.Helper()
	p, ok := CorpusPath(rel)
	if !ok {
		t.Skipf("corpus file %s not available (set CITEGRAPH_CORPORA)", rel)
	}
	return p
}

// CorpusPath returns the path of a file of the shared real-data corpora:
// $CITEGRAPH_CORPORA, else shared/corpora beside the checkout or beside its
// parent folder (a worktree), and whether it exists. The corpora are read
// where they are, never copied.
func CorpusPath(rel string) (string, bool) {
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
			return p, true
		}
	}
	return "", false
}

// Work is what a test expects of an OpenAlex work, decoded with
// encoding/json alone, not by the code under test. Refs are short ids.
type Work struct {
	ID          string   `json:"id"`
	DOI         string   `json:"doi"`
	DisplayName string   `json:"display_name"`
	Year        int      `json:"publication_year"`
	Refs        []string `json:"referenced_works"`
	Cited       int      `json:"cited_by_count"`
}

// Short returns the work's short id, "W2741809807".
func (w Work) Short() string { return shortOA(w.ID) }

// OpenAlexWorks decodes the works of an OpenAlex list response file, in
// file order, and returns them with their JSON text by short id.
func OpenAlexWorks(t testing.TB, path string) ([]Work, map[string]json.RawMessage) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		t.Fatal(err)
	}
	var works []Work
	raws := map[string]json.RawMessage{}
	for _, raw := range page.Results {
		var w Work
		if err := json.Unmarshal(raw, &w); err != nil {
			t.Fatal(err)
		}
		for i, r := range w.Refs {
			w.Refs[i] = shortOA(r)
		}
		works = append(works, w)
		raws[w.Short()] = raw
	}
	return works, raws
}
