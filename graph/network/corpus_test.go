package network

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/internal/corpustest"
	"github.com/citegraph/citegraph/parse"
)

// corpusGraph resolves a file of the shared corpora (../shared/corpora
// beside the checkout, or $CITEGRAPH_CORPORA) into a graph, skipping the
// test when the corpora are absent.
func corpusGraph(t testing.TB, rel string) *graph.Graph {
	t.Helper()
	res, err := parse.ReadFile(corpustest.File(t, rel), "")
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", rel, err)
	}
	return graph.New(graph.Resolve(res.Records, nil))
}

// TestCorpusNetworks compares networks of the shared corpora with counts
// made by a short Python script over the raw WoS files, independent of
// this code: per record the set of countries (C1 addresses, else the RP
// reprint address; "… USA" and "XX 12345" as the US, England/Scotland/
// Wales/North Ireland as the UK, "Peoples R China" as China), of authors
// (AF, else AU, keyed by folded family name and first initial; an AF name
// without a comma read as "Family Given" when the family name of the AU
// entry at the same place begins it, else as "Given Family") and of
// keywords (DE and ID split at ";", folded); every pair of distinct items
// of a record adds 1 to their link. Wanted: nodes with a link, links, and
// the sum of the link counts.
func TestCorpusNetworks(t *testing.T) {
	type counts struct{ nodes, links, strength int }
	for _, tc := range []struct {
		file                        string
		countries, authors, keyword counts
	}{
		{"wos/wosfile_wos_plaintext.txt", counts{15, 15, 21}, counts{235, 1138, 1140}, counts{344, 2255, 2275}},
		{"wos/bibliometrix_wos_sample.txt", counts{3, 3, 3}, counts{21, 41, 41}, counts{60, 337, 345}},
		{"wos/python-bibx_bit-pattern-savedrecs.txt", counts{43, 114, 226}, counts{1349, 5806, 7683}, counts{1811, 13910, 15742}},
		{"wos/metaknowledge_savedrecs.txt", counts{4, 2, 2}, counts{35, 46, 60}, counts{49, 242, 245}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			g := corpusGraph(t, tc.file)
			for _, c := range []struct {
				kind Kind
				unit Unit
				want counts
			}{
				{Coauthorship, Countries, tc.countries}, {Coauthorship, Authors, tc.authors}, {Cooccurrence, Keywords, tc.keyword},
			} {
				n, err := Build(g, &Options{Kind: c.kind, Unit: c.unit, Normalization: None})
				if err != nil {
					t.Fatal(err)
				}
				got := counts{nodes: len(n.Nodes), links: len(n.Edges)}
				for _, e := range n.Edges {
					got.strength += int(e.Count)
				}
				if got != c.want {
					t.Errorf("%s of %s: %+v, want %+v", c.kind, c.unit, got, c.want)
				}
			}
		})
	}
}
