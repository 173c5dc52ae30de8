package chain

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// The test corpus, by OpenAlex id: seeds S1 (W11) and S2 (W12); S1 cites
// A, B, X; S2 cites A, C, X; A cites X; C1 cites S1, A, B; C2 cites S1,
// S2, A. Titles are the names, so labels are too.
var names = map[string]string{
	"W11": "S1", "W12": "S2", "W21": "C1", "W22": "C2", "W31": "A", "W32": "B", "W33": "C", "W34": "X",
}

var refsOf = map[string][]string{
	"W11": {"W31", "W32", "W34"},
	"W12": {"W31", "W33", "W34"},
	"W31": {"W34"},
	"W21": {"W11", "W31", "W32"},
	"W22": {"W11", "W12", "W31"},
}

func rec(id string) parse.Record {
	r := parse.Record{Format: "openalex", Title: names[id], Label: names[id], IDs: map[string]string{"openalex": id},
		File: "test", Line: len(id) + int(id[1]-'0')*10 + int(id[2]-'0'), Source: "test:" + id}
	for _, ref := range refsOf[id] {
		r.References = append(r.References, parse.Reference{Raw: ref, Title: names[ref], IDs: map[string]string{"openalex": ref}})
	}
	return r
}

// expected scores, counted by hand (see the comment of each):
//
//	A:  cited by S1, S2 (2); co-cited with S1 by C1, C2 (2) and with S2 by
//	    C2 (1); shares X with S1 and with S2 (2); cited by C1, C2 (2) = 9
//	C2: cites S1, S2 (2); shares A with S1 and with S2 (2) = 4
//	C1: cites S1 (1); shares A, B with S1 (2) and A with S2 (1) = 4
//	X:  cited by S1, S2 (2); cited by A (1) = 3
//	B:  cited by S1 (1); co-cited with S1 by C1 (1); cited by C1 (1) = 3
//	C:  cited by S2 (1) = 1
//
// Ties go to more direct citations (C2 before C1, X before B).
func TestRank(t *testing.T) {
	var recs []parse.Record
	for _, id := range []string{"W11", "W12", "W21", "W22", "W31"} {
		recs = append(recs, rec(id))
	}
	g := graph.New(graph.Resolve(recs, nil))
	idx := func(id string) int {
		i := g.Index("openalex:" + id)
		if i < 0 {
			t.Fatalf("no work %s", id)
		}
		return i
	}
	seeds := []int{idx("W11"), idx("W12")}
	var cands []int
	for _, id := range []string{"W31", "W32", "W33", "W34", "W21", "W22", "W11"} {
		cands = append(cands, idx(id))
	}
	got := Rank(g, seeds, cands)
	var order []string
	var scores []int
	for _, c := range got {
		order = append(order, g.Works[c.Work].Label)
		scores = append(scores, c.Score)
	}
	if want := []string{"A", "C2", "C1", "X", "B", "C"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v (a seed among the candidates is left out)", order, want)
	}
	if want := []int{9, 4, 4, 3, 3, 1}; !slices.Equal(scores, want) {
		t.Errorf("scores %v, want %v", scores, want)
	}
	reasons := strings.Join(got[0].Reasons(g), "; ")
	if want := "cited by seeds S1 and S2; co-cited with seeds S1 (2) and S2 (1) 3 times; shares 2 references with seeds S1 (1) and S2 (1); cited by 2 other works found"; reasons != want {
		t.Errorf("reasons of A:\n%s\nwant\n%s", reasons, want)
	}
	if r := strings.Join(got[2].Reasons(g), "; "); r != "cites seed S1; shares 3 references with seeds S1 (2) and S2 (1)" {
		t.Errorf("reasons of C1: %s", r)
	}
}

// source serves the test corpus from memory and counts what is asked.
type source struct {
	db     map[string]parse.Record // by key
	citing map[string][]string
	looked []string
	cited  []string
}

func newSource(ids ...string) *source {
	s := &source{db: map[string]parse.Record{}, citing: map[string][]string{}}
	for _, id := range ids {
		s.db["openalex:"+id] = rec(id)
	}
	for from, refs := range refsOf {
		if _, ok := s.db["openalex:"+from]; !ok {
			continue
		}
		for _, to := range refs {
			s.citing["openalex:"+to] = append(s.citing["openalex:"+to], from)
		}
	}
	return s
}

