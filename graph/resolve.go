package graph

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// ResolveOptions controls Resolve. The zero value is ready to use.
type ResolveOptions struct {
	// FuzzyThreshold is the least title similarity (0 to 1) for two works to
	// be merged on their titles; 0 means DefaultFuzzyThreshold.
	FuzzyThreshold float64
	// NoFuzzy turns title matching off: only identifiers, keys and exact
	// reference texts merge works.
	NoFuzzy bool
}

// DefaultFuzzyThreshold is the title score from which two works of the same
// first author and year (±1), or two titled works of which one has no
// author, are taken to be one.
//
// Measured by TestTitleThreshold on the WoS, Scopus and PubMed exports of
// the shared corpora (pairs of one author and year, both with DOIs, the DOIs
// as truth): pairs that are two works score at most 0.84 ("a TMR
// mitigation method…" and "an iterative TMR mitigation method…"), except
// versions of one paper under two DOIs (0.977), and equal titles in
// incompatible venues score 0.85 (rsVenuePenalty: conference digests and
// their journal papers); below 0.88 lie only translated or mis-parsed
// titles of one work. At 0.88: precision 0.95, recall 0.66 of the pairs
// whose titles differ at all (equal titles merge anyway).
const DefaultFuzzyThreshold = 0.88

// Resolve groups corpus records and their references into distinct works.
//
// The evidence is used strongest first, every merge is checked against the
// works already formed (union-find with constraints: a work never holds two
// DOIs, two values of one identifier, years more than one apart, two
// volumes or two first pages, nor a reference from one of its own records),
// so that transitive merges cannot chain unrelated works:
//
//  1. identifiers: DOI, then OpenAlex, WoS UT, Scopus EID, PubMed, Lens… ids;
//  2. keys: first author + volume + first page (year ±1, venues compatible),
//     identical partial descriptors, and identical reference texts;
//  3. author + year + compatible venue, when volume or page is missing and
//     exactly one work qualifies;
//  4. title similarity within blocks of first author and year ±1, and for
//     works without authors, title + year.
//
// The result is deterministic: the same records give the same works, IDs
// and order.
func Resolve(recs []parse.Record, opt *ResolveOptions) *Resolution {
	if opt == nil {
		opt = &ResolveOptions{}
	}
	r := rsNew(recs, opt)
	r.identifiers()
	r.copies()
	r.keys()
	if !opt.NoFuzzy {
		r.titles()
	}
	r.venues()
	return r.build()
}

// rsItem is one mention: a record or one reference of a record, reduced to
// the parts that are compared.
type rsItem struct {
	rec   int      // the record, or the citing record of a reference
	ref   int      // index into the record's References, -1 for the record
	doi   string   // normalised DOI
	ids   []string // other identifiers, "ns:value", sorted
	fams  []string // first-author keys, the main one first
	init  byte     // first-author initial, 0 if unknown
	year  int
	vol   string
	page  string // first page
	venue string // venueKey
	title string // folded title
	tcmp  string // the title as compared: folded, without spaces ("l1 0" and "l10" meet)
	nums  string // the title's digits and roman numerals, which must agree
	text  string // folded reference text, for identical-text matching
}

// rsBlock is a blocking key: a name or word, and a year.
type rsBlock struct {
	key  string
	year int
}

// rsCluster is the state of one group of items, kept at its union-find root.
type rsCluster struct {
	doi        string
	ids        []string // "ns:value", sorted, at most one per namespace
	yMin, yMax int      // 0 when no year is known
	vols       []string
	pages      []string
	recs       []int // corpus records in the group, sorted
	citers     []int // records citing a reference in the group, sorted
	first      int   // smallest item index
	size       int
	fuzzy      bool
}

type rsResolver struct {
	recs    []parse.Record
	opt     *ResolveOptions
	thr     float64
	items   []rsItem
	parent  []int
	cl      []rsCluster
	how     []string
	venue   *venueIndex
	stats   Stats
	refused int
}

