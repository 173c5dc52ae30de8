package graph

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// This file holds the matching stages of Resolve, strongest evidence first.

// identifiers merges items sharing a DOI or another identifier.
func (r *rsResolver) identifiers() {
	// DOIs and other identifiers ("ns:value") are keyed apart: a DOI key
	// holds no ":", so the two never met in one map either
	nDOI, nIDs := 0, 0
	for i := range r.items {
		if r.items[i].doi != "" {
			nDOI++
		}
		nIDs += len(r.items[i].ids)
	}
	dois, ids := make(map[string]int, nDOI), make(map[string]int, nIDs)
	var key []byte
	for i := range r.items {
		it := &r.items[i]
		if it.doi != "" {
			key = rsAppendDOIKey(key[:0], it.doi)
			if j, ok := dois[string(key)]; ok {
				r.union(j, i, "doi", rsCheckIDs)
			} else {
				dois[string(key)] = i
			}
		}
		for _, id := range it.ids {
			ns, _, _ := strings.Cut(id, ":")
			r.byKey(ids, id, i, "id:"+ns)
		}
	}
}

// copies pairs the references of corpus records found to be one work by
// their identifiers (the same paper exported twice, or from two formats):
// a reference of a copy whose text equals one of the first record's joins
// it, occurrence by occurrence, as "copy". This happens before the other
// evidence so that one work's list, read twice, stays one list.
func (r *rsResolver) copies() {
	first := map[int]int{} // root -> its first record
	refStart := r.refStart
	var base map[string][]int
	baseRec := -1
	for i := range r.recs {
		root := r.find(i)
		b, ok := first[root]
		if !ok {
			first[root] = i
			continue
		}
		if b != baseRec {
			baseRec, base = b, map[string][]int{}
			for k := refStart[b]; k < refStart[b+1]; k++ {
				t := parse.Fold(r.ref(k).Raw)
				base[t] = append(base[t], k)
			}
		}
		used := map[string]int{}
		for k := refStart[i]; k < refStart[i+1]; k++ {
			t := parse.Fold(r.ref(k).Raw)
			if n := used[t]; n < len(base[t]) {
				used[t] = n + 1
				r.union(base[t][n], k, "copy", rsCheckIDs)
			}
		}
	}
}

// byKey merges item i with the first item holding the same identifier key.
func (r *rsResolver) byKey(first map[string]int, key string, i int, how string) {
	if j, ok := first[key]; ok {
		r.union(j, i, how, rsCheckIDs)
		return
	}
	first[key] = i
}

// keys merges items on first author, volume and first page (years within one
// of each other and venues compatible are checked). Partial descriptors
// (author, year, venue and what there is of volume and page) are left to
// the venues stage, which weighs every candidate before it merges.
func (r *rsResolver) keys() {
	// (names, volumes and pages are folded: none holds a "|", so these
	// keys are the "name|volume|page" strings they once were)
	type fvp struct{ fam, vol, page string }
	usable := func(it *rsItem) bool { return len(it.fams) > 0 && it.vol != "" && it.page != "" && !it.dup }
	n := 0
	for i := range r.items {
		if it := &r.items[i]; usable(it) {
			n += len(it.fams)
		}
	}
	full := make(map[fvp][]int, n)
	for i := range r.items {
		if it := &r.items[i]; usable(it) {
			for _, f := range it.fams {
				k := fvp{f, it.vol, it.page}
				full[k] = append(full[k], i)
			}
		}
	}
	// one list may hold the same first author, volume and page twice: one
	// work listed twice, unless the page is a weak 1
	type sig struct {
		year  int
		venue string
	}
	parts := func(i int) sig { return sig{r.items[i].year, r.items[i].venue} }
	// the same first author, volume and page in the same year cannot be two
	// works, whatever the venue is called (journals are renamed: "Annu Rev
	// Mater Sci", "ANN REV MATER RES"); a year apart, the venues must agree
	fit := func(i, j int) bool {
		it, jt := &r.items[i], &r.items[j]
		return it.year != 0 && it.year == jt.year || r.venue.loose(it.venue, jt.venue)
	}
	p := r.newPass(rsCheckTwice)
	for k, block := range full {
		if !rsWeakPage(k.page) {
			offerBlock(p, block, nil, parts, fit)
		}
	}
	p.settle("key")
	p = r.newPass(rsCheckAll)
	for k, block := range full {
		if rsWeakPage(k.page) {
			offerBlock(p, block, func(i int) bool { return r.items[i].fams[0] == k.fam }, parts, fit)
		}
	}
	p.settle("key")
	r.locations()
	r.proceedings()
}

