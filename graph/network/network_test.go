package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// handGraph is a small corpus written by hand:
//
//	P1 (Aria M, Italy; keywords "maps", "networks") cites R1 R2 R3
//	P2 (Aria M, Li X; Italy, China; "maps")        cites R1 R2
//	P3 (Li X, Ono K; China, Japan; "networks", "text") cites R2 R4
//	P4 (Ono K; Japan; no keywords)                  cites R4
//
// Coupling (shared references): P1–P2 2 (R1 R2), P1–P3 1 (R2), P2–P3 1
// (R2), P3–P4 1 (R4). Co-citation (citing works in common): R1–R2 2 (P1
// P2), R1–R3 1, R2–R3 1, R2–R4 1 (P3).
func handGraph(t *testing.T) *graph.Graph {
	t.Helper()
	ref := func(fam string, year int, doi string) parse.Reference {
		return parse.Reference{Raw: fam, Authors: []parse.Author{{Family: fam, Given: "R"}}, Year: year, DOI: doi}
	}
	r1, r2, r3, r4 := ref("Smith", 1990, "10.1/r1"), ref("Jones", 1991, "10.1/r2"), ref("Brown", 1992, "10.1/r3"), ref("White", 1993, "10.1/r4")
	aff := func(country string, authors ...int) parse.Affiliation {
		return parse.Affiliation{Raw: "Univ " + country + ", " + country, Organization: "Univ " + country, Country: country, Authors: authors}
	}
	rec := func(line int, title, doi string, year int, authors []parse.Author, affs []parse.Affiliation, kw []string, refs ...parse.Reference) parse.Record {
		r := parse.Record{File: "hand.txt", Line: line, Source: "hand.txt:" + string(rune('0'+line)), Title: title, DOI: doi,
			Year: year, Authors: authors, Affiliations: affs, Keywords: kw, References: refs, Venue: "J Maps"}
		r.Label = parse.MakeLabel(&r)
		return r
	}
	aria, li, ono := parse.Author{Family: "Aria", Given: "M"}, parse.Author{Family: "Li", Given: "X"}, parse.Author{Family: "Ono", Given: "K"}
	recs := []parse.Record{
		rec(1, "Mapping science", "10.1/p1", 2010, []parse.Author{aria}, []parse.Affiliation{aff("Italy", 0)}, []string{"maps", "networks"}, r1, r2, r3),
		rec(2, "Maps of maps", "10.1/p2", 2011, []parse.Author{aria, li}, []parse.Affiliation{aff("Italy", 0), aff("China", 1)}, []string{"Maps"}, r1, r2),
		rec(3, "Text networks", "10.1/p3", 2012, []parse.Author{li, ono}, []parse.Affiliation{aff("China", 0), aff("Japan", 1)}, []string{"networks", "text"}, r2, r4),
		rec(4, "Alone", "10.1/p4", 2013, []parse.Author{ono}, []parse.Affiliation{aff("Japan", 0)}, nil, r4),
	}
	return graph.New(graph.Resolve(recs, nil))
}

// links returns a network's links as "A|B" → count, by node label.
func links(n *Network) map[string]float64 {
	out := map[string]float64{}
	for _, e := range n.Edges {
		a, b := n.Nodes[e.A].Label, n.Nodes[e.B].Label
		if a > b {
			a, b = b, a
		}
		out[a+"|"+b] = float64(e.Count)
	}
	return out
}