func (s *source) Key(ids map[string]string, doi string) string {
	if ids["openalex"] != "" {
		return "openalex:" + ids["openalex"]
	}
	return ""
}

func (s *source) Lookup(_ context.Context, keys []string) (map[string]parse.Record, error) {
	s.looked = append(s.looked, keys...)
	out := map[string]parse.Record{}
	for _, k := range keys {
		if r, ok := s.db[k]; ok {
			out[k] = r
		}
	}
	return out, nil
}

func (s *source) Citing(_ context.Context, key string) ([]parse.Record, error) {
	s.cited = append(s.cited, key)
	var out []parse.Record
	ids := slices.Clone(s.citing[key])
	slices.Sort(ids)
	for _, id := range ids {
		out = append(out, s.db["openalex:"+id])
	}
	return out, nil
}

func TestExpand(t *testing.T) {
	all := []string{"W11", "W12", "W21", "W22", "W31", "W32", "W33", "W34"}
	seeds := []parse.Record{rec("W11"), rec("W12")}
	for _, tc := range []struct {
		dir       string
		max       int
		want      []string
		wantCands int
	}{
		{"both", 3, []string{"A", "C2", "C1"}, 6},
		// without the citing works: A 2 + 2 shared, X 2 + cited by A, B and C 1
		{"refs", 10, []string{"A", "X", "B", "C"}, 4},
		{"cited-by", 10, []string{"C2", "C1"}, 2},
	} {
		src := newSource(all...)
		res, err := Expand(context.Background(), src, seeds, &Options{Direction: tc.dir, Max: tc.max})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range res.Added {
			got = append(got, a.Label)
			if a.Depth != 1 || len(a.Reasons) == 0 || len(a.Keys) != 1 {
				t.Errorf("%s: added %+v", tc.dir, a)
			}
		}
		if !slices.Equal(got, tc.want) || res.Candidates != tc.wantCands || len(res.Records) != len(tc.want) || res.Seeds != 2 {
			t.Errorf("%s: added %v of %d candidates (%d records), want %v of %d", tc.dir, got, res.Candidates, len(res.Records), tc.want, tc.wantCands)
		}
		if tc.dir == "refs" && len(src.cited) != 0 || tc.dir == "cited-by" && len(src.looked) != 0 {
			t.Errorf("%s: asked for citing works of %v, looked up %v", tc.dir, src.cited, src.looked)
		}
	}
}

// TestExpandDepth2: the second step follows the works of the first.
func TestExpandDepth2(t *testing.T) {
	// S1 cites A; A cites X; X is reached only at step 2
	src := newSource("W31", "W34")
	seed := parse.Record{Format: "openalex", Title: "S1", IDs: map[string]string{"openalex": "W11"}, Source: "seed:1",
		References: []parse.Reference{{Raw: "W31", IDs: map[string]string{"openalex": "W31"}}}}
	res, err := Expand(context.Background(), src, []parse.Record{seed}, &Options{Depth: 2, Direction: "refs", Max: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 2 || res.Added[0].Label != "A" || res.Added[1].Label != "X" || res.Added[1].Depth != 2 {
		t.Fatalf("added %+v", res.Added)
	}
	if r := res.Added[1].Reasons; !slices.Equal(r, []string{"cited by 1 other work found"}) {
		t.Errorf("reasons of X: %v", r)
	}
	res, _ = Expand(context.Background(), newSource("W31", "W34"), []parse.Record{seed}, &Options{Direction: "refs"})
	if len(res.Added) != 1 {
		t.Errorf("depth 1 added %d works, want only A", len(res.Added))
	}
	if _, err := Expand(context.Background(), src, []parse.Record{{Title: "no id"}}, nil); err != ErrNoSeeds {
		t.Errorf("seeds without ids: %v", err)
	}
	if _, err := Expand(context.Background(), src, []parse.Record{seed}, &Options{Depth: 3}); err == nil {
		t.Error("depth 3 accepted")
	}
}