// locations merges mentions of the same volume, first page and year
// under two first-author names: near names (a typo, an 8-letter cut) with
// the same initial and compatible venues; or any two names when both venues
// are given and compatible and the page is more than a weak 1, since where
// a work was printed outweighs how its first author was written ("BiHui J"
// for "Jin BH", "Li-Chun Y." for "Yin LC", a co-author put first). Groups
// that fit merge as rsPass settles it.
func (r *rsResolver) locations() {
	type vp struct {
		vol, page string
		year      int
	}
	usable := func(it *rsItem) bool {
		return len(it.fams) > 0 && it.vol != "" && it.page != "" && it.year != 0 && !it.dup
	}
	n := 0
	for i := range r.items {
		if usable(&r.items[i]) {
			n++
		}
	}
	index := make(map[vp][]int, n)
	for i := range r.items {
		if it := &r.items[i]; usable(it) {
			k := vp{it.vol, it.page, it.year}
			index[k] = append(index[k], i)
		}
	}
	match := func(a, b *rsItem) bool {
		if rsNameNear(a.fams[0], b.fams[0]) && a.init != 0 && a.init == b.init && r.venue.loose(a.venue, b.venue) {
			return true
		}
		return !rsWeakPage(a.page) && a.venue != "" && b.venue != "" && r.venue.compatible(a.venue, b.venue)
	}
	type sig struct {
		fam, venue string
		init       byte
	}
	p := r.newPass(rsCheckAll)
	for _, block := range index {
		offerBlock(p, block, nil,
			func(i int) sig { it := &r.items[i]; return sig{it.fams[0], it.venue, it.init} },
			func(i, j int) bool { return match(&r.items[i], &r.items[j]) })
	}
	p.settle("key")
}

// proceedings merges mentions of a paper in conference proceedings, which
// sources name in many ways ("P 17 INT C WORLD WID" and "WWW 08",
// "DALLAS GLOBECOM 89" and "IEEE GLOBECOM"): the same first author (initials
// agreeing), year and first page (more than a weak 1), and venues that are
// compatible, or proceedings-like (rsProceedings) on one side at least and
// on every side with a volume (a journal's volume and page are a journal
// paper), or any venues when neither side has a volume and one is a
// chapter or conference paper of the corpus (rsChapterType). Groups that
// fit merge as rsPass settles it.
func (r *rsResolver) proceedings() {
	type fyp struct {
		fam, page string
		year      int
	}
	usable := func(it *rsItem) bool {
		return len(it.fams) > 0 && it.page != "" && !rsWeakPage(it.page) && it.year != 0 && !it.dup
	}
	index := map[fyp][]int{}
	for i := range r.items {
		if it := &r.items[i]; usable(it) && (it.vol == "" || rsProceedings(it.venue)) {
			k := fyp{it.fams[0], it.page, it.year}
			index[k] = append(index[k], i)
		}
	}
	// a chapter or conference paper of the corpus is cited by its book's
	// series ("STUD CLASS DATA ANAL") while its record names the book
	chapter := func(it *rsItem) bool { return it.ref < 0 && rsChapterType(r.recs[it.rec].Type) }
	match := func(a, b *rsItem) bool {
		if a.vol != "" && b.vol != "" && a.vol != b.vol {
			return false
		}
		if a.vol == "" && b.vol == "" && (chapter(a) || chapter(b)) {
			return true
		}
		// a volume must be a proceedings volume, not a journal's
		pa, pb := rsProceedings(a.venue), rsProceedings(b.venue)
		return r.venue.loose(a.venue, b.venue) || (pa || pb) && (a.vol == "" || pa) && (b.vol == "" || pb)
	}
	type sig struct {
		vol, venue string
		chapter    bool
	}
	p := r.newPass(rsCheckAll)
	p.initials = true
	for _, block := range index {
		offerBlock(p, block, nil,
			func(i int) sig { it := &r.items[i]; return sig{it.vol, it.venue, chapter(it)} },
			func(i, j int) bool { return match(&r.items[i], &r.items[j]) })
	}
	p.settle("key")
}