func rsNew(recs []parse.Record, opt *ResolveOptions) *rsResolver {
	r := &rsResolver{recs: recs, opt: opt, thr: opt.FuzzyThreshold, venue: newVenueIndex()}
	if r.thr <= 0 || r.thr > 1 {
		r.thr = DefaultFuzzyThreshold
	}
	n := len(recs)
	for i := range recs {
		n += len(recs[i].References)
	}
	r.items = make([]rsItem, 0, n)
	// venue names repeat: fold each once
	keys := map[string]string{}
	venueKey := func(s string) string {
		k, ok := keys[s]
		if !ok {
			k = venueKey(s)
			keys[s] = k
		}
		return k
	}
	// so do names; the cached key slices are shared, never modified
	names := map[parse.Author][]string{}
	rsFams := func(as []parse.Author) []string {
		if len(as) == 0 {
			return nil
		}
		f, ok := names[as[0]]
		if !ok {
			f = rsFams(as[:1])
			names[as[0]] = f
		}
		return f
	}
	for i := range recs {
		rec := &recs[i]
		r.venue.learn(venueKey(rec.VenueAbbrev), venueKey(rec.Venue))
		it := rsItem{rec: i, ref: -1, doi: rsDOI(rec.DOI), ids: rsIDs(rec.IDs), fams: rsFams(rec.Authors), init: rsInitial(rec.Authors),
			year: rec.Year, vol: rsVolume(rec.Volume), page: rsFirstPage(rec.Pages), title: parse.Fold(rec.Title)}
		it.venue = venueKey(rec.Venue)
		if it.venue == "" {
			it.venue = venueKey(rec.VenueAbbrev)
		}
		r.items = append(r.items, it)
	}
	for i := range recs {
		for j := range recs[i].References {
			ref := &recs[i].References[j]
			it := rsItem{rec: i, ref: j, doi: rsDOI(ref.DOI), ids: rsIDs(ref.IDs), fams: rsFams(ref.Authors), init: rsInitial(ref.Authors),
				year: ref.Year, vol: rsVolume(ref.Volume), page: rsFirstPage(ref.Pages),
				venue: venueKey(ref.Venue), title: parse.Fold(ref.Title)}
			// the text decides for references whose parts could not be read
			if it.year > 0 && (len(it.fams) == 0 || it.title == "" && it.venue == "") {
				if t := parse.Fold(ref.Raw); len(t) >= 20 && strings.Count(t, " ") >= 2 {
					it.text = t
				}
			}
			r.items = append(r.items, it)
		}
	}
	for i := range r.items {
		if it := &r.items[i]; it.title != "" {
			it.tcmp = strings.ReplaceAll(it.title, " ", "")
			it.nums = rsNumbers(it.title)
		}
	}
	r.parent = make([]int, len(r.items))
	r.cl = make([]rsCluster, len(r.items))
	r.how = make([]string, len(r.items))
	// the one-value sets of the singletons share backing arrays; unions
	// always build new sets, never append to these
	vols, pages, recNo := make([]string, len(r.items)), make([]string, len(r.items)), make([]int, len(r.items))
	for i := range r.items {
		r.parent[i] = i
		it := &r.items[i]
		c := &r.cl[i]
		*c = rsCluster{doi: it.doi, ids: it.ids, yMin: it.year, yMax: it.year, first: i, size: 1}
		vols[i], pages[i], recNo[i] = it.vol, it.page, it.rec
		if it.vol != "" {
			c.vols = vols[i : i+1 : i+1]
		}
		if it.page != "" {
			c.pages = pages[i : i+1 : i+1]
		}
		if it.ref < 0 {
			c.recs = recNo[i : i+1 : i+1]
		} else {
			c.citers = recNo[i : i+1 : i+1]
		}
	}
	return r
}

func (r *rsResolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

// union merges the groups of items a and b, found the same by method how,
// when the merged group stays consistent. byID marks identifier evidence,
// which overrides the year, volume, page and self-reference checks. It
// reports whether a and b are now in one group.
func (r *rsResolver) union(a, b int, how string, byID bool) bool {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return true
	}
	ca, cb := &r.cl[ra], &r.cl[rb]
	if !rsConsistent(ca, cb, byID) {
		r.refused++
		return false
	}
	// the group that did not hold the earliest item records the evidence
	// on its earliest item, which otherwise would read "new"
	late := cb
	if ca.first > cb.first {
		late = ca
	}
	if r.how[late.first] == "" {
		r.how[late.first] = how
	}
	if ca.size < cb.size {
		ra, rb, ca, cb = rb, ra, cb, ca
	}
	r.parent[rb] = ra
	if ca.doi == "" {
		ca.doi = cb.doi
	}
	ca.ids = rsUnionSorted(ca.ids, cb.ids)
	if ca.yMin == 0 || (cb.yMin != 0 && cb.yMin < ca.yMin) {
		ca.yMin = cb.yMin
	}
	ca.yMax = max(ca.yMax, cb.yMax)
	ca.vols = rsUnionSorted(ca.vols, cb.vols)
	ca.pages = rsUnionSorted(ca.pages, cb.pages)
	ca.recs = rsUnionSorted(ca.recs, cb.recs)
	ca.citers = rsUnionSorted(ca.citers, cb.citers)
	ca.first = min(ca.first, cb.first)
	ca.size += cb.size
	ca.fuzzy = ca.fuzzy || cb.fuzzy || strings.HasPrefix(how, "fuzzy")
	*cb = rsCluster{}
	return true
}

