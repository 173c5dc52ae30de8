package graph

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// TestLookupEveryCorpus resolves each shared corpus file and checks that
// citegraph explain can name works there: the ID of a work (every one in
// small graphs, an even sample of 1,500 in large ones) finds that work and
// no other.
func TestLookupEveryCorpus(t *testing.T) {
	root := filepath.Dir(rsCorpusFile(t, "README.md"))
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	checked := 0
	for _, f := range files {
		res, err := parse.ReadFile(f, "")
		if err != nil || len(res.Records) == 0 {
			continue // not a bibliographic file (README, Pajek networks, zip)
		}
		r := Resolve(res.Records, nil)
		step := max(1, len(r.Works)/1500)
		for i := 0; i < len(r.Works); i += step {
			if got := r.Lookup(r.Works[i].ID); !slices.Equal(got, []int{i}) {
				t.Errorf("%s: Lookup(%q) = %v, want [%d]", filepath.Base(f), r.Works[i].ID, got, i)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Skip("no corpus file read")
	}
	t.Logf("%d works looked up by ID in %d files", checked, len(files))
}