func build(t *testing.T, g *graph.Graph, o Options) *Network {
	t.Helper()
	n, err := Build(g, &o)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBuildHand(t *testing.T) {
	g := handGraph(t)
	for _, tc := range []struct {
		name string
		opt  Options
		want map[string]float64
	}{
		{"coupling of works", Options{Kind: Coupling},
			map[string]float64{"Aria 2010|Aria 2011": 2, "Aria 2010|Li 2012": 1, "Aria 2011|Li 2012": 1, "Li 2012|Ono 2013": 1}},
		{"co-citation of works", Options{Kind: Cocitation},
			map[string]float64{"Jones 1991|Smith 1990": 2, "Brown 1992|Smith 1990": 1, "Brown 1992|Jones 1991": 1, "Jones 1991|White 1993": 1}},
		// authors: P1 Aria, P2 Aria+Li, P3 Li+Ono, P4 Ono. Coupling of
		// authors counts the references two authors both cite (through any
		// of their works): Aria {R1 R2 R3}, Li {R1 R2 R4}, Ono {R2 R4}
		{"coupling of authors", Options{Kind: Coupling, Unit: Authors},
			map[string]float64{"Aria, M.|Li, X.": 2, "Aria, M.|Ono, K.": 1, "Li, X.|Ono, K.": 2}},
		{"co-authorship of authors", Options{Kind: Coauthorship, Unit: Authors},
			map[string]float64{"Aria, M.|Li, X.": 1, "Li, X.|Ono, K.": 1}},
		{"co-authorship of countries", Options{Kind: Coauthorship, Unit: Countries},
			map[string]float64{"China|Italy": 1, "China|Japan": 1}},
		{"co-occurrence of keywords", Options{Kind: Cooccurrence},
			map[string]float64{"maps|networks": 1, "networks|text": 1}},
		// fractional: R1 is cited by 2 works (1/(2−1) = 1), R2 by 3 (1/2
		// each pair), R4 by 2: P1–P2 = 1 + 1/2, P1–P3 = P2–P3 = 1/2, P3–P4 = 1
		{"fractional coupling", Options{Kind: Coupling, Counting: Fractional},
			map[string]float64{"Aria 2010|Aria 2011": 1.5, "Aria 2010|Li 2012": 0.5, "Aria 2011|Li 2012": 0.5, "Li 2012|Ono 2013": 1}},
		{"minimum link count", Options{Kind: Coupling, MinLinkCount: 2},
			map[string]float64{"Aria 2010|Aria 2011": 2}},
		// total link strengths P1 3, P2 3, P3 3, P4 1: two nodes of
		// largest, ties by count (citations: local 0 each) then ID
		{"max nodes", Options{Kind: Coupling, MaxNodes: 2},
			map[string]float64{"Aria 2010|Aria 2011": 2}},
		// R1, R2 and R4 are cited twice or more (local citations 2, 3, 2)
		{"minimum count", Options{Kind: Cocitation, MinCount: 2},
			map[string]float64{"Jones 1991|Smith 1990": 2, "Jones 1991|White 1993": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := build(t, g, tc.opt)
			if got := links(n); !mapsEqual(got, tc.want) {
				t.Errorf("links %v, want %v", got, tc.want)
			}
			for i := 1; i < len(n.Nodes); i++ {
				if n.Nodes[i-1].ID >= n.Nodes[i].ID {
					t.Errorf("nodes not in ID order: %s, %s", n.Nodes[i-1].ID, n.Nodes[i].ID)
				}
			}
			for k, e := range n.Edges {
				if e.A >= e.B || k > 0 && (n.Edges[k-1].A > e.A || n.Edges[k-1].A == e.A && n.Edges[k-1].B >= e.B) {
					t.Errorf("edge %d (%d, %d) out of order", k, e.A, e.B)
				}
			}
		})
	}
	// node counts: P1's co-authorship country Italy has 2 documents
	n := build(t, g, Options{Kind: Coauthorship, Unit: Countries})
	for _, nd := range n.Nodes {
		want := map[string]int{"China": 2, "Italy": 2, "Japan": 2}[nd.Label]
		if nd.Documents != want || nd.Count != want {
			t.Errorf("%s: documents %d, count %d, want %d", nd.Label, nd.Documents, nd.Count, want)
		}
	}
	if n.Isolated != 0 || n.Found != 3 {
		t.Errorf("found %d, isolated %d", n.Found, n.Isolated)
	}
}

func mapsEqual(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || math.Abs(v-w) > 1e-6 {
			return false
		}
	}
	return true
}

