package graph

import (
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// TestWorkAffiliations checks that a work keeps its record's keywords of
// both kinds and its affiliations, whose author indexes point into the
// work's authors, and that a duplicate record with a different author list
// does not bring affiliations that would point wrong.
func TestWorkAffiliations(t *testing.T) {
	aff := []parse.Affiliation{{Raw: "Univ X, Paris, France", Organization: "Univ X", Country: "France", Authors: []int{1}}}
	a := rsRec("a.txt", 1, "Shared references in maps", "Jones", 2020, "J Maps", "1", "1", "10.1/a")
	a.Authors = append(a.Authors, parse.Author{Family: "Li", Given: "X"})
	a.Keywords, a.IndexKeywords, a.Affiliations = []string{"maps"}, []string{"NETWORKS"}, aff
	b := rsRec("b.txt", 1, "Shared references in maps", "Jones", 2020, "J Maps", "1", "1", "10.1/a")
	b.Affiliations = []parse.Affiliation{{Raw: "Univ Y, Rome, Italy", Country: "Italy", Authors: []int{0}}}
	// Resolve takes the records in the order of their files: b's file
	// comes first here, and b names one author: its affiliation holds
	b0 := b
	b0.File, b0.Source = "0.txt", "0.txt:1"
	res := Resolve([]parse.Record{a, b0}, nil)
	if len(res.Works) != 1 {
		t.Fatalf("%d works, want 1", len(res.Works))
	}
	w := res.Works[0]
	if !reflect.DeepEqual(w.Affiliations, b.Affiliations) {
		t.Errorf("affiliations %+v, want %+v", w.Affiliations, b.Affiliations)
	}
	res = Resolve([]parse.Record{b, a}, nil)
	w = res.Works[0]
	if !reflect.DeepEqual(w.Affiliations, aff) || !reflect.DeepEqual(w.Keywords, a.Keywords) ||
		!reflect.DeepEqual(w.IndexKeywords, a.IndexKeywords) {
		t.Errorf("work %+v: want the first record's affiliations and keywords", w)
	}
	for _, af := range w.Affiliations {
		for _, i := range af.Authors {
			if i >= len(w.Authors) {
				t.Errorf("affiliation author %d of %d", i, len(w.Authors))
			}
		}
	}
}