// rsConsistent reports whether two groups may be merged.
func rsConsistent(a, b *rsCluster, byID bool) bool {
	if a.doi != "" && b.doi != "" && a.doi != b.doi {
		return false
	}
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		na, _, _ := strings.Cut(a.ids[i], ":")
		nb, _, _ := strings.Cut(b.ids[j], ":")
		switch {
		case na < nb:
			i++
		case na > nb:
			j++
		default:
			if a.ids[i] != b.ids[j] {
				return false
			}
			i++
			j++
		}
	}
	if byID {
		return true
	}
	if a.yMin != 0 && b.yMin != 0 {
		span := max(a.yMax, b.yMax) - min(a.yMin, b.yMin)
		if span > max(1, a.yMax-a.yMin, b.yMax-b.yMin) {
			return false
		}
	}
	if !rsMeet(a.vols, b.vols) || !rsMeet(a.pages, b.pages) {
		return false
	}
	// a work is not its own reference, and a reference list does not name
	// one work twice: two entries of one list are two works
	return !rsIntersect(a.recs, b.citers) && !rsIntersect(b.recs, a.citers) && !rsIntersect(a.citers, b.citers)
}

// rsMeet reports whether two sorted value sets share a value or one is empty.
func rsMeet[T cmp.Ordered](a, b []T) bool {
	return len(a) == 0 || len(b) == 0 || rsIntersect(a, b)
}

