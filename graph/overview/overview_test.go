package overview

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

func ip(n int) *int { return &n }

// handCorpus: four documents and one cited-only work.
//
//	d1 2018 Article  J Infometr   Small H, Garfield E   TC 10  kw A, b
//	d2 2019 Review   J Infometr   Small H               TC 4   kw a
//	d3 2020 article  Scientomet.  Garfield, Eugene      TC 0   kw B
//	d4 2020 (none)   (none)       Price D               TC —
//	x  1965 cited only
//
// d2 cites d1 and x; d3 cites d1, d2 and x; d4 cites d1.
func handCorpus() *graph.Graph {
	res := &graph.Resolution{Works: []graph.Work{
		{ID: "d1", Label: "d1", Year: 2018, InCorpus: true, Type: "Article", Venue: "J Infometr", CitedBy: ip(10), Keywords: []string{"A", "b"},
			Authors: []parse.Author{{Family: "Small", Given: "H"}, {Family: "Garfield", Given: "E"}}},
		{ID: "d2", Label: "d2", Year: 2019, InCorpus: true, Type: "Review", Venue: "J  Infometr", CitedBy: ip(4), Keywords: []string{"a"},
			Authors: []parse.Author{{Family: "Small", Given: "H."}}},
		{ID: "d3", Label: "d3", Year: 2020, InCorpus: true, Type: "article", Venue: "Scientomet.", CitedBy: ip(0), Keywords: []string{"B"},
			Authors: []parse.Author{{Family: "Garfield", Given: "E"}}},
		{ID: "d4", Label: "d4", Year: 2020, InCorpus: true, Authors: []parse.Author{{Family: "Price", Given: "D"}}},
		{ID: "x", Label: "x", Year: 1965},
	}}
	for _, c := range [][2]int{{1, 0}, {1, 4}, {2, 0}, {2, 1}, {2, 4}, {3, 0}} {
		res.Citations = append(res.Citations, graph.Citation{From: c[0], To: c[1]})
	}
	return graph.New(res)
}

