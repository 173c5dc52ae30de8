package graph

import (
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// TestSources groups a corpus record's full title, its J9 abbreviation and
// a cited reference's source into one source named by the full title, and
// keeps an abbreviation that fits two titles apart.
func TestSources(t *testing.T) {
	rec := func(line int, title, venue, abbrev, doi string, refs ...parse.Reference) parse.Record {
		r := parse.Record{File: "s", Line: line, Source: "s:" + string(rune('0'+line)), Title: title, Venue: venue,
			VenueAbbrev: abbrev, DOI: doi, Year: 2020, Authors: []parse.Author{{Family: "Aria", Given: "M"}}, References: refs}
		r.Label = parse.MakeLabel(&r)
		return r
	}
	ref := func(fam, venue string) parse.Reference {
		return parse.Reference{Raw: fam + ", 2001, " + venue, Authors: []parse.Author{{Family: fam}}, Year: 2001, Venue: venue}
	}
	recs := []parse.Record{
		rec(1, "One", "JOURNAL OF INFORMETRICS", "J INFORMETR", "10.1/a", ref("Smith", "J INFORMETR"), ref("Jones", "J PHYS")),
		rec(2, "Two", "Scientometrics", "", "10.1/b", ref("Brown", "SCIENTOMETRICS")),
		rec(3, "Three", "Journal of Physics A", "", "10.1/c"),
		rec(4, "Four", "Journal of Physics B", "", "10.1/d"),
	}
	g := New(Resolve(recs, nil))
	s := g.Sources()
	of := func(fam string) string {
		for i, w := range g.Works {
			if len(w.Authors) > 0 && w.Authors[0].Family == fam {
				if s.Of[i] < 0 {
					return ""
				}
				return s.Names[s.Of[i]]
			}
		}
		return "?"
	}
	for fam, want := range map[string]string{"Smith": "JOURNAL OF INFORMETRICS", "Brown": "Scientometrics", "Jones": "J PHYS"} {
		if got := of(fam); got != want {
			t.Errorf("source of %s's work = %q, want %q", fam, got, want)
		}
	}
	if len(s.Names) != 5 {
		t.Errorf("sources %q, want 5 (Informetrics, Scientometrics, J PHYS, Physics A, Physics B)", s.Names)
	}
}
