package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// This file holds the exact stage of Resolve: identical reference texts
// are one work.

// exactText returns the text item i (a reference) is compared by in the
// exact stage, and sets its press mark: the text when the reference names a
// work specifically enough for two identical texts to be one work, else "".
// That is a first author and a year with a title or two words more (a
// venue, volume, page); a first author and a venue "in press"; or, without
// author, a year with a title, a volume and page, or 20 letters of two words
// more ("[Anonymous], 2010, NATURE" names no one work). A reference
// with author, volume and page is compared as written (the key stage meets
// its variants in case); any other is compared folded.
func (r *rsResolver) exactText(i int) string {
	it := &r.items[i]
	raw := r.ref(i).Raw
	if raw == "" {
		return ""
	}
	if len(it.fams) > 0 && it.vol != "" && it.page != "" {
		if it.year > 0 {
			return raw
		}
		return ""
	}
	t := parse.Fold(raw)
	it.press = rsInPress(t)
	// words beyond an author and a year: a source, however it was parsed
	// ("Jones JH, 1989, AND AND" has a venue of function words only)
	more := strings.Count(t, " ") >= 3
	switch {
	case len(it.fams) > 0:
		if it.year > 0 && (more || it.title != "") || it.press && it.venue != "" {
			return t
		}
	case it.year > 0 && (it.title != "" || it.vol != "" && it.page != "" || more && len(t) >= 20):
		return t
	}
	return ""
}

// rsPressMarks are the folded words by which a reference says the work was
// not yet published, in the languages references are commonly written in.
var rsPressMarks = []string{"in press", "inpress", "forthcoming", "to appear", "accepted for publication",
	"early access", "early view", "online first", "epub ahead", "im druck", "sous presse", "en prensa", "no prelo",
	"in stampa", "в печати"}

// rsInPress reports whether a folded reference text marks a work in press.
func rsInPress(t string) bool {
	for _, m := range rsPressMarks {
		if i := strings.Index(t, m); i >= 0 && (i == 0 || t[i-1] == ' ') && (i+len(m) == len(t) || t[i+len(m)] == ' ') {
			return true
		}
	}
	return false
}

// exact merges the mentions whose texts (exactText) are identical: the same
// string in two reference lists, or twice in one, names one work. Hard
// evidence overrides it: when the identical texts sit in groups holding
// different DOIs or identifiers (a source gave one string two DOIs), the
// texts without such evidence join each other and stay apart from every
// group with it (Stats.TextTies), rather than each joining a group or none.
// A text without volume or page that one reference list holds twice names
// two works there ("Newman MEJ, 2001, PHYS REV E, V64" for papers 016131 and
// 016132): the group takes the list's first entry, the others stay apart
// (Stats.TextRepeated). Every text in a group but the first is marked dup:
// the later stages look at the first one only.
func (r *rsResolver) exact() {
	// the items of one text are chained in item order from the first:
	// next[i] is the next one (item 0 is a record, never a reference, so 0
	// ends a chain), last[first] the last one so far (0 for the others)
	next := make([]int32, len(r.items))
	last := make([]int32, len(r.items))
	first := make(map[string]int32, len(r.items)-len(r.recs))
	for i := len(r.recs); i < len(r.items); i++ {
		t := r.exactText(i)
		if t == "" {
			continue
		}
		if f, ok := first[t]; ok {
			next[last[f]] = int32(i)
			last[f] = int32(i)
		} else {
			first[t] = int32(i)
			last[i] = int32(i)
		}
	}
	var chain []int
	for f := range r.items {
		if last[f] == 0 || next[f] == 0 {
			continue // not the first of a text, or its text is not repeated
		}
		// the chain, without the second entries of one list for a vague
		// text (a list's entries are consecutive items)
		vague := r.items[f].vol == "" || r.items[f].page == ""
		chain = chain[:0]
		repeated := false
		for i := f; i != 0; i = int(next[i]) {
			if vague && len(chain) > 0 && r.items[i].rec == r.items[chain[len(chain)-1]].rec {
				repeated = true
				continue
			}
			chain = append(chain, i)
		}
		if repeated {
			r.stats.TextRepeated++
		}
		// one group can take them all unless two hold different identifiers
		var acc rsCluster
		tie := false
		for _, i := range chain {
			c := r.group(r.find(i))
			if !rsConsistent(&acc, c, rsCheckIDs) {
				tie = true
				break
			}
			// (the identifiers only: the rest is not checked)
			acc.doi = cmp.Or(acc.doi, c.doi)
			acc.ids = rsUnionSorted(acc.ids, c.ids)
		}
		if tie {
			r.stats.TextTies++
		}
		lead := -1
		for _, i := range chain {
			if c := r.group(r.find(i)); tie && (c.doi != "" || len(c.ids) > 0) {
				continue
			}
			if lead < 0 {
				lead = i
			} else if r.union(lead, i, "text", rsCheckIDs) {
				r.items[i].dup = true
			}
		}
	}
}

// inPress joins a reference to a work "in press" (rsInPress) with the
// published work it became: the same first author (initials agreeing), a
// compatible venue once the in-press words are taken out of it, a title
// that agrees when both have one, and a year from one before to three after
// the in-press year when that is given. Exactly one published group must
// fit; else the reference is left apart and counted (Stats.InPressApart).
func (r *rsResolver) inPress() {
	var press []int
	for i := range r.items {
		if it := &r.items[i]; it.press && !it.dup && len(it.fams) > 0 && it.ref >= 0 {
			press = append(press, i)
		}
	}
	if len(press) == 0 {
		return
	}
	// published works by first-author key
	byName := map[string][]int{}
	for i := range r.items {
		if it := &r.items[i]; !it.press && !it.dup && len(it.fams) > 0 && it.year > 0 && (it.vol != "" || it.page != "") {
			byName[it.fams[0]] = append(byName[it.fams[0]], i)
		}
	}
	for _, i := range press {
		it := &r.items[i]
		venue := rsPressVenue(r.ref(i).Venue)
		ri := r.find(i)
		var roots []int
		pick := -1
		for _, f := range it.fams {
			for _, j := range byName[f] {
				jt := &r.items[j]
				rj := r.find(j)
				if rj == ri || slices.Contains(roots, rj) {
					continue
				}
				if it.year > 0 && (jt.year < it.year-1 || jt.year > it.year+3) {
					continue
				}
				if venue == "" || !r.venue.compatible(venue, jt.venue) ||
					it.title != "" && jt.title != "" && it.tcmp != jt.tcmp && rsTitleSim(it.tcmp, jt.tcmp, r.thr) == 0 {
					continue
				}
				if !rsInitialsAgree(r.inits(ri), r.inits(rj)) {
					continue
				}
				// the year check is the one above: the published work may
				// be years after the in-press mention, which has none
				c := *r.group(ri)
				c.yMin, c.yMax = 0, 0
				if !rsConsistent(&c, r.group(rj), rsCheckAll) {
					continue
				}
				roots = append(roots, rj)
				pick = j
			}
		}
		if len(roots) == 1 && r.union(pick, i, "press", rsCheckAll) {
			continue
		}
		r.stats.InPressApart++
	}
}

// rsPressVenue is the venue key of a reference in press without the words
// that say so: "SCIENTOMETR IN PRESS" gives "scientometr".
func rsPressVenue(venue string) string {
	f := " " + parse.Fold(venue) + " "
	for _, m := range rsPressMarks {
		f = strings.ReplaceAll(f, " "+m+" ", " ")
	}
	return venueKey(f)
}