func TestHand(t *testing.T) {
	g := handCorpus()
	countries := map[string][]string{"d1": {"USA", "USA"}, "d2": {"USA"}, "d3": {"UK", "USA"}}
	ov := Compute(g, 5, 9, &Options{Countries: func(w *graph.Work) []string { return countries[w.ID] }})
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	if ov.Documents != 4 || ov.Records != 5 || ov.FirstYear != 2018 || ov.LastYear != 2020 || ov.RefYear != 2020 {
		t.Errorf("documents %d, records %d, years %d–%d (%d)", ov.Documents, ov.Records, ov.FirstYear, ov.LastYear, ov.RefYear)
	}
	if want := []Count{{"Article", 2}, {"Review", 1}, {"Unknown", 1}}; !slices.Equal(ov.Types, want) {
		t.Errorf("types %v, want %v", ov.Types, want)
	}
	if want := []YearCount{{2018, 1}, {2019, 1}, {2020, 2}}; !slices.Equal(ov.Production, want) {
		t.Errorf("production %v", ov.Production)
	}
	near("growth", ov.GrowthRate, (math.Sqrt(2)-1)*100)        // (2/1)^(1/2) − 1
	near("age", ov.AverageAge, 2020-(2018+2019+2020+2020)/4.0) // 0.75
	near("TC per doc", ov.CitationsPerDoc, 14.0/3)             // d4 has no TC
	near("TC per doc per year", ov.CitationsPerDocYr, (10.0/3+4.0/2+0)/3)
	if ov.WithCitations != 3 || ov.References != 9 || ov.CitedWorks != 3 || ov.LocalCitations != 4 {
		t.Errorf("with TC %d, references %d, cited %d, local %d; want 3, 9, 3, 4", ov.WithCitations, ov.References, ov.CitedWorks, ov.LocalCitations)
	}
	// most cited locally: d1 (3: d2, d3, d4), d2 (1)
	if len(ov.MostLocal) != 2 || ov.MostLocal[0].ID != "d1" || ov.MostLocal[0].Local != 3 || ov.MostLocal[1].ID != "d2" {
		t.Errorf("most local %+v", ov.MostLocal)
	}
	// globally: d1 10 (per year 10/3; normalised by the 2018 mean: 1), d2 4
	if g := ov.MostGlobal; len(g) != 2 || g[0].ID != "d1" || g[0].Global != 10 || g[1].Global != 4 || g[0].Normalized != 1 {
		t.Errorf("most global %+v", g)
	} else {
		near("d1 per year", g[0].GlobalPerYear, 10.0/3)
	}
	// keywords fold case: a 2 (d1, d2), b 2 (d1, d3)
	if want := []Count{{"A", 2}, {"B", 2}}; ov.Keywords != 2 || !slices.Equal(ov.TopKeywords, want) {
		t.Errorf("keywords %d %v, want %v", ov.Keywords, ov.TopKeywords, want)
	}
	// authors: SMALL H 2 docs (frac 1/2 + 1), GARFIELD E 2 (1/2 + 1), PRICE D 1
	if ov.Authors != 3 || ov.AuthorAppearances != 5 || ov.SingleAuthoredDocs != 3 || ov.SingleDocAuthors != 3 {
		t.Errorf("authors %d, appearances %d, single-authored %d by %d", ov.Authors, ov.AuthorAppearances, ov.SingleAuthoredDocs, ov.SingleDocAuthors)
	}
	near("co-authors per doc", ov.CoAuthorsPerDoc, 5.0/4)
	a := ov.TopAuthors
	if len(a) != 3 || a[0].Key != "GARFIELD E" || a[1].Key != "SMALL H" || a[0].Documents != 2 || a[0].Fractional != 1.5 || a[2].Key != "PRICE D" {
		t.Fatalf("top authors %+v", a)
	}
	// h: Small (10, 4) → 2; g: 10 ≥ 1, 14 ≥ 4 → 2; m = 2 / (2020−2018+1)
	// Garfield (10, 0) → 1; g: 10 ≥ 4 → 2
	if s := a[1]; s.H != 2 || s.G != 2 || s.Citations != 14 || s.FirstYear != 2018 || math.Abs(s.M-2.0/3) > 1e-12 {
		t.Errorf("Small %+v", s)
	}
	if g := a[0]; g.H != 1 || g.G != 2 || g.Citations != 10 {
		t.Errorf("Garfield %+v", g)
	}
	if ov.TopImpact[0].Key != "SMALL H" {
		t.Errorf("h-index leader %s", ov.TopImpact[0].Key)
	}
	// sources: "J Infometr" 2 (spacing folded), "Scientomet." 1; d4 has none
	if ov.Sources != 2 || ov.TopSources[0].Name != "J Infometr" || ov.TopSources[0].Documents != 2 || ov.TopSources[0].H != 2 {
		t.Errorf("sources %d %+v", ov.Sources, ov.TopSources)
	}
	// Lotka: 1 author with 1 document, 2 with 2: shares 1/3 at n = 1 and
	// 2/3 at n = 2; two points fit exactly, with slope
	// (log10 2/3 − log10 1/3) / log10 2 = 1 and intercept log10 1/3
	l := ov.Lotka
	if !l.Fitted || len(l.Table) != 2 || l.Table[0].Authors != 1 || l.Table[1].Authors != 2 {
		t.Fatalf("lotka %+v", l)
	}
	near("beta", l.Beta, 1)
	near("C", l.C, 1.0/3)
	near("R2", l.R2, 1)
	// countries by first author: USA d1 (single), d2 (single); UK d3 (multiple)
	if c := ov.Countries; len(c) != 2 || c[0].Name != "USA" || c[0].Documents != 2 || c[0].Single != 2 || c[0].Citations != 14 ||
		c[1].Name != "UK" || c[1].Multiple != 1 {
		t.Errorf("countries %+v", c)
	}
	near("international", ov.InternationalShare, 100.0/3)
}