// rsIntersect reports whether two sorted sets share a value.
func rsIntersect[T cmp.Ordered](a, b []T) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 8 {
		for _, x := range a {
			if _, ok := slices.BinarySearch(b, x); ok {
				return true
			}
		}
		return false
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// rsUnionSorted merges two sorted sets.
func rsUnionSorted[T cmp.Ordered](a, b []T) []T {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]T, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// rsIDKeys are the identifiers, besides the DOI, that name one work
// everywhere. ISBN, ISSN, URL and local keys ("key") do not.
var rsIDKeys = []string{"openalex", "wos", "scopus", "pmid", "pmcid", "lens", "mag", "arxiv"}

func rsIDs(m map[string]string) []string {
	var out []string
	for _, k := range rsIDKeys {
		if v := rsIDValue(k, m[k]); v != "" {
			out = append(out, k+":"+v)
		}
	}
	slices.Sort(out)
	return out
}

// rsIDValue puts an identifier in the form it is compared in.
func rsIDValue(key, v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	switch key {
	case "openalex":
		v = v[strings.LastIndexByte(v, '/')+1:]
		return strings.ToUpper(v)
	case "wos":
		v = strings.ToUpper(v)
		if strings.HasPrefix(v, "WOS:") {
			v = v[4:]
		}
		return v
	case "pmid", "mag":
		return strings.TrimLeft(v, "0")
	case "pmcid":
		return strings.ToUpper(v)
	}
	return strings.ToLower(v)
}

// rsDOI normalises a DOI, quickly when it already is.
func rsDOI(s string) string {
	if s == "" {
		return ""
	}
	if strings.HasPrefix(s, "10.") && !strings.ContainsAny(s, " \tABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return s
	}
	return parse.NormalizeDOI(s)
}

// rsFams returns the comparison keys of the first author: the folded family
// name without spaces or hyphens ("van der Marck" and WoS "vanderMarck"
// meet), the same without its leading particles ("Marck"), the first and
// last words of a name that was not split into family and given names, and,
// when the given name is a full word, that word too (sources disagree on
// name order).
func rsFams(as []parse.Author) []string {
	if len(as) == 0 {
		return nil
	}
	a := as[0]
	words := strings.Fields(parse.Fold(a.Family))
	f := rsNameKey(words)
	if f == "" || f == "anonymous" || f == "anon" {
		return nil
	}
	out := []string{f}
	for len(words) > 1 && rsParticle[words[0]] {
		words = words[1:]
	}
	if g := rsNameKey(words); g != f {
		out = append(out, g)
	}
	// an unsplit full name ("Weller Dieter", "Dieter Weller"): either end
	if len(words) >= 2 && a.Given == "" {
		for _, w := range []string{words[0], words[len(words)-1]} {
			if g := rsNameKey([]string{w}); len(g) >= 2 && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	if g := rsNameKey(strings.Fields(parse.Fold(a.Given))); len(g) >= 3 && !slices.Contains(out, g) &&
		!strings.Contains(a.Given, ".") && strings.ToUpper(a.Given) != a.Given {
		out = append(out, g)
	}
	return out
}

// rsInitial returns the folded first letter of the first author's given
// name, or 0.
func rsInitial(as []parse.Author) byte {
	if len(as) == 0 {
		return 0
	}
	if g := parse.Fold(as[0].Given); g != "" && g[0] < 0x80 {
		return g[0]
	}
	return 0
}

// rsSameInitial reports whether two first-author initials can agree.
func rsSameInitial(a, b byte) bool { return a == 0 || b == 0 || a == b }

// rsNameKey joins the folded words of a name into one comparison word,
// umlaut transliterations undone.
func rsNameKey(words []string) string {
	return rsUmlaut.Replace(strings.Join(words, ""))
}

// rsNameNear reports whether two different name keys may still be one
// name: one letter apart ("Kelly" and "Kelley"), or one the other cut at
// eight letters, as early WoS cited references wrote them ("GRANOVET.MS").
func rsNameNear(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 8 && strings.HasPrefix(b, a) {
		return true
	}
	return len(a) >= 4 && rsEditWithin(a, b, 1) <= 1
}

// rsUmlaut undoes the German transliteration of umlauts, which Fold reduces
// to the base letter: "Guenther" meets "Günther" and "Gunther".
var rsUmlaut = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

var rsParticle = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true,
	"del": true, "della": true, "di": true, "du": true, "la": true, "le": true, "ten": true, "ter": true, "dos": true,
	"das": true, "do": true, "st": true}

// rsVolume keeps the volume's number-like core: "V48" and "Vol. 48" are "48".
func rsVolume(s string) string {
	s = parse.Fold(s)
	s = strings.TrimPrefix(s, "vol ")
	s = strings.TrimPrefix(s, "volume ")
	if len(s) > 1 && s[0] == 'v' && s[1] >= '0' && s[1] <= '9' {
		s = s[1:]
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return strings.TrimLeft(s, "0")
}

// rsFirstPage returns the first page of a page range, folded: "P8574",
// "pp. 8574-8580" and "8574–80" all give "8574"; a letter before the
// digits is dropped ("R199" gives "199"), and so is the page digit of an
// article number written as a range ("0476011-0476014" gives "47601").
func rsFirstPage(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = strings.ToLower(s)
	for _, p := range []string{"pp.", "pp", "p.", "p"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) && (s[len(p)] == ' ' || s[len(p)] >= '0' && s[len(p)] <= '9') {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	isPart := func(c rune) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c > 127 && c != '–' && c != '—'
	}
	first, rest := s, ""
	if end := strings.IndexFunc(s, func(c rune) bool { return !isPart(c) }); end >= 0 {
		first, rest = s[:end], strings.TrimLeft(s[end:], " -–—")
	}
	// "0476011-0476014": pages 1 to 4 of article 047601 (APS, as Scopus writes it)
	if len(first) >= 6 && len(rest) >= len(first) && first[len(first)-1] == '1' &&
		venueIsDigits(first) && rest[:len(first)-1] == first[:len(first)-1] {
		first = first[:len(first)-1]
	}
	// "R199", "e1003", "S12" against "199", "1003", "12": the digits decide
	if i := strings.IndexAny(first, "0123456789"); i > 0 && venueIsDigits(first[i:]) {
		first = first[i:]
	}
	return strings.TrimLeft(first, "0")
}

// identifiers merges items sharing a DOI or another identifier.
func (r *rsResolver) identifiers() {
	first := map[string]int{}
	for i := range r.items {
		it := &r.items[i]
		if it.doi != "" {
			r.byKey(first, "doi:"+it.doi, i, "doi")
		}
		for _, id := range it.ids {
			ns, _, _ := strings.Cut(id, ":")
			r.byKey(first, id, i, "id:"+ns)
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
	refStart := make([]int, len(r.recs)+1)
	refStart[0] = len(r.recs)
	for i := range r.recs {
		refStart[i+1] = refStart[i] + len(r.recs[i].References)
	}
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
				r.union(base[t][n], k, "copy", true)
			}
		}
	}
}

// byKey merges item i with the first item holding the same identifier key.
func (r *rsResolver) byKey(first map[string]int, key string, i int, how string) {
	if j, ok := first[key]; ok {
		r.union(j, i, how, true)
		return
	}
	first[key] = i
}

// keys merges items on first author, volume and first page (years within one
// of each other and venues compatible are checked), on identical partial
// descriptors (author, year, venue and what there is of volume and page), and
// on identical reference texts.
func (r *rsResolver) keys() {
	full := map[string][]int{}
	part := map[string][]int{}
	text := map[string][]int{}
	// the same first author, volume and page in the same year cannot be two
	// works, whatever the venue is called (journals are renamed: "Annu Rev
	// Mater Sci", "ANN REV MATER RES"); a year apart, the venues must agree
	keyVenue := func(a, b *rsItem) bool {
		return a.year != 0 && a.year == b.year || r.venue.loose(a.venue, b.venue)
	}
	sameVenue := func(a, b *rsItem) bool { return r.venue.compatible(a.venue, b.venue) }
	for i := range r.items {
		it := &r.items[i]
		done := false
		if len(it.fams) > 0 && it.vol != "" && it.page != "" {
			for _, f := range it.fams {
				k := f + "|" + it.vol + "|" + it.page
				if !done {
					done = r.tryList(full[k], i, "key", keyVenue)
				}
				full[k] = append(full[k], i)
			}
		} else if len(it.fams) > 0 && it.year > 0 && it.venue != "" && it.title == "" {
			k := it.fams[0] + "|" + string(rune(it.init)) + "|" + strconv.Itoa(it.year) + "|" + it.venue + "|" + it.vol + "|" + it.page
			done = r.tryList(part[k], i, "key", sameVenue)
			part[k] = append(part[k], i)
		}
		if it.text != "" {
			if !done {
				r.tryList(text[it.text], i, "text", sameVenue)
			}
			text[it.text] = append(text[it.text], i)
		}
	}
	r.nearNames()
}

// nearNames merges items of the same volume, first page and year whose
// first authors' names are near but not equal (a typo, an 8-letter cut),
// when their initials and venues agree and exactly one group qualifies.
func (r *rsResolver) nearNames() {
	type vp struct {
		vol, page string
		year      int
	}
	index := map[vp][]int{}
	for i := range r.items {
		if it := &r.items[i]; len(it.fams) > 0 && it.vol != "" && it.page != "" && it.year != 0 {
			k := vp{it.vol, it.page, it.year}
			index[k] = append(index[k], i)
		}
	}
	for i := range r.items {
		it := &r.items[i]
		if len(it.fams) == 0 || it.vol == "" || it.page == "" || it.year == 0 {
			continue
		}
		near := func(a, b *rsItem) bool {
			return rsNameNear(a.fams[0], b.fams[0]) && a.init != 0 && a.init == b.init && r.venue.loose(a.venue, b.venue)
		}
		r.tryList(index[vp{it.vol, it.page, it.year}], i, "key", near)
	}
}

// tryList merges item i with the group of the candidates that match it
// (match(i, candidate)) and that can take i. When several groups can, i is
// left apart (the evidence cannot tell which) and counted as ambiguous. It
// reports whether i is now grouped with a candidate.
func (r *rsResolver) tryList(cands []int, i int, how string, match func(a, b *rsItem) bool) bool {
	ri := r.find(i)
	pick, n := -1, 0
	var roots []int
	for _, j := range cands {
		if j == i {
			continue
		}
		rj := r.find(j)
		if rj == ri {
			return true
		}
		if slices.Contains(roots, rj) {
			continue
		}
		roots = append(roots, rj)
		if !match(&r.items[i], &r.items[j]) || !rsConsistent(&r.cl[ri], &r.cl[rj], false) {
			continue
		}
		if n++; n == 1 {
			pick = j
		}
	}
	switch {
	case n == 1:
		return r.union(pick, i, how, false)
	case n > 1:
		r.stats.Ambiguous++
	}
	return false
}

// venues merges groups on first author (and initial), year (±1) and compatible venue when
// volume or first page is missing on one side (so the keys could not decide)
// and neither side has a title to compare (the titles decide then). Two
// groups merge only when each is the other's single best fit: a group
// agreeing on the volume fits better than one that lacks it, and a tie for
// the best fit leaves the group apart (counted as ambiguous), so that a
// vague reference never joins two works or picks one at random.
func (r *rsResolver) venues() {
	type fit struct {
		best, level int
		tie         bool
	}
	block := map[rsBlock][]int{}
	usable := func(it *rsItem) bool { return len(it.fams) > 0 && it.year != 0 && it.venue != "" }
	for i := range r.items {
		if it := &r.items[i]; usable(it) {
			k := rsBlock{it.fams[0], it.year}
			block[k] = append(block[k], i)
		}
	}
	fits := map[int]*fit{}
	offer := func(a, b, level int) {
		f := fits[a]
		switch {
		case f == nil:
			fits[a] = &fit{best: b, level: level}
		case level > f.level:
			*f = fit{best: b, level: level}
		case level == f.level && b != f.best:
			f.tie = true
		}
	}
	for i := range r.items {
		it := &r.items[i]
		if !usable(it) {
			continue
		}
		ri := r.find(i)
		for dy := 0; dy <= 1; dy++ {
			for _, j := range block[rsBlock{it.fams[0], it.year + dy}] {
				if dy == 0 && j <= i {
					continue
				}
				jt := &r.items[j]
				rj := r.find(j)
				if rj == ri || (it.vol != "" && it.page != "" && jt.vol != "" && jt.page != "") ||
					(it.title != "" && jt.title != "") {
					continue
				}
				if !rsSameInitial(it.init, jt.init) || !r.venue.compatible(it.venue, jt.venue) ||
					!rsConsistent(&r.cl[ri], &r.cl[rj], false) {
					continue
				}
				level := 1
				if rsIntersect(r.cl[ri].vols, r.cl[rj].vols) {
					level += 2
				}
				// a corpus record, fully described, is the likelier target
				// of a vague reference than another reference
				offer(ri, rj, level+min(1, len(r.cl[rj].recs)))
				offer(rj, ri, level+min(1, len(r.cl[ri].recs)))
			}
		}
	}
	for i := range r.items {
		ri := r.find(i)
		f := fits[ri]
		if f == nil || ri != i {
			continue
		}
		if f.tie {
			r.stats.Ambiguous++
			continue
		}
		if g := fits[f.best]; g != nil && !g.tie && g.best == ri {
			// both roots are still roots: unions below only join mutual pairs
			r.union(f.best, i, "venue", false)
		}
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
			if r.venue.compatible(it.venue, r.items[j].venue) && r.union(j, i, "title", false) {
				continue // a copy: its group is in the blocks already
			}
		} else {
			exact[k] = i
		}
		for _, f := range it.fams {
			block[rsBlock{f, it.year}] = append(block[rsBlock{f, it.year}], i)
		}
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
		best, bestJ, bestHow, tie := 0.0, -1, "", false
		for _, f := range it.fams {
			for dy := -1; dy <= 1; dy++ {
				if dy != 0 && it.year == 0 {
					continue
				}
				for _, j := range block[rsBlock{f, it.year + dy}] {
					if seen[j] == i+1 || j == i || r.find(j) == ri {
						continue
					}
					seen[j] = i + 1
					s, how := r.titleScore(it, &r.items[j], true)
					if s < r.thr || s < best || !rsConsistent(&r.cl[ri], &r.cl[r.find(j)], false) {
						continue
					}
					if s > best {
						best, bestJ, bestHow, tie = s, j, how, false
					} else if rj, rb := r.find(j), r.find(bestJ); rj != rb && !rsConsistent(&r.cl[rj], &r.cl[rb], false) {
						tie = true // two works that cannot be one fit equally
					}
				}
			}
		}
		if bestJ >= 0 && !tie {
			r.union(bestJ, i, bestHow, false)
		}
	}
	r.titlesNoAuthor()
}

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
		s = rsTitleSim(a.tcmp, b.tcmp, r.thr)
		if s < r.thr || a.nums != b.nums {
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
	seen := make([]int, len(r.items)) // seen[j] == i+1: j was scored for i
	for i := range r.items {
		it := &r.items[i]
		if words[i] == nil || len(it.fams) > 0 {
			continue
		}
		ri := r.find(i)
		best, bestJ, bestHow, tie := 0.0, -1, "", false
		for _, w := range words[i] {
			for dy := -1; dy <= 1; dy++ {
				for _, j := range index[rsBlock{w, it.year + dy}] {
					if seen[j] == i+1 || j == i || r.find(j) == ri {
						continue
					}
					seen[j] = i + 1
					s, how := r.titleScore(it, &r.items[j], true)
					if s < r.thr || s < best || !rsConsistent(&r.cl[ri], &r.cl[r.find(j)], false) {
						continue
					}
					if s > best {
						best, bestJ, bestHow, tie = s, j, how, false
					} else if rj, rb := r.find(j), r.find(bestJ); rj != rb && !rsConsistent(&r.cl[rj], &r.cl[rb], false) {
						tie = true // two works that cannot be one fit equally
					}
				}
			}
		}
		if bestJ >= 0 && !tie {
			r.union(bestJ, i, bestHow, false)
		}
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
	prev := make([]int, m+1)
	cur := make([]int, m+1)
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
	return strings.Count(a, " ") >= rsPrefixWords-1 && strings.HasPrefix(b, a) && b[len(a)] == ' '
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

// build turns the groups into works and citations.
func (r *rsResolver) build() *Resolution {
	res := &Resolution{}
	st := &r.stats
	st.ByMethod = map[string]int{}
	st.Records = len(r.recs)
	// groups in order of their earliest item
	group := make([]int, len(r.items)) // root -> work index before sorting
	var members [][]int
	for i := range r.items {
		root := r.find(i)
		if root == i {
			group[i] = len(members)
			members = append(members, nil)
		}
	}
	for i := range r.items {
		g := group[r.find(i)]
		members[g] = append(members[g], i)
	}
	works := make([]Work, len(members))
	for g, ms := range members {
		works[g] = r.work(ms)
		if r.cl[r.find(ms[0])].fuzzy {
			st.FuzzyClusters++
		}
	}
	// stable readable IDs, then the final order
	order := make([]int, len(works))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(works[a].ID, works[b].ID) })
	taken := map[string]bool{}
	for _, w := range works {
		taken[w.ID] = true
	}
	rsDedupIDs(works, order, taken)
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(works[a].ID, works[b].ID) })
	pos := make([]int, len(works))
	res.Works = make([]Work, 0, len(works))
	res.Citations = make([]Citation, 0, len(r.items)-len(r.recs))
	for p, g := range order {
		pos[g] = p
		res.Works = append(res.Works, works[g])
	}
	// citations
	type edge struct{ from, to int }
	edges := map[edge]int{}
	workOf := func(i int) int { return pos[group[r.find(i)]] }
	for ri := range r.recs {
		rec := &r.recs[ri]
		if rec.RefsDeclared != nil {
			st.RefsDeclared += *rec.RefsDeclared
		}
		if len(rec.References) == 0 {
			st.RecordsNoRefs++
		}
	}
	nRec := len(r.recs)
	for i := nRec; i < len(r.items); i++ {
		it := &r.items[i]
		st.References++
		how := r.mentionHow(i)
		if strings.HasPrefix(how, "fuzzy:") {
			st.ByMethod["fuzzy"]++ // the scores are in the mentions
		} else {
			st.ByMethod[how]++
		}
		g := group[r.find(i)]
		if len(members[g]) == 1 {
			st.Unresolved++
		}
		from, to := workOf(it.rec), workOf(i)
		src := r.refSource(i)
		if from == to {
			st.SelfCitations++
			continue
		}
		e := edge{from, to}
		if c, ok := edges[e]; ok {
			st.RepeatedRefs++
			res.Citations[c].Sources = append(res.Citations[c].Sources, src)
			continue
		}
		edges[e] = len(res.Citations)
		res.Citations = append(res.Citations, Citation{From: from, To: to, Match: how, Sources: []string{src}})
	}
	slices.SortFunc(res.Citations, func(a, b Citation) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	for _, c := range res.Citations {
		res.Works[c.From].RefsListed++
	}
	for i := range res.Works {
		if res.Works[i].InCorpus {
			st.CorpusWorks++
		}
	}
	st.DuplicatesMerged = st.Records - st.CorpusWorks
	st.Refused = r.refused
	res.Stats = *st
	return res
}

