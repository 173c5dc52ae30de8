package graph

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// rsResolveFiles resolves the records of files read in the given order.
func rsResolveFiles(files [][]parse.Record, order []int) *Resolution {
	var recs []parse.Record
	for _, i := range order {
		recs = append(recs, files[i]...)
	}
	return Resolve(recs, nil)
}

// rsSameResolution reports the first difference between two resolutions.
func rsSameResolution(t *testing.T, name string, a, b *Resolution) {
	t.Helper()
	if len(a.Works) != len(b.Works) || len(a.Citations) != len(b.Citations) {
		t.Errorf("%s: %d works %d citations, want %d and %d", name, len(b.Works), len(b.Citations), len(a.Works), len(a.Citations))
		return
	}
	for i := range a.Works {
		if x, y := &a.Works[i], &b.Works[i]; x.ID != y.ID || x.Title != y.Title || !reflect.DeepEqual(x, y) {
			t.Errorf("%s: work %d is %s %q, want %s %q", name, i, y.ID, y.Title, x.ID, x.Title)
			return
		}
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: citations or stats differ", name)
	}
}

// TestResolveOrderIndependent: the same files given in any order give the
// same works (IDs, titles, mentions), citations and account.
func TestResolveOrderIndependent(t *testing.T) {
	t.Run("pair", func(t *testing.T) {
		files := [][]parse.Record{rsReadCorpus(t, "wos-bibtex/pyBibX_wos.bib"), rsReadCorpus(t, "scopus-bibtex/pyBibX_scopus.bib")}
		a, b := rsResolveFiles(files, []int{0, 1}), rsResolveFiles(files, []int{1, 0})
		t.Logf("%d works, %d citations", len(a.Works), len(a.Citations))
		rsSameResolution(t, "reversed", a, b)
	})
	t.Run("corpora", func(t *testing.T) {
		if testing.Short() {
			t.Skip("reads every shared corpus file")
		}
		root := filepath.Dir(filepath.Dir(rsCorpusFile(t, "wos/wosfile_wos_plaintext.txt")))
		paths, _ := parse.Files([]string{root})
		var files [][]parse.Record
		for _, p := range paths {
			if res, err := parse.ReadFile(p, ""); err == nil && len(res.Records) > 0 {
				files = append(files, res.Records)
			}
		}
		order := make([]int, len(files))
		for i := range order {
			order[i] = i
		}
		base := rsResolveFiles(files, order)
		t.Logf("%d files: %d works, %d citations", len(files), len(base.Works), len(base.Citations))
		slices.Reverse(order)
		rsSameResolution(t, "reversed", base, rsResolveFiles(files, order))
		rand.New(rand.NewPCG(7, 7)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rsSameResolution(t, "shuffled", base, rsResolveFiles(files, order))
	})
}
