package graph

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse"
)

func TestLabels(t *testing.T) {
	au := func(f string) []parse.Author { return []parse.Author{{Family: f, Given: "H"}} }
	works := []Work{
		// 0, 1: cited works of one author and year, told apart by venue
		{ID: "a", Authors: au("RICHTER"), Year: 2006, Venue: "IEEE T MAGN", Volume: "42", Pages: "2255-2260"},
		{ID: "b", Authors: au("Richter"), Year: 2006, Venue: "APPL PHYS LETT", Volume: "V88"},
		// 2, 3: the same in every field: letters after the year
		{ID: "c", Authors: au("COSTADEB.O"), Year: 1972, Venue: "PHYS REV", Volume: "1"},
		{ID: "d", Authors: au("COSTADEB.O"), Year: 1972, Venue: "PHYS REV", Volume: "1"},
		// 4: a paper of the corpus with a title in capitals
		{ID: "e", InCorpus: true, Authors: au("O'BRIEN"), Year: 1951, Title: "PROTEIN MEASUREMENT: THE FOLIN PHENOL REAGENT"},
		// 5, 6: titles that differ only in case
		{ID: "f", InCorpus: true, Authors: au("Bradford"), Year: 1976, Title: "A rapid and sensitive method"},
		{ID: "g", InCorpus: true, Authors: au("Bradford"), Year: 1976, Title: "A Rapid and Sensitive Method"},
		// 7: no author
		{ID: "h", Year: 1987, Title: "Coalitions and conflict in the national health service"},
		// 8: a paper without title: its venue
		{ID: "i", InCorpus: true, Authors: au("van der waals"), Year: 1873, Venue: "Leiden"},
		// 9: a group author
		{ID: "j", InCorpus: true, Authors: au("Scandinavian Simvastatin Survival Study Group"), Year: 1994, Title: "Randomised trial"},
	}
	g := New(&Resolution{Works: works})
	all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	want := []string{
		"Richter 2006, IEEE T MAGN, V42, P2255",
		"Richter 2006, APPL PHYS LETT, V88",
		"Costadeb.O 1972a, PHYS REV, V1",
		"Costadeb.O 1972b, PHYS REV, V1",
		"O'Brien 1951, Protein measurement: The…",
		"Bradford 1976a, A rapid and sensitive…",
		"Bradford 1976b, A Rapid and Sensitive…",
		"1987, Coalitions and conflict in the…",
		"Van Der Waals 1873, Leiden",
		"Scandinavian… 1994, Randomised trial",
	}
	got := g.Labels(all, nil)
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("label %d = %q, want %q", k, got[k], want[k])
		}
	}
	// narrower, 18 runes after "Richter 2006, ": the venue would keep 7
	// runes beside ", V42, P2255", so the page goes; "APPL PHYS LETT" is
	// cut to fit beside ", V88"
	got = g.Labels([]int{0, 1}, &LabelOptions{Width: 32})
	if got[0] != "Richter 2006, IEEE T MAGN, V42" || got[1] != "Richter 2006, APPL PHYS…, V88" {
		t.Errorf("width 32: %q", got)
	}
	// a diagram's label: the detail on lines of its own
	got = g.Labels([]int{4}, &LabelOptions{Width: 24, Sep: "\n", Lines: 2})
	if got[0] != "O'Brien 1951\nProtein measurement: The\nfolin phenol reagent" {
		t.Errorf("two lines: %q", got[0])
	}
	// one work alone needs no letter
	if got := g.Labels([]int{2}, nil); got[0] != "Costadeb.O 1972, PHYS REV, V1" {
		t.Errorf("alone: %q", got[0])
	}
}

// TestLabelsUnique draws random works from a small pool of names, years,
// venues and titles, so that many clash, and checks that the labels are
// all different (also after folding case) and within the width.
func TestLabelsUnique(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Li", "LI", "Wang", "Smith", "", "A Very Long Family Name Indeed Of A Group"}
	venues := []string{"", "NATURE", "J APPL PHYS", "Journal of Applied Physics and Many Other Things"}
	titles := []string{"", "Deep learning", "DEEP LEARNING", "A study of something quite long that goes on and on"}
	for _, width := range []int{16, 24, 32, 40} {
		var works []Work
		for k := 0; k < 300; k++ {
			w := Work{ID: fmt.Sprint(k), InCorpus: rng.IntN(2) == 0, Year: 2000 + rng.IntN(3),
				Venue: venues[rng.IntN(len(venues))], Title: titles[rng.IntN(len(titles))], Label: fmt.Sprint("work ", k%7)}
			if n := names[rng.IntN(len(names))]; n != "" {
				w.Authors = []parse.Author{{Family: n}}
			}
			if rng.IntN(2) == 0 {
				w.Volume = fmt.Sprint(rng.IntN(3))
			}
			works = append(works, w)
		}
		g := New(&Resolution{Works: works})
		idx := make([]int, len(works))
		for k := range idx {
			idx[k] = k
		}
		for _, sep := range []string{"", "\n"} {
			labels := g.Labels(idx, &LabelOptions{Width: width, Sep: sep, Lines: 2})
			seen := map[string]int{}
			for k, s := range labels {
				if j, ok := seen[parse.Fold(s)]; ok {
					t.Errorf("width %d: works %d and %d share the label %q / %q", width, j, k, labels[j], s)
				}
				seen[parse.Fold(s)] = k
				for _, line := range strings.Split(s, "\n") {
					// the head is never cut, and letters or a number may follow it
					if n := utf8.RuneCountInString(line); n > max(width, 24)+5 {
						t.Errorf("width %d: line of %d runes: %q", width, n, line)
					}
				}
			}
		}
	}
}

func TestNameCase(t *testing.T) {
	for in, want := range map[string]string{
		"RICHTER": "Richter", "O'BRIEN": "O'Brien", "COSTA-KRAMER": "Costa-Kramer", "van der waals": "Van Der Waals",
		"McDonald": "McDonald", "de Solla Price": "de Solla Price", "ÅSTRÖM": "Åström", "": "",
	} {
		if got := NameCase(in); got != want {
			t.Errorf("NameCase(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"PROTEIN MEASUREMENT WITH THE FOLIN PHENOL REAGENT": "Protein measurement with the folin phenol reagent",
		"DNA: A DOUBLE HELIX. SECOND PART":                  "Dna: A double helix. Second part",
		"Deep Learning":                                     "Deep Learning",
		"R":                                                 "R",
	} {
		if got := TitleCase(in); got != want {
			t.Errorf("TitleCase(%q) = %q, want %q", in, got, want)
		}
	}
}