// rsDedupIDs makes the IDs unique: the second work with an ID gets "-2"
// appended, the third "-3", skipping suffixes another work already has.
// order lists the works sorted by ID, ties in order of first mention.
func rsDedupIDs(works []Work, order []int, taken map[string]bool) {
	for k := 1; k < len(order); k++ {
		base := works[order[k-1]].ID
		n := 1
		for k < len(order) && works[order[k]].ID == base {
			for {
				n++
				id := base + "-" + strconv.Itoa(n)
				if !taken[id] {
					taken[id] = true
					works[order[k]].ID = id
					break
				}
			}
			k++
		}
	}
}

// mentionHow is how item i came to its work.
func (r *rsResolver) mentionHow(i int) string {
	if r.items[i].ref < 0 {
		return "record"
	}
	if r.how[i] != "" {
		return r.how[i]
	}
	return "new"
}

// refSource is the "path:line" of reference item i.
func (r *rsResolver) refSource(i int) string {
	it := &r.items[i]
	rec := &r.recs[it.rec]
	if line := rec.References[it.ref].Line; line > 0 {
		return rec.File + ":" + strconv.Itoa(line)
	}
	return rec.Source
}

// work builds the work of one group of items (in input order).
func (r *rsResolver) work(ms []int) Work {
	var w Work
	// the records first, in input order, then the richest reference
	var refs []int
	for _, i := range ms {
		it := &r.items[i]
		if it.ref >= 0 {
			refs = append(refs, i)
			continue
		}
		rec := &r.recs[it.rec]
		if !w.InCorpus {
			w.InCorpus = true
			w.Title, w.Authors, w.Year, w.Venue = rec.Title, rec.Authors, rec.Year, rec.Venue
			w.Volume, w.Pages, w.Keywords, w.Abstract = rec.Volume, rec.Pages, rec.Keywords, rec.Abstract
			if rec.Title == "" {
				w.Label = rec.Label
			}
		}
		rsFill(&w, rec.Title, rec.Authors, rec.Year, rec.Venue, rec.Volume, rec.Pages)
		if w.Venue == "" {
			w.Venue = rec.VenueAbbrev
		}
		if w.Keywords == nil {
			w.Keywords = rec.Keywords
		}
		if w.Abstract == "" {
			w.Abstract = rec.Abstract
		}
		w.DOI = cmp.Or(w.DOI, r.items[i].doi)
		w.IDs = rsMergeIDs(w.IDs, rec.IDs)
		w.Sources = append(w.Sources, rec.Source)
		w.CitedBy = rsMaxPtr(w.CitedBy, rec.CitedBy)
		w.RefsDeclared = rsMaxPtr(w.RefsDeclared, rec.RefsDeclared)
		w.Mentions = append(w.Mentions, Mention{Source: rec.Source, Raw: rec.Label, How: "record", Joined: r.how[i]})
	}
	if len(refs) > 0 {
		// richest first; ties keep input order
		sorted := slices.Clone(refs)
		slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(r.richness(b), r.richness(a)) })
		for _, i := range sorted {
			ref := r.ref(i)
			rsFill(&w, ref.Title, ref.Authors, ref.Year, ref.Venue, ref.Volume, ref.Pages)
			w.DOI = cmp.Or(w.DOI, r.items[i].doi)
			w.IDs = rsMergeIDs(w.IDs, ref.IDs)
		}
		for _, i := range refs {
			w.Mentions = append(w.Mentions, Mention{Source: r.refSource(i), Raw: r.ref(i).Raw, How: r.mentionHow(i)})
		}
	}
	w.ID = rsWorkID(&w)
	if w.Label == "" {
		w.Label = rsWorkLabel(&w, r, refs)
	}
	return w
}