// rsChapterType reports whether a record's document type is a part of a
// book or of proceedings: WoS "Proceedings Paper" and "Book Chapter",
// BibTeX inproceedings and incollection, Crossref and OpenAlex
// "book-chapter" and "proceedings-article", Scopus "Conference Paper", RIS
// CHAP and CPAPER.
func rsChapterType(t string) bool {
	t = strings.ToLower(t)
	for _, w := range []string{"proceedings", "chapter", "conference", "incollection", "inbook", "cpaper"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return t == "chap" || t == "conf"
}

// rsProceedingsWords are words of venue keys that name proceedings.
var rsProceedingsWords = map[string]bool{"proc": true, "proceedings": true, "conf": true, "conference": true,
	"c": true, "symp": true, "symposium": true, "workshop": true, "meeting": true, "congress": true,
	"colloquium": true, "conferencia": true, "congresso": true, "congreso": true, "tagung": true, "konferenz": true}

// rsProceedings reports whether a venue key looks like proceedings: a word
// such as "proc", "conference", WoS's "P … INT C", or a year in the name
// ("WWW 08", "GLOBECOM 89", "2017 IEEE INT C").
func rsProceedings(v string) bool {
	k := 0
	for w := range strings.FieldsSeq(v) {
		if rsProceedingsWords[w] || k == 0 && w == "p" || (len(w) == 2 || len(w) == 4) && venueIsDigits(w) {
			return true
		}
		k++
	}
	return false
}

// rsPass collects which groups fit which by one kind of evidence, then
// merges the groups that fit each other: a group merges with each group
// that fits it and that it fits, unless two of the groups that fit it
// cannot be one work (a tie, Stats.Ambiguous), in which case it stays
// apart. So no group is scattered by the order the mentions come in: a
// mention fitting two works equally joins neither, and a work fitting only
// that mention does not take it either.
type rsPass struct {
	r     *rsResolver
	check rsCheck // what the merged groups must pass (rsConsistent)
	// initials, when set, asks the groups' first-author initials to agree
	initials bool
	// fits holds, for two groups (roots), whether every pair of their
	// mentions offered fitted
	fits map[[2]int]bool
}

func (r *rsResolver) newPass(check rsCheck) *rsPass {
	return &rsPass{r: r, check: check, fits: map[[2]int]bool{}}
}

// rsBlockMax is the most groups that one block of the keys stage (first
// author, volume and page; volume, page and year; first author, page and
// year) may hold. A key shared by more groups than that is no evidence that
// any two of them are one work (a scraped page of 90,000 references written
// alike), and comparing them all would cost the square of their number: such
// a block is skipped and counted (Stats.CrowdedKeys).
const rsBlockMax = 1000

// offerBlock offers the pairs of items of one block of a pass: each item
// for which from holds (every item when from is nil) against every other
// item of the block, fitting as fit says. Items of one group with the same compared parts (sig) stand for
// each other and are offered once, so that a work cited a thousand times
// alike costs one comparison, not a million.
func offerBlock[S comparable](p *rsPass, block []int, from func(i int) bool, sig func(i int) S, fit func(i, j int) bool) {
	if len(block) < 2 {
		return
	}
	if from == nil {
		from = func(int) bool { return true }
	}
	if len(block) <= 8 {
		for _, i := range block {
			if from(i) {
				for _, j := range block {
					p.offer(i, j, fit(i, j))
				}
			}
		}
		return
	}
	type rep struct {
		root int
		s    S
		from bool
	}
	seen := make(map[rep]bool, len(block))
	roots := make(map[int]bool)
	var reps []int
	var isFrom []bool
	anyFrom := false
	for _, i := range block {
		k := rep{p.r.find(i), sig(i), from(i)}
		if seen[k] {
			continue
		}
		seen[k] = true
		roots[k.root] = true
		reps, isFrom = append(reps, i), append(isFrom, k.from)
		anyFrom = anyFrom || k.from
	}
	if !anyFrom || len(roots) < 2 {
		return
	}
	if len(roots) > rsBlockMax {
		p.r.stats.CrowdedKeys++
		return
	}
	for a, i := range reps {
		for b := a + 1; b < len(reps); b++ {
			switch j := reps[b]; {
			case isFrom[a]:
				p.offer(i, j, fit(i, j))
			case isFrom[b]:
				p.offer(j, i, fit(j, i))
			}
		}
	}
}

// offer records whether items i and j fit each other.
func (p *rsPass) offer(i, j int, fit bool) {
	ri, rj := p.r.find(i), p.r.find(j)
	if ri == rj {
		return
	}
	if ri > rj {
		ri, rj = rj, ri
	}
	k := [2]int{ri, rj}
	if old, seen := p.fits[k]; seen {
		fit = fit && old
	}
	p.fits[k] = fit
}

// settle merges the groups that fit each other (see rsPass), by method how.
func (p *rsPass) settle(how string) {
	r := p.r
	cands := map[int][]int{}
	for k, fit := range p.fits {
		a, b := r.group(k[0]), r.group(k[1])
		if fit && rsConsistent(a, b, p.check) && (!p.initials || rsInitialsAgree(a.inits, b.inits)) {
			cands[k[0]] = append(cands[k[0]], k[1])
			cands[k[1]] = append(cands[k[1]], k[0])
		}
	}
	roots := slices.Sorted(maps.Keys(cands))
	tie := map[int]bool{}
	for _, a := range roots {
		slices.Sort(cands[a])
		if len(cands[a]) > 1 && !r.canBeOne(a, cands[a], p.check, p.initials) {
			tie[a] = true
			r.stats.Ambiguous++
		}
	}
	for _, a := range roots {
		for _, b := range cands[a] {
			if b > a && !tie[a] && !tie[b] {
				r.union(a, b, how, p.check)
			}
		}
	}
}

// canBeOne reports whether group a and the groups bs could all be one
// work.
func (r *rsResolver) canBeOne(a int, bs []int, check rsCheck, initials bool) bool {
	acc := *r.group(a)
	acc.own = 0 // a's sets are a's: merge into copies
	for _, b := range bs {
		c := r.group(b)
		if !rsConsistent(&acc, c, check) || initials && !rsInitialsAgree(acc.inits, c.inits) {
			return false
		}
		acc.merge(c)
	}
	return true
}

// venues merges groups on first author (initials agreeing), year (±1) and
// compatible venue when volume or first page is missing on one side (so the
// keys could not decide) and neither side has a title to compare (the
// titles decide then). Two groups merge only when each is among the other's
// best fits: a group agreeing on the volume fits better than one that lacks
// it, a corpus record better than a reference. Several best fits that could
// all be one work (variants of one reference) all merge; best fits that
// cannot be one, or more than rsVenueFitsMax of them, leave the group apart
// (counted as ambiguous), so that a vague reference never joins two works
// or picks one at random.
func (r *rsResolver) venues() {
	// fit holds the groups that fit a group best, with an item of each
	type fit struct {
		level       int
		best, items []int
		tie         bool
	}
	// the items of a block, one per group and distinct compared parts:
	// a work cited a hundred times the same way is compared once
	type parts struct {
		root             int
		inits            string
		venue, vol, page string
		titled           bool
	}
	usable := func(it *rsItem) bool { return len(it.fams) > 0 && it.year != 0 && it.venue != "" && !it.dup }
	n := 0
	for i := range r.items {
		if usable(&r.items[i]) {
			n++
		}
	}
	block := make(map[rsBlock][]int, n/4)
	seen := newRsDistinct(func(i int) parts {
		it := &r.items[i]
		return parts{r.find(i), it.inits, it.venue, it.vol, it.page, it.title != ""}
	})
	for i := range r.items {
		if it := &r.items[i]; usable(it) {
			// (an item alone in its group has no copy to skip)
			if !r.alone(i) && !seen.add(i) {
				continue
			}
			k := rsBlock{it.fams[0], it.year}
			block[k] = append(block[k], i)
			// a record is also found under the name WoS cites it by
			if it.ref < 0 {
				if f := rsCitedFam(r.recs[it.rec].Authors); f != "" && f != it.fams[0] {
					block[rsBlock{f, it.year}] = append(block[rsBlock{f, it.year}], i)
				}
			}
		}
	}
	fits := map[int]*fit{}
	offer := func(a, b, item, level int) {
		f := fits[a]
		switch {
		case f == nil:
			fits[a] = &fit{level: level, best: []int{b}, items: []int{item}}
		case level > f.level:
			*f = fit{level: level, best: []int{b}, items: []int{item}}
		case level == f.level && !slices.Contains(f.best, b):
			f.best = append(f.best, b)
			f.items = append(f.items, item)
		}
	}
	// (the order of the blocks does not matter: a fit depends only on the
	// set of offers). Two items that both have a volume and a first page
	// never fit here (the keys decided them), so each pair offered has an
	// item without: only those are walked, each against the items of its
	// block and of the years next to it, in time proportional to the
	// incomplete items times their blocks, not to the square of a block
	// (a prolific author's year holds thousands of complete references).
	// Two titled items never fit here either (the titles decide them): a
	// titled item is walked against the untitled items only. A block whose
	// walk would cost over rsPairBudget steps (ten thousand vague
	// references of one author and year against as many others) is skipped
	// and counted (Stats.CrowdedKeys).
	untitled := make(map[rsBlock][]int, len(block))
	for k, is := range block {
		for _, i := range is {
			if r.items[i].title == "" {
				untitled[k] = append(untitled[k], i)
			}
		}
	}
	// each list walked is indexed by initials once (byInitial), and an
	// item meets only the items of the list whose initials can agree
	type listKey struct {
		rsBlock
		untitled bool
	}
	indexed := map[listKey]*rsByInitial{}
	var cand []int
	for k, is := range block {
		near := func(i int) [3][]int {
			from := block
			if r.items[i].title != "" {
				from = untitled
			}
			return [3][]int{from[k], from[rsBlock{k.key, k.year + 1}], from[rsBlock{k.key, k.year - 1}]}
		}
		nearKeys := func(i int) [3]listKey {
			t := r.items[i].title != ""
			return [3]listKey{{k, t}, {rsBlock{k.key, k.year + 1}, t}, {rsBlock{k.key, k.year - 1}, t}}
		}
		incomplete := func(i int) bool {
			it := &r.items[i]
			return it.vol == "" || it.page == "" || rsWeakPage(it.page)
		}
		cost := 0
		for _, i := range is {
			if incomplete(i) {
				for _, js := range near(i) {
					cost += len(js)
				}
			}
		}
		if cost > rsPairBudget {
			r.stats.CrowdedKeys++
			continue
		}
		for _, i := range is {
			if !incomplete(i) {
				continue
			}
			var c byte
			if s := r.inits(r.find(i)); s != "" {
				c = s[0]
			}
			for n, js := range near(i) {
				if len(js) == 0 {
					continue
				}
				lk := nearKeys(i)[n]
				x := indexed[lk]
				if x == nil {
					x = r.byInitial(js)
					indexed[lk] = x
				}
				cand = x.agreeing(c, cand[:0])
				r.venueFits(i, cand, offer)
			}
		}
	}
	// a tie: two best fits that cannot be one work
	roots := slices.Sorted(maps.Keys(fits))
	for _, a := range roots {
		f := fits[a]
		if len(f.best) > rsVenueFitsMax {
			f.tie = true
			continue
		}
		f.tie = !r.canBeOne(a, f.best, rsCheckAll, true)
		for x := range f.best {
			for y := x + 1; y < len(f.best) && !f.tie; y++ {
				f.tie = !r.venue.compatible(r.items[f.items[x]].venue, r.items[f.items[y]].venue)
			}
		}
		if f.tie {
			r.stats.Ambiguous++
		}
	}
	for _, a := range roots {
		f := fits[a]
		if f.tie {
			continue
		}
		for _, b := range f.best {
			if g := fits[b]; g != nil && !g.tie && slices.Contains(g.best, a) {
				r.union(b, a, "venue", rsCheckAll)
			}
		}
	}
}

// rsPairBudget is the most comparisons that one block of the venues stage
// may cost.
const rsPairBudget = 50_000_000

// rsVenueFitsMax is the most groups that may fit one group equally well
// and still be merged with it, all being able to be one work.
const rsVenueFitsMax = 8

// venueFits offers to each other the groups of item i and of each item of
// js that could be one work on author, year and venue (see venues), with
// the level of the fit.
func (r *rsResolver) venueFits(i int, js []int, offer func(a, b, item, level int)) {
	it := &r.items[i]
	ri := r.find(i)
	for _, j := range js {
		jt := &r.items[j]
		rj := r.find(j)
		if rj == ri || (it.vol != "" && it.page != "" && !rsWeakPage(it.page) && jt.vol != "" && jt.page != "" && !rsWeakPage(jt.page)) ||
			(it.title != "" && jt.title != "") {
			continue
		}
		if !rsInitialsAgree(r.inits(ri), r.inits(rj)) || it.vlead&jt.vlead == 0 || !r.venue.compatible(it.venue, jt.venue) ||
			!rsConsistent(r.group(ri), r.group(rj), rsCheckAll) {
			continue
		}
		level := 1
		if rsIntersect(r.group(ri).vols, r.group(rj).vols) {
			level += 2
		}
		// a corpus record, fully described, is the likelier target of a
		// vague reference than another reference
		offer(ri, rj, j, level+min(1, len(r.group(rj).recs)))
		offer(rj, ri, i, level+min(1, len(r.group(ri).recs)))
	}
}

// titles merges items on title similarity: within blocks of first author
// (under each of the author's keys) and year (±1), and, for items without
// an author, with titled items of the year (±1) sharing a rare title word.
// An item joins the group with the best score at or above the threshold
// that can take it; a tie between two groups that cannot be one work leaves
// it apart.
func (r *rsResolver) titles() {
	block := map[rsBlock][]int{}
	type titled struct {
		rsBlock
		tcmp string
	}
	exact := map[titled]int{}
	for i := range r.items {
		it := &r.items[i]
		if it.title == "" || len(it.fams) == 0 {
			continue
		}
		k := titled{rsBlock{it.fams[0], it.year}, it.tcmp}
		if j, ok := exact[k]; ok {
			if r.venue.compatible(it.venue, r.items[j].venue) && r.union(j, i, "title", rsCheckAll) {
				continue // a copy: its group is in the blocks already
			}
		} else {
			exact[k] = i
		}
		for _, f := range it.fams {
			block[rsBlock{f, it.year}] = append(block[rsBlock{f, it.year}], i)
		}
	}
	// a crowded block (a common name, a prolific author) is searched through
	// the first and the last letters of the titles: a title within the
	// threshold of another shares one end with it unless edits hit both
	type end struct {
		rsBlock
		end string
	}
	ends := map[end][]int{}
	for k, is := range block {
		if len(is) <= rsCrowded {
			continue
		}
		for _, i := range is {
			t := r.items[i].tcmp
			ends[end{k, "<" + t[:min(3, len(t))]}] = append(ends[end{k, "<" + t[:min(3, len(t))]}], i)
			ends[end{k, ">" + t[max(0, len(t)-3):]}] = append(ends[end{k, ">" + t[max(0, len(t)-3):]}], i)
		}
	}
	// an end shared by more than rsBlockMax titles of one block (titles
	// alike but for a number) is no way in: those titles are not searched
	// through it
	for _, is := range ends {
		if len(is) > rsBlockMax {
			r.stats.CrowdedKeys++
		}
	}
	lists := func(k rsBlock, t string) [][]int {
		if is := block[k]; len(is) <= rsCrowded {
			return [][]int{is}
		}
		var out [][]int
		for _, e := range [...]string{"<" + t[:min(3, len(t))], ">" + t[max(0, len(t)-3):]} {
			if is := ends[end{k, e}]; len(is) <= rsBlockMax {
				out = append(out, is)
			}
		}
		return out
	}
	seen := make([]int, len(r.items)) // seen[j] == i+1: j was scored for i
	type grouped struct {
		root      int
		fam, tcmp string
	}
	done := map[grouped]bool{} // a group's title, once scored, needs no second look
	for i := range r.items {
		it := &r.items[i]
		if it.title == "" || len(it.fams) == 0 {
			continue
		}
		ri := r.find(i)
		if g := (grouped{ri, it.fams[0], it.tcmp}); done[g] {
			continue
		} else {
			done[g] = true
		}
		b := rsBest{j: -1}
		for _, f := range it.fams {
			for dy := -1; dy <= 1; dy++ {
				if dy != 0 && it.year == 0 {
					continue
				}
				for _, l := range lists(rsBlock{f, it.year + dy}, it.tcmp) {
					for _, j := range l {
						r.considerTitle(&b, seen, i, j)
					}
				}
			}
		}
		r.settleTitle(b, i)
	}
	r.titlesNoAuthor()
}

// rsCrowded is the size from which a block of titles is searched by the
// ends of the titles rather than whole.
const rsCrowded = 200

// rsPrefixWords is the least number of words of a title that another title
// may extend and still count as the same, for a reference without author:
// a scraped "Title Journal, Year" line holds the title and the venue. Among
// works of one author a longer title is too often another paper ("… for
// heat assisted magnetic recording" and "… for heat assisted magnetic
// recording relative to other advanced recording schemes").
const rsPrefixWords = 5

// rsVenuePenalty is taken off the title score of two works whose venues
// cannot be the same: equal titles then score below DefaultFuzzyThreshold,
// which keeps a conference digest and its journal paper apart.
const rsVenuePenalty = 0.15

// titleScore scores the titles of two items, with the Mention.How it
// earns: 1 "title" for equal titles, the edit similarity "fuzzy:0.93", or,
// when prefix is set, for a title that begins with the whole other one (at
// least rsPrefixWords words) 1 "fuzzy:prefix". Titles whose numbers differ
// ("Part I" and "Part II", "in 2009" and "in 2010") score 0, and
// incompatible venues take rsVenuePenalty off.
func (r *rsResolver) titleScore(a, b *rsItem, prefix bool) (float64, string) {
	var s float64
	how := ""
	switch {
	case a.tcmp == b.tcmp:
		s, how = 1, "title"
	case prefix && rsPrefix(a.title, b.title):
		s, how = 1, "fuzzy:prefix"
	default:
		if a.nums != b.nums {
			return 0, ""
		}
		if long := max(len(a.tcmp), len(b.tcmp)); rsHistDist(&a.hist, &b.hist) > 2*int((1-r.thr)*float64(long)) {
			return 0, "" // too many edits apart to reach the threshold
		}
		if s = rsTitleSim(a.tcmp, b.tcmp, r.thr); s < r.thr {
			return 0, ""
		}
	}
	if !r.venue.loose(a.venue, b.venue) {
		s -= rsVenuePenalty
	}
	if how == "" || s < 1 {
		how = rsFuzzyHow(s)
	}
	return s, how
}

func rsFuzzyHow(s float64) string {
	if s >= 1 {
		return "title"
	}
	// rounded down: "fuzzy:1.00" would read as an exact title
	return "fuzzy:" + strconv.FormatFloat(math.Floor(s*100)/100, 'f', 2, 64)
}

// titlesNoAuthor matches titled items without an author against all titled
// items of the year (±1) sharing one of their rarest title words.
func (r *rsResolver) titlesNoAuthor() {
	need := false
	for i := range r.items {
		if it := &r.items[i]; it.title != "" && it.year != 0 && len(it.fams) == 0 {
			need = true
			break
		}
	}
	if !need {
		return
	}
	df := map[string]int{}
	words := make([][]string, len(r.items))
	for i := range r.items {
		it := &r.items[i]
		if it.title == "" || it.year == 0 {
			continue
		}
		ws := rsTitleWords(it.title)
		words[i] = ws
		for _, w := range ws {
			df[w]++
		}
	}
	// each titled item is indexed under its three rarest words, by year
	const nRare = 3
	for i, ws := range words {
		if ws != nil {
			slices.SortFunc(ws, func(a, b string) int { return cmp.Or(cmp.Compare(df[a], df[b]), cmp.Compare(a, b)) })
			words[i] = ws[:min(nRare, len(ws))]
		}
	}
	index := map[rsBlock][]int{}
	for i, ws := range words {
		for _, w := range ws {
			k := rsBlock{w, r.items[i].year}
			index[k] = append(index[k], i)
		}
	}
	// a word whose list is that long is not rare: even a title's rarest
	// words are then too common to pick candidates by
	for _, is := range index {
		if len(is) > rsBlockMax {
			r.stats.CrowdedKeys++
		}
	}
	seen := make([]int, len(r.items)) // seen[j] == i+1: j was scored for i
	for i := range r.items {
		it := &r.items[i]
		if words[i] == nil || len(it.fams) > 0 {
			continue
		}
		b := rsBest{j: -1}
		for _, w := range words[i] {
			for dy := -1; dy <= 1; dy++ {
				is := index[rsBlock{w, it.year + dy}]
				if len(is) > rsBlockMax {
					continue
				}
				for _, j := range is {
					r.considerTitle(&b, seen, i, j)
				}
			}
		}
		r.settleTitle(b, i)
	}
}

// rsTitleStop are words too common to pick title candidates by.
var rsTitleStop = map[string]bool{"the": true, "and": true, "for": true, "with": true, "from": true, "into": true,
	"its": true, "their": true, "des": true, "les": true, "der": true, "die": true, "und": true, "von": true, "una": true}

// rsTitleWords returns the distinct words of a folded title worth indexing.
func rsTitleWords(t string) []string {
	var out []string
	for _, w := range strings.Fields(t) {
		if len(w) >= 3 && !rsTitleStop[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// rsTitleSim is the normalised edit similarity of two folded titles,
// 1 - distance / longer length, when it is at least floor; else 0.
func rsTitleSim(a, b string, floor float64) float64 {
	if a == b {
		return 1
	}
	long := max(len(a), len(b))
	if long == 0 {
		return 0
	}
	k := int((1 - floor) * float64(long))
	d := rsEditWithin(a, b, k)
	if d > k {
		return 0
	}
	return 1 - float64(d)/float64(long)
}

// rsEditWithin is the byte edit distance of a and b when it is at most k,
// else k+1; it computes only the diagonal band of width 2k+1 (the cells
// just outside the band hold k+1).
func rsEditWithin(a, b string, k int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	n, m := len(a), len(b)
	if n-m > k {
		return k + 1
	}
	big := k + 1
	var buf [2 * 160]int // titles fit: no allocation per pair
	rows := buf[:]
	if 2*(m+1) > len(rows) {
		rows = make([]int, 2*(m+1))
	}
	prev, cur := rows[:m+1], rows[m+1:2*(m+1)]
	for j := range prev {
		prev[j] = min(j, big)
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		if lo > 1 {
			cur[lo-1] = big
		} else {
			cur[0] = min(i, big)
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v = 1 + min(v, cur[j-1], prev[j])
			}
			cur[j] = min(v, big)
			best = min(best, cur[j])
		}
		if hi < m {
			cur[hi+1] = big
		}
		if best > k {
			return big
		}
		prev, cur = cur, prev
	}
	return min(prev[m], big)
}

// rsPrefix reports whether one folded title is the other's first words,
// rsPrefixWords of them at least.
func rsPrefix(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a) && len(b) > len(a) && b[len(a)] == ' ' && strings.Count(a, " ") >= rsPrefixWords-1
}

// rsNumbers returns the digits of a folded title in order, and its roman
// numerals: "l1 0 fept at 1 5 tb in 2" and "l10 fept at 1 5 tb in2" both
// give "10152"; "part ii" gives "|ii".
func rsNumbers(t string) string {
	var b []byte
	start := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] != ' ' {
			if t[i] >= '0' && t[i] <= '9' {
				b = append(b, t[i])
			}
			continue
		}
		if w := t[start:i]; len(w) >= 2 && len(w) <= 4 && (w[0] == 'i' || w[0] == 'v' || w[0] == 'x') && rsRoman[w] {
			b = append(b, '|')
			b = append(b, w...)
		}
		start = i + 1
	}
	return string(b)
}