// TestGivenNameOfSigns: a given name made only of signs that folding
// drops ("Smith, †", a footnote mark read as a name) counts as the family
// name alone, and does not crash the matching of initials to full names.
func TestGivenNameOfSigns(t *testing.T) {
	res := &graph.Resolution{}
	for k, a := range []parse.Author{{Family: "Smith", Given: "†"}, {Family: "Smith", Given: "John"}, {Family: "Roe", Given: "*"}} {
		res.Works = append(res.Works, graph.Work{ID: string(rune('a' + k)), InCorpus: true, Year: 2000, Authors: []parse.Author{a}})
	}
	ov := Compute(graph.New(res), 5, 0, nil)
	var got []string
	for _, a := range ov.TopAuthors {
		got = append(got, fmt.Sprintf("%s %d", a.Key, a.Documents))
	}
	if want := []string{"ROE 1", "SMITH 1", "SMITH JOHN 1"}; !slices.Equal(got, want) {
		t.Errorf("authors %v, want %v", got, want)
	}
}

// TestNameVariants: "Hellwig, O." counts under "Hellwig, Olav", the only
// full name it abbreviates; "Wang, Z." stays apart from the two full names
// it could abbreviate.
func TestNameVariants(t *testing.T) {
	res := &graph.Resolution{}
	for k, a := range []parse.Author{{Family: "Hellwig", Given: "O."}, {Family: "Hellwig", Given: "Olav"}, {Family: "Wang", Given: "Z."},
		{Family: "Wang", Given: "Zhen"}, {Family: "Wang", Given: "Zhiwei"}} {
		res.Works = append(res.Works, graph.Work{ID: string(rune('a' + k)), InCorpus: true, Year: 2000, Authors: []parse.Author{a}})
	}
	ov := Compute(graph.New(res), 5, 0, nil)
	var got []string
	for _, a := range ov.TopAuthors {
		got = append(got, fmt.Sprintf("%s %d", a.Key, a.Documents))
	}
	if want := []string{"HELLWIG OLAV 2", "WANG Z 1", "WANG ZHEN 1", "WANG ZHIWEI 1"}; !slices.Equal(got, want) {
		t.Errorf("authors %v, want %v", got, want)
	}
}

func TestAuthorKey(t *testing.T) {
	for _, c := range []struct {
		a    parse.Author
		want string
	}{
		{parse.Author{Family: "Small", Given: "H.G."}, "SMALL HG"},
		{parse.Author{Family: "Small", Given: "HG"}, "SMALL HG"},
		{parse.Author{Family: "Wong", Given: "R. T. J."}, "WONG RTJ"},
		{parse.Author{Family: "Sun", Given: "Zhiwei"}, "SUN ZHIWEI"},
		{parse.Author{Family: "Russell", Given: "Thomas P."}, "RUSSELL THOMAS P"},
		{parse.Author{Family: "García-López", Given: "J"}, "GARCIA LOPEZ J"},
		{parse.Author{Family: "Dall'Asta", Given: "L"}, "DALLASTA L"},
		{parse.Author{Family: "WHO"}, "WHO"},
		{parse.Author{}, ""},
	} {
		if got := AuthorKey(c.a); got != c.want {
			t.Errorf("AuthorKey(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

// TestWorkCountries: the first author's country is that of the first
// address linked to author 0, else of the first address.
func TestWorkCountries(t *testing.T) {
	w := &graph.Work{Affiliations: []parse.Affiliation{{Country: "United Kingdom", Authors: []int{1}}, {Raw: "no country"}, {Country: "United States", Authors: []int{0, 2}}}}
	if got := WorkCountries(w); !slices.Equal(got, []string{"United States", "United Kingdom", "United States"}) {
		t.Errorf("countries %v", got)
	}
	w.Affiliations[2].Authors = nil
	if got := WorkCountries(w); got[0] != "United Kingdom" {
		t.Errorf("unlinked addresses: first country %q, want the first address's", got[0])
	}
	if got := WorkCountries(&graph.Work{}); got != nil {
		t.Errorf("no addresses: %v", got)
	}
}