func (r *rsResolver) ref(i int) *parse.Reference {
	it := &r.items[i]
	return &r.recs[it.rec].References[it.ref]
}

// richness scores how much a reference tells about its work.
func (r *rsResolver) richness(i int) int {
	it := &r.items[i]
	n := 0
	if it.title != "" {
		n += 8
	}
	if len(it.fams) > 0 {
		n += 4
	}
	if it.year > 0 {
		n += 2
	}
	if it.venue != "" {
		n++
	}
	if it.vol != "" {
		n++
	}
	if it.page != "" {
		n++
	}
	return n
}

// rsFill sets the empty descriptive fields of w.
func rsFill(w *Work, title string, authors []parse.Author, year int, venue, volume, pages string) {
	if w.Title == "" {
		w.Title = title
	}
	if len(w.Authors) == 0 {
		w.Authors = authors
	}
	if w.Year == 0 {
		w.Year = year
	}
	if w.Venue == "" {
		w.Venue = venue
	}
	if w.Volume == "" {
		w.Volume = volume
	}
	if w.Pages == "" {
		w.Pages = pages
	}
}

// rsMergeIDs adds the identifiers of src that dst lacks, copying dst first.
func rsMergeIDs(dst, src map[string]string) map[string]string {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		return maps.Clone(src)
	}
	var out map[string]string
	for k, v := range src {
		if _, ok := dst[k]; ok || v == "" {
			continue
		}
		if out == nil {
			out = maps.Clone(dst)
		}
		out[k] = v
	}
	if out == nil {
		return dst
	}
	return out
}