var rsRoman = map[string]bool{"ii": true, "iii": true, "iv": true, "vi": true, "vii": true, "viii": true, "ix": true,
	"xi": true, "xii": true}

// rsBest is the best title candidate found so far for one item.
type rsBest struct {
	score float64
	j     int    // the candidate, -1 for none
	how   string // the candidate's Mention.How
	tie   bool   // another candidate that cannot be the same work scored as well
}

// considerTitle scores candidate j for item i once (seen[j] == i+1 marks it
// scored) and keeps it in b if it is the best consistent one so far.
func (r *rsResolver) considerTitle(b *rsBest, seen []int, i, j int) {
	ri := r.find(i)
	if seen[j] == i+1 || j == i || r.find(j) == ri {
		return
	}
	seen[j] = i + 1
	s, how := r.titleScore(&r.items[i], &r.items[j], true)
	if s < r.thr || s < b.score || !rsConsistent(r.group(ri), r.group(r.find(j)), rsCheckAll) {
		return
	}
	if s > b.score {
		*b = rsBest{score: s, j: j, how: how}
	} else if rj, rb := r.find(j), r.find(b.j); rj != rb && !rsConsistent(r.group(rj), r.group(rb), rsCheckAll) {
		b.tie = true // two works that cannot be one fit equally
	}
}

// settleTitle merges item i with its best candidate, or counts a tie as
// ambiguous and merges nothing.
func (r *rsResolver) settleTitle(b rsBest, i int) {
	switch {
	case b.tie:
		r.stats.Ambiguous++
	case b.j >= 0:
		r.union(b.j, i, b.how, rsCheckAll)
	}
}
