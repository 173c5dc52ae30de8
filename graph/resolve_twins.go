package graph

import (
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// This file holds the twins stage of Resolve: one paper exported by two
// sources (Web of Science and Scopus, say) carries two versions of one
// reference list, and each entry of one list meets its twin in the other.

// twins aligns the reference lists of corpus records found to be one work
// (by their identifiers, or as copies): within two lists of one paper a
// first author and a year name one entry nearly always, so entries that
// the earlier stages left apart meet there on evidence too weak for the
// whole corpus: the same first author (or, without one, a title the other
// source cut into its source field, "STAT POWER ANAL BEHA"), a year at most
// one apart, and nothing contradicting (volume, page, initials, titles).
// Two entries meet when each is the other's single best fit (twinScore);
// the merged groups must stay consistent, as for every merge.
func (r *rsResolver) twins() {
	lists := map[int][]int{} // root -> its records with references
	var roots []int
	for i := range r.recs {
		if len(r.recs[i].References) == 0 {
			continue
		}
		root := r.find(i)
		if _, ok := lists[root]; !ok {
			roots = append(roots, root)
		}
		lists[root] = append(lists[root], i)
	}
	for _, root := range roots {
		recs := lists[root]
		for _, other := range recs[1:] {
			r.alignLists(recs[0], other)
		}
	}
}

// alignLists meets the entries of the reference lists of records a and b
// that are each other's single best fit.
func (r *rsResolver) alignLists(a, b int) {
	// the entries of each list whose work the other list lacks
	open := func(x, y int) []int {
		var out []int
		for i := r.refStart[x]; i < r.refStart[x+1]; i++ {
			ri := r.find(i)
			met := false
			for j := r.refStart[y]; j < r.refStart[y+1] && !met; j++ {
				met = r.find(j) == ri
			}
			if !met {
				out = append(out, i)
			}
		}
		return out
	}
	as, bs := open(a, b), open(b, a)
	if len(as) == 0 || len(bs) == 0 {
		return
	}
	score := make([]int, len(as)*len(bs))
	for x, i := range as {
		for y, j := range bs {
			score[x*len(bs)+y] = r.twinScore(i, j)
		}
	}
	// best returns the k < n of the single highest score(k), or -1
	best := func(n int, score func(k int) int) int {
		top, at := 0, -1
		for k := range n {
			switch s := score(k); {
			case s > top:
				top, at = s, k
			case s == top && s > 0:
				at = -1
			}
		}
		return at
	}
	for x, i := range as {
		y := best(len(bs), func(k int) int { return score[x*len(bs)+k] })
		if y < 0 || score[x*len(bs)+y] < rsTwinMin {
			continue
		}
		if best(len(as), func(k int) int { return score[k*len(bs)+y] }) == x {
			// two of year, volume and first page outweigh the third
			check := rsCheckAll
			if rsTwoOfThree(&r.items[i], &r.items[bs[y]]) {
				check = rsCheckPlace
			}
			r.union(bs[y], i, "twin", check)
		}
	}
}

// rsTwinMin is the least twinScore on which two entries of two lists of
// one paper meet: a first author and a year, or a title and a year.
const rsTwinMin = 5

// twinScore scores how well entries i and j of two lists of one paper fit:
// 0 when something contradicts (another first author or initials, years
// more than one apart, another volume or first page, other titles), else
// the evidence that agrees: the first author (twinName), the year 2 (a year
// apart 1), the volume 2, the first page 2, a title 3, a title cut into the
// other's source field 3 (twinText), else compatible venues 1.
func (r *rsResolver) twinScore(i, j int) int {
	a, b := &r.items[i], &r.items[j]
	s := 0
	// two of year, volume and first page agreeing outweigh the third: one
	// source's typo ("316" for volume 31 issue 6, a page 497 for 495, the
	// year online against the year of the issue)
	loose := rsTwoOfThree(a, b)
	text := max(r.twinText(i, j), r.twinText(j, i))
	switch n := r.twinName(i, j); {
	case n > 0:
		s += n
	case n < 0 && text < 3:
		// other authors, unless three words or more of a title agree:
		// a corporate author one source puts after the title
		// ("European Commission, WELL TO WHEELS AN FU")
		return 0
	case text == 0 && (a.title == "" || b.title == ""):
		return 0 // no author to go by, and no title either
	}
	switch d := a.year - b.year; {
	case a.year == 0 || b.year == 0:
	case d == 0:
		s += 2
	case d == 1 || d == -1:
		s++
	case !loose:
		return 0
	}
	switch {
	case a.vol == "" || b.vol == "":
	case a.vol == b.vol:
		s += 2
	case !loose:
		return 0
	}
	switch {
	case a.page == "" || b.page == "" || rsWeakPage(a.page) || rsWeakPage(b.page):
	case a.page == b.page:
		s += 2
	case !loose:
		return 0
	}
	switch {
	case a.title != "" && b.title != "":
		if t, _ := r.titleScore(a, b, true); t >= r.thr {
			s += 3
		} else {
			return 0
		}
	case text > 0:
		s += 3
	case a.venue != "" && b.venue != "" && r.venue.compatible(a.venue, b.venue):
		s++
	}
	return s
}

// twinName scores the authors of entries i and j of two lists of one
// paper: 3 for the same first author, 2 for a near name or when one
// source's first author is another author of the other entry (Web of
// Science gives some cited works under a later author) or one word of a
// compound family name ("Olesen JF" for "Fausing Olesen, J."); -1 when both
// have authors and none of these holds, or the initials disagree; 0 when
// one has no author.
func (r *rsResolver) twinName(i, j int) int {
	a, b := &r.items[i], &r.items[j]
	if len(a.fams) == 0 || len(b.fams) == 0 {
		return 0
	}
	switch {
	case rsShareName(a.fams, b.fams):
		if !rsInitialsAgree(a.inits, b.inits) {
			return -1
		}
		return 3
	case rsNameNear(a.fams[0], b.fams[0]) && rsInitialsAgree(a.inits, b.inits):
		return 2
	}
	// the first author of one among the authors of the other, by a word of
	// the family name and the initials (not compared when the family name
	// has several words: "North Matthew A" for "North, M.A.")
	in := func(x, y int) bool {
		fx := strings.Fields(rsUmlaut.Replace(parse.Fold(r.authors(x)[0].Family)))
		ix := r.items[x].inits
		for _, au := range r.authors(y) {
			for _, w := range strings.Fields(rsUmlaut.Replace(parse.Fold(au.Family))) {
				if len(w) >= 3 && slices.Contains(fx, w) &&
					(len(fx) > 1 || rsInitialsAgree(ix, rsInitials([]parse.Author{au}))) {
					return true
				}
			}
		}
		return false
	}
	if in(i, j) || in(j, i) {
		return 2
	}
	return -1
}

// authors returns the authors of item i's record or reference.
func (r *rsResolver) authors(i int) []parse.Author {
	if it := &r.items[i]; it.ref < 0 {
		return r.recs[it.rec].Authors
	}
	return r.ref(i).Authors
}

// twinText returns how many words of the source field of entry i (which
// has no title) name entry j's work as j writes it, 0 if they do not: Web
// of Science cuts a book's or report's title into a 20-character source
// ("STAT POWER ANAL BEHA" for "Statistical power analysis for the
// behavioral sciences", "EMT STRAT PLAN" for "EMT Strategic Plan, ,
// https://…"), which the other source has as a title, as a venue or only in
// its text. Two words at least must agree, in order, abbreviated as ISO 4
// does.
func (r *rsResolver) twinText(i, j int) int {
	a, b := &r.items[i], &r.items[j]
	if a.title != "" || a.venue == "" {
		return 0
	}
	va := strings.Fields(a.venue)
	if len(va) < 2 {
		return 0
	}
	for _, t := range []string{b.title, b.venue, r.ref(j).Raw} {
		if t == "" || t == a.venue {
			continue
		}
		words := venueWords(t)
		for k := 0; k+len(va) <= len(words); k++ {
			if words[k][0] == va[0][0] && venueAbbreviates(va, words[k:], true) {
				return len(va)
			}
		}
	}
	return 0
}

// rsTwoOfThree reports whether two of the year, volume and first page (not
// a weak 1) of two items are given and equal.
func rsTwoOfThree(a, b *rsItem) bool {
	n := 0
	if a.year != 0 && a.year == b.year {
		n++
	}
	if a.vol != "" && a.vol == b.vol {
		n++
	}
	if a.page != "" && a.page == b.page && !rsWeakPage(a.page) {
		n++
	}
	return n >= 2
}

// rsShareName reports whether two first authors share a name key.
func rsShareName(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