// TestNormalizations checks each normalisation against a hand calculation
// on the co-citation network of handGraph. Occurrences (citing works): R1
// 2, R2 3, R3 1, R4 2. Links: R1–R2 2, R1–R3 1, R2–R3 1, R2–R4 1, so the
// total strengths are R1 3, R2 4, R3 2, R4 1 and m = 5.
func TestNormalizations(t *testing.T) {
	g := handGraph(t)
	type pair struct{ a, b string }
	R1R2, R2R4 := pair{"Smith 1990", "Jones 1991"}, pair{"Jones 1991", "White 1993"}
	for _, tc := range []struct {
		norm Normalization
		want map[pair]float64
	}{
		{Association, map[pair]float64{R1R2: 2 * 5 * 2.0 / (3 * 4), R2R4: 2 * 5 * 1.0 / (4 * 1)}},
		{Cosine, map[pair]float64{R1R2: 2 / math.Sqrt(2*3), R2R4: 1 / math.Sqrt(3*2)}},
		{Jaccard, map[pair]float64{R1R2: 2.0 / (2 + 3 - 2), R2R4: 1.0 / (3 + 2 - 1)}},
		{Inclusion, map[pair]float64{R1R2: 2.0 / 2, R2R4: 1.0 / 2}},
		{Equivalence, map[pair]float64{R1R2: 4.0 / (2 * 3), R2R4: 1.0 / (3 * 2)}},
		{None, map[pair]float64{R1R2: 2, R2R4: 1}},
	} {
		n := build(t, g, Options{Kind: Cocitation, Normalization: tc.norm})
		for p, want := range tc.want {
			found := false
			for _, e := range n.Edges {
				a, b := n.Nodes[e.A].Label, n.Nodes[e.B].Label
				if (a == p.a && b == p.b) || (a == p.b && b == p.a) {
					found = true
					if math.Abs(float64(e.Weight)-want) > 1e-6 {
						t.Errorf("%s %s–%s: weight %v, want %v", tc.norm, p.a, p.b, e.Weight, want)
					}
				}
			}
			if !found {
				t.Errorf("%s: no link %s–%s", tc.norm, p.a, p.b)
			}
		}
	}
}