func rsMaxPtr(a, b *int) *int {
	if a == nil || (b != nil && *b > *a) {
		return b
	}
	return a
}

// rsIDOrder is the order identifiers name a work in when it has no DOI.
var rsIDOrder = []string{"openalex", "wos", "scopus", "pmid", "pmcid", "lens", "arxiv", "mag"}

// rsWorkID builds a readable ID: the DOI, another identifier, or a slug of
// first author, year and first title words (or venue, volume and page).
func rsWorkID(w *Work) string {
	if w.DOI != "" {
		return "doi:" + w.DOI
	}
	for _, k := range rsIDOrder {
		if v := rsIDValue(k, w.IDs[k]); v != "" {
			return k + ":" + v
		}
	}
	var parts []string
	if len(w.Authors) > 0 {
		if f := strings.ReplaceAll(parse.Fold(w.Authors[0].Family), " ", ""); f != "" {
			parts = append(parts, f)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "anon")
	}
	if w.Year > 0 {
		parts = append(parts, strconv.Itoa(w.Year))
	}
	if words := strings.Fields(parse.Fold(w.Title)); len(words) > 0 {
		parts = append(parts, words[:min(3, len(words))]...)
	} else {
		if v := strings.Fields(venueKey(w.Venue)); len(v) > 0 {
			parts = append(parts, v[:min(4, len(v))]...)
		}
		if v := rsVolume(w.Volume); v != "" {
			parts = append(parts, v)
		}
		if p := rsFirstPage(w.Pages); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "-")
}

// rsWorkLabel is a short human name: "Jones 2025", a short title, or the
// start of the reference text.
func rsWorkLabel(w *Work, r *rsResolver, refs []int) string {
	if len(w.Authors) > 0 && w.Authors[0].Family != "" && w.Year > 0 {
		return fmt.Sprintf("%s %d", w.Authors[0].Family, w.Year)
	}
	if w.Title != "" {
		return parse.Shorten(w.Title, 60)
	}
	for _, i := range refs {
		if raw := r.ref(i).Raw; raw != "" {
			return parse.Shorten(raw, 60)
		}
	}
	return w.ID
}