// TestThesaurus merges two keywords and drops one, from a VOSviewer file.
func TestThesaurus(t *testing.T) {
	th, err := ReadThesaurus(strings.NewReader("label\treplace by\nText\tnetworks\nmaps\t\n"), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := build(t, handGraph(t), Options{Kind: Cooccurrence, Thesaurus: th})
	// "maps" dropped; "text" is now "networks", on the same works as it
	if got := len(n.Edges); got != 0 {
		t.Errorf("%d links, want none: %v", got, links(n))
	}
	if _, err := ReadThesaurus(strings.NewReader("label\treplace by\nno tab here\n"), "t.txt"); err == nil ||
		!strings.Contains(err.Error(), "t.txt:2") {
		t.Errorf("malformed line: error %v, want t.txt:2", err)
	}
}

// TestBuildErrors rejects units a kind has no data for, and bad options.
func TestBuildErrors(t *testing.T) {
	g := handGraph(t)
	for _, o := range []Options{{Kind: Cocitation, Unit: Countries}, {Kind: "nope"}, {Counting: "half"},
		{Normalization: "x"}, {MaxNodes: -1}} {
		if _, err := Build(g, &o); err == nil {
			t.Errorf("Build(%+v): no error", o)
		}
	}
}

// TestPairsAgainstBruteForce builds coupling and co-citation networks of
// shared-corpus files, of works and of authors and sources, and checks
// each against a plain count over the graph's citations written here:
// every pair of units of each transaction, one map entry per pair.
func TestPairsAgainstBruteForce(t *testing.T) {
	for _, file := range []string{"wos/wosfile_wos_plaintext.txt", "scopus-csv/bibliometrix_scopus_sample.csv",
		"wos-bibtex/pyBibX_wos.bib", "openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json"} {
		t.Run(file, func(t *testing.T) {
			g := corpusGraph(t, file)
			for _, kind := range []Kind{Coupling, Cocitation} {
				for _, unit := range []Unit{Works, Authors, Sources} {
					for _, counting := range []Counting{Full, Fractional} {
						n := build(t, g, Options{Kind: kind, Unit: unit, Counting: counting, Normalization: None})
						want := bruteForce(g, kind, unit, counting)
						got := map[[2]string]float64{}
						for _, e := range n.Edges {
							got[[2]string{n.Nodes[e.A].ID, n.Nodes[e.B].ID}] = float64(e.Count)
						}
						if len(got) != len(want) {
							t.Errorf("%s/%s/%s: %d links, want %d", kind, unit, counting, len(got), len(want))
							continue
						}
						for k, v := range want {
							if math.Abs(got[k]-v) > 1e-4*max(1, v) {
								t.Errorf("%s/%s/%s %v: count %v, want %v", kind, unit, counting, k, got[k], v)
								break
							}
						}
					}
				}
			}
		})
	}
}

// bruteForce counts a network the plain way.
func bruteForce(g *graph.Graph, kind Kind, unit Unit, counting Counting) map[[2]string]float64 {
	var sources graph.Sources
	if unit == Sources {
		sources = g.Sources()
	}
	unitsOf := func(w int32) []string {
		wk := &g.Works[w]
		switch unit {
		case Authors:
			var out []string
			for _, a := range wk.Authors {
				if k := unitKey(Authors, authorName(a)); k != "" {
					out = append(out, k)
				}
			}
			return out
		case Sources:
			if s := sources.Of[w]; s >= 0 {
				return []string{unitKey(Sources, sources.Names[s])}
			}
			return nil
		}
		return []string{wk.ID}
	}
	out := map[[2]string]float64{}
	add := func(set map[string]bool) {
		var items []string
		for k := range set {
			items = append(items, k)
		}
		slices.Sort(items)
		w := 1.0
		if counting == Fractional && len(items) > 1 {
			w = 1 / float64(len(items)-1)
		}
		for i := range items {
			for j := i + 1; j < len(items); j++ {
				out[[2]string{items[i], items[j]}] += w
			}
		}
	}
	for i := range g.Works {
		set := map[string]bool{}
		if kind == Coupling {
			for _, c := range g.In(i) {
				if g.Works[c].InCorpus {
					for _, u := range unitsOf(c) {
						set[u] = true
					}
				}
			}
		} else if g.Works[i].InCorpus {
			for _, r := range g.Out(i) {
				for _, u := range unitsOf(r) {
					set[u] = true
				}
			}
		}
		add(set)
	}
	return out
}

// TestGeneratedCorpus checks the coupling and co-citation pair counts of
// the peers' generated S corpus (../data/S.wos.txt, see
// ../shared/bench/gen.py) against the counts every peer tool gives
// (../shared/bench/README.md) and that a Python count over the file's raw
// cited-reference strings gives too: 419,951 coupling and 1,431,155
// co-citation pairs.
func TestGeneratedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads an 11 MB corpus")
	}
	p := os.Getenv("CITEGRAPH_BENCH_DATA")
	if p == "" {
		p = "../../../data"
	}
	res, err := parse.ReadFile(p+"/S.wos.txt", "")
	if err != nil {
		t.Skipf("generated corpus not available: %v", err)
	}
	g := graph.New(graph.Resolve(res.Records, nil))
	for kind, want := range map[Kind]int{Coupling: 419951, Cocitation: 1431155} {
		if n := build(t, g, Options{Kind: kind}); len(n.Edges) != want {
			t.Errorf("%s: %d pairs, want %d", kind, len(n.Edges), want)
		}
	}
}

// BenchmarkCocitation counts the co-citation network of a generated
// corpus: 2,000 citing works of 40 references each among 20,000 works,
// references drawn with a preference for the first works.
func BenchmarkCocitation(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	res := &graph.Resolution{Works: make([]graph.Work, 20000)}
	for i := range res.Works {
		res.Works[i] = graph.Work{ID: fmt.Sprintf("w%05d", i), Label: fmt.Sprintf("W %d", i), InCorpus: i < 2000}
	}
	for c := 0; c < 2000; c++ {
		seen := map[int]bool{}
		for len(seen) < 40 {
			t := int(float64(20000) * rng.Float64() * rng.Float64())
			if t != c && !seen[t] {
				seen[t] = true
			}
		}
		var ts []int
		for t := range seen {
			ts = append(ts, t)
		}
		slices.Sort(ts)
		for _, t := range ts {
			res.Citations = append(res.Citations, graph.Citation{From: c, To: t})
		}
	}
	g := graph.New(res)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(g, &Options{Kind: Cocitation}); err != nil {
			b.Fatal(err)
		}
	}
}
