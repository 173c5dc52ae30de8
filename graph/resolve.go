package graph

import (
	"cmp"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/citegraph/citegraph/parse"
)

// ResolveOptions controls Resolve. The zero value is ready to use.
type ResolveOptions struct {
	// FuzzyThreshold is the least title similarity (0 to 1) for two works to
	// be merged on their titles; 0 means DefaultFuzzyThreshold.
	FuzzyThreshold float64
	// NoFuzzy turns title matching off: identifiers, keys, exact reference
	// texts and author-venue matching still merge works.
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
// The evidence is used strongest first, and every merge is checked against
// the works already formed (union-find with constraints: a work never holds
// two DOIs, two values of one identifier, years more than one apart, two
// volumes or two first pages, disagreeing initials, a reference from one of
// its own records, nor two entries of one reference list), so that
// transitive merges cannot chain unrelated works:
//
//  1. identifiers: DOI, then OpenAlex, WoS UT, Scopus EID, PubMed, Lens… ids;
//     the references of corpus records found to be copies of one paper are
//     then paired by their text ("copy");
//  2. identical reference texts that name a work specifically ("text"; see
//     exact for the rule when they meet two DOIs);
//  3. keys: first author + volume + first page (year ±1; a year apart the
//     venues must agree); the same volume, page, year and venue under
//     another first-author name; one conference paper under two names of
//     its proceedings;
//  4. titles: equal or similar (DefaultFuzzyThreshold) within blocks of
//     first author and year ±1, and title + year for works without author;
//  5. a reference in press and the one published work that fits it;
//  6. twins: the reference lists of one paper read from two sources,
//     aligned entry by entry;
//  7. author + year + compatible venue when volume or page is missing.
//
// The key and venue stages gather every fit before they merge, and merge
// only works that fit each other with no work that cannot be one with them
// fitting as well; ambiguous evidence merges nothing and is counted in
// Stats.Ambiguous. The result is deterministic, and independent of the
// order of the files the records come from (rsCanonical): the same records
// give the same works, IDs and order.
func Resolve(recs []parse.Record, opt *ResolveOptions) *Resolution {
	return resolveState(recs, opt, false).res
}

// resolve runs the stages of Resolve and keeps the resolver, whose itemWork
// tells the evaluation where each record and reference went, and whose
// groups tell why two mentions were not merged.
func resolve(recs []parse.Record, opt *ResolveOptions) *rsResolver {
	return resolveState(recs, opt, true)
}

// resolveState runs the stages of Resolve. Unless keep is set, build lets
// go of the groups' state and of the items as soon as it no longer needs
// them (on the generated M corpus, some 45 MB and 125 MB of the heap).
func resolveState(recs []parse.Record, opt *ResolveOptions, keep bool) *rsResolver {
	if opt == nil {
		opt = &ResolveOptions{}
	}
	sorted, pos := rsCanonical(recs)
	r := rsNew(sorted, opt)
	r.pos = pos
	r.keep = keep
	r.identifiers()
	r.copies()
	r.exact()
	r.keys()
	if !opt.NoFuzzy {
		r.titles()
	}
	r.inPress()
	r.twins()
	r.venues()
	r.res = r.build()
	return r
}

// rsCanonical returns the records in the order Resolve reads them: by the
// base name of their file, then the file's path, then line, the caller's
// order breaking ties; and pos, where each of the caller's records went.
//
// The stages merge greedily, each merge checked against the groups formed
// so far, so the order of the records can decide a close call (which of
// two fitting groups a mention meets first, which record's title a work
// keeps). Sorting by file makes the works a function of the set of files
// read, whatever order they were named in on the command line; within a
// file the export's own order is kept. The base name comes first so that
// the same files named by relative or absolute paths sort alike.
func rsCanonical(recs []parse.Record) ([]parse.Record, []int) {
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	cmpRec := func(a, b int) int {
		ra, rb := &recs[a], &recs[b]
		if ra.File == rb.File {
			return cmp.Compare(ra.Line, rb.Line)
		}
		return cmp.Or(strings.Compare(filepath.Base(ra.File), filepath.Base(rb.File)),
			strings.Compare(ra.File, rb.File), cmp.Compare(ra.Line, rb.Line))
	}
	pos := order
	if !slices.IsSortedFunc(order, cmpRec) {
		slices.SortStableFunc(order, cmpRec)
		sorted := make([]parse.Record, len(recs))
		pos = make([]int, len(recs))
		for k, i := range order {
			sorted[k] = recs[i]
			pos[i] = k
		}
		recs = sorted
	}
	return recs, pos
}

// rsItem is one mention: a record or one reference of a record, reduced to
// the parts that are compared.
type rsItem struct {
	// rsForm is the folded title and the forms it is compared in, shared
	// by the untitled items (rsNoForm): most references of some sources
	// have no title, and an item is kept for every mention
	*rsForm
	rec   int32    // the record, or the citing record of a reference
	ref   int32    // index into the record's References, -1 for the record
	doi   string   // normalised DOI
	ids   []string // other identifiers, "ns:value", sorted
	fams  []string // first-author keys, the main one first
	inits string   // first-author initials (rsInitials)
	year  int
	vol   string
	page  string  // first page
	venue string  // venueKey
	init  byte    // first-author initial, 0 if unknown
	press bool    // the text says "in press" (or alike), set by the exact stage
	dup   bool    // an identical text of an earlier item of the same group stands for this one
	vlead rsLeads // the leads of venue (venueLeads)
}

// rsForm is the title of an item as it is compared.
type rsForm struct {
	title string // folded title
	tcmp  string // the title as compared: folded, without spaces ("l1 0" and "l10" meet)
	nums  string // the title's digits and roman numerals, which must agree
	// hist holds the letter counts of tcmp, a cheap bound on edit distance
	hist rsHist
}

// rsNoForm is the form of every untitled item (never modified).
var rsNoForm = &rsForm{}

// rsHist counts the letters a-z and digits of a title, the rest together.
type rsHist [37]uint8

// setTitle sets the folded title and the forms it is compared in, in f
// (nil: a new one).
func (it *rsItem) setTitle(folded string, f *rsForm) {
	if f == nil {
		f = new(rsForm)
	}
	*f = rsForm{title: folded, tcmp: strings.ReplaceAll(folded, " ", ""), nums: rsNumbers(folded)}
	for i := 0; i < len(f.tcmp); i++ {
		c, k := f.tcmp[i], 36
		switch {
		case c >= 'a' && c <= 'z':
			k = int(c - 'a')
		case c >= '0' && c <= '9':
			k = 26 + int(c-'0')
		}
		if f.hist[k] < 255 {
			f.hist[k]++
		}
	}
	it.rsForm = f
}

// rsHistDist is the L1 distance of two letter counts: one edit changes it
// by at most 2, so a distance above 2k means more than k edits.
func rsHistDist(a, b *rsHist) int {
	d := 0
	for i := range a {
		if a[i] > b[i] {
			d += int(a[i] - b[i])
		} else {
			d += int(b[i] - a[i])
		}
	}
	return d
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
	recs       []int  // corpus records in the group, sorted
	citers     []int  // records citing a reference in the group, sorted
	inits      string // the longest first-author initials of the group's mentions
	first      int    // smallest item index
	size       int
	fuzzy      bool
	own        uint8 // the sets whose backing arrays only this group holds (rsOwnIDs…)
}

type rsResolver struct {
	recs   []parse.Record
	opt    *ResolveOptions
	thr    float64
	items  []rsItem
	parent []int32 // union-find: an item's parent, the root its own
	groups rsGroups
	// how[i] indexes hows: the evidence item i joined its group by ("" for
	// none); a few dozen values for every item
	how     []uint32
	hows    []string
	venue   *venueIndex
	stats   Stats
	refused int
	res     *Resolution
	// refStart[i] is the item index of record i's first reference
	refStart []int
	// pos[i] is the place of the caller's record i in recs (rsCanonical)
	pos []int
	// itemWork is the index in res.Works of each item's work
	itemWork []int
	// keep keeps groups and items after build (see resolveState)
	keep bool
	// src holds, while build runs, the "path:line" of each reference item,
	// shared by its mention and its citation
	src []string
}

func rsNew(recs []parse.Record, opt *ResolveOptions) *rsResolver {
	r := &rsResolver{recs: recs, opt: opt, thr: opt.FuzzyThreshold, venue: newVenueIndex()}
	if r.thr <= 0 || r.thr > 1 {
		r.thr = DefaultFuzzyThreshold
	}
	r.refStart = make([]int, len(recs)+1)
	r.refStart[0] = len(recs)
	for i := range recs {
		r.refStart[i+1] = r.refStart[i] + len(recs[i].References)
	}
	n := r.refStart[len(recs)]
	// the venue pairs are learned in record order (learn is not commutative
	// in the groups' member order)
	vk := map[string]string{}
	for i := range recs {
		rec := &recs[i]
		r.venue.learn(rsCachedVenueKey(vk, rec.VenueAbbrev), rsCachedVenueKey(vk, rec.Venue))
	}
	r.items = make([]rsItem, n)
	r.parent = make([]int32, n)
	r.groups.at = make([]int32, n)
	r.how = make([]uint32, n)
	r.hows = []string{""}
	// every item is normalised on its own (pure functions of its record or
	// reference), so the records are cut into chunks that the workers take
	// in turn; each item lands at its own index, whatever the schedule
	rsParallel(len(recs), r.refStart, func(lo, hi int, c *rsNormCache) {
		for i := lo; i < hi; i++ {
			r.items[i] = r.recordItem(i, c)
			for j := range recs[i].References {
				k := r.refStart[i] + j
				r.items[k] = r.refItem(i, j, c)
			}
		}
		for _, k := range [2][2]int{{lo, hi}, {r.refStart[lo], r.refStart[hi]}} {
			for i := k[0]; i < k[1]; i++ {
				r.parent[i] = int32(i)
			}
		}
	})
	return r
}

// rsNormCache holds one worker's folded venue names and first-author keys:
// both repeat across the references. The cached key slices are shared,
// never modified.
type rsNormCache struct {
	venues map[string]string
	// fams holds the keys of family names whose given names add none
	// (rsFamsOnly), inits the initials of given names, names the keys of
	// the other first authors
	fams  map[string][]string
	inits map[string]string
	names map[parse.Author]rsName
	leads map[string]rsLeads // venue key -> its leads
	forms []rsForm           // the free part of the slab newForm hands out
}

// newForm returns an rsForm from the cache's slab: one allocation for
// many titles.
func (c *rsNormCache) newForm() *rsForm {
	if len(c.forms) == 0 {
		c.forms = make([]rsForm, 256)
	}
	f := &c.forms[0]
	c.forms = c.forms[1:]
	return f
}

// rsName is the comparison keys of a first author (rsFams, rsInitials).
type rsName struct {
	fams  []string
	inits string
}

// venueKey is venueKey through the worker's cache.
func (c *rsNormCache) venueKey(s string) string { return rsCachedVenueKey(c.venues, s) }

// venueLeads is v.leads(key) through the worker's cache.
func (c *rsNormCache) venueLeads(v *venueIndex, key string) rsLeads {
	l, ok := c.leads[key]
	if !ok {
		l = v.leads(key)
		c.leads[key] = l
	}
	return l
}

// rsCachedVenueKey returns venueKey(s), kept in keys for the next time.
func rsCachedVenueKey(keys map[string]string, s string) string {
	if s == "" {
		return ""
	}
	k, ok := keys[s]
	if !ok {
		k = venueKey(s)
		keys[s] = k
	}
	return k
}

// name returns the comparison keys of the first of as, through the cache.
func (c *rsNormCache) name(as []parse.Author) rsName {
	if len(as) == 0 {
		return rsName{}
	}
	a := as[0]
	if !rsFamsOnly(a.Given) {
		n, ok := c.names[a]
		if !ok {
			n = rsName{rsFams(as[:1]), rsInitials(as[:1])}
			c.names[a] = n
		}
		return n
	}
	// most references: the family name decides the keys, the given name
	// the initials, each cached alone (the pairs are many more)
	fams, ok := c.fams[a.Family]
	if !ok {
		fams = rsFams(as[:1])
		c.fams[a.Family] = fams
	}
	inits, ok := c.inits[a.Given]
	if !ok {
		inits = rsInitials(as[:1])
		c.inits[a.Given] = inits
	}
	return rsName{fams, inits}
}

// rsFamsOnly reports whether rsFams of an author with this given name
// depends on the family name alone: the given name is set (an empty one
// lets an unsplit family name give both its ends) and is initials, dotted
// or in capitals (a written-out given name is a key too).
func rsFamsOnly(given string) bool {
	return given != "" && (strings.Contains(given, ".") || strings.ToUpper(given) == given)
}

// recordItem is the item of record i.
func (r *rsResolver) recordItem(i int, c *rsNormCache) rsItem {
	rec := &r.recs[i]
	n := c.name(rec.Authors)
	it := rsItem{rec: int32(i), ref: -1, doi: rsRecordDOI(rec.DOI), ids: rsIDs(rec.IDs), fams: n.fams, inits: n.inits,
		year: rec.Year, vol: rsVolume(rec.Volume), page: rsFirstPage(rec.Pages)}
	it.venue = c.venueKey(rec.Venue)
	if it.venue == "" {
		it.venue = c.venueKey(rec.VenueAbbrev)
	}
	if k := rsCitedFam(rec.Authors); k != "" && !slices.Contains(it.fams, k) {
		it.fams = append(slices.Clip(it.fams), k)
	}
	r.finish(&it, parse.Fold(rec.Title), c)
	return it
}

// refItem is the item of reference j of record i.
func (r *rsResolver) refItem(i, j int, c *rsNormCache) rsItem {
	ref := &r.recs[i].References[j]
	n := c.name(ref.Authors)
	it := rsItem{rec: int32(i), ref: int32(j), doi: rsDOI(ref.DOI, ref.Raw), ids: rsIDs(ref.IDs), fams: n.fams,
		inits: n.inits, year: ref.Year, vol: rsVolume(ref.Volume), page: rsFirstPage(ref.Pages),
		venue: c.venueKey(ref.Venue)}
	r.finish(&it, parse.Fold(ref.Title), c)
	return it
}

// finish sets the title's forms, the initial and the venue's leads.
func (r *rsResolver) finish(it *rsItem, title string, c *rsNormCache) {
	it.vlead = c.venueLeads(r.venue, it.venue)
	it.rsForm = rsNoForm
	if title != "" {
		it.setTitle(title, c.newForm())
	}
	if it.inits != "" {
		it.init = it.inits[0]
	}
}

// rsParallel calls f on chunks [lo, hi) of n records, whose items end at
// refStart, on GOMAXPROCS workers, each with its own cache. f must write
// only what belongs to its records' items.
func rsParallel(n int, refStart []int, f func(lo, hi int, c *rsNormCache)) {
	// chunks of about rsChunkItems items, cut at record boundaries
	var cuts []int // the end of each chunk
	for i, size := 0, 0; i < n; i++ {
		size += 1 + refStart[i+1] - refStart[i]
		if size >= rsChunkItems {
			cuts = append(cuts, i+1)
			size = 0
		}
	}
	if len(cuts) == 0 || cuts[len(cuts)-1] != n {
		cuts = append(cuts, n)
	}
	rsRun(cuts, func() func(lo, hi int) {
		c := &rsNormCache{venues: make(map[string]string, 1<<12), fams: make(map[string][]string, 1<<12),
			inits: make(map[string]string, 1<<10), names: make(map[parse.Author]rsName, 1<<10),
			leads: make(map[string]rsLeads, 1<<12)}
		return func(lo, hi int) { f(lo, hi, c) }
	})
}

// rsRun runs the chunks [cuts[k-1], cuts[k]) (the first from 0) on up to
// GOMAXPROCS workers, which take them in turn; worker is called once per
// worker for the function that runs its chunks. What a chunk computes
// must not depend on the worker or on the other chunks.
func rsRun(cuts []int, worker func() func(lo, hi int)) {
	var next atomic.Int32
	run := func() {
		f := worker()
		for {
			k := int(next.Add(1)) - 1
			if k >= len(cuts) {
				return
			}
			lo := 0
			if k > 0 {
				lo = cuts[k-1]
			}
			f(lo, cuts[k])
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(cuts))
	if workers <= 1 {
		run()
		return
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(run)
	}
	wg.Wait()
}

// rsCuts cuts n into chunks of size: the end of each.
func rsCuts(n, size int) []int {
	var cuts []int
	for end := size; end < n; end += size {
		cuts = append(cuts, end)
	}
	return append(cuts, n)
}

// rsChunkItems is the number of items a worker of rsNew takes at a time.
const rsChunkItems = 16384

func (r *rsResolver) find(i int) int {
	for int(r.parent[i]) != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = int(r.parent[i])
	}
	return i
}

// howIndex returns the index of how in r.hows, adding it if need be.
func (r *rsResolver) howIndex(how string) uint32 {
	for k, h := range r.hows {
		if h == how {
			return uint32(k)
		}
	}
	r.hows = append(r.hows, how)
	return uint32(len(r.hows) - 1)
}

// union merges the groups of items a and b, found the same by method how,
// when the merged group stays consistent as check asks. It reports whether
// a and b are now in one group.
func (r *rsResolver) union(a, b int, how string, check rsCheck) bool {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return true
	}
	ca, cb := r.group(ra), r.group(rb)
	if !rsConsistent(ca, cb, check) {
		r.refused++
		return false
	}
	// the group that did not hold the earliest item records the evidence
	// on its earliest item, which otherwise would read "new"
	late := cb
	if ca.first > cb.first {
		late = ca
	}
	if r.how[late.first] == 0 {
		r.how[late.first] = r.howIndex(how)
	}
	if ca.size < cb.size {
		ra, rb, ca, cb = rb, ra, cb, ca
	}
	r.parent[rb] = int32(ra)
	ca.merge(cb)
	ca.fuzzy = ca.fuzzy || strings.HasPrefix(how, "fuzzy")
	r.drop(rb)
	return true
}

// merge adds the state of group b to group a. A set is merged in place
// only when a owns its backing array (a.own, set when merge allocated it):
// singletons share backing arrays, and a copy of a group (canBeOne) clears
// own so that merging into it leaves the group's sets as they are.
func (a *rsCluster) merge(b *rsCluster) {
	if a.doi == "" || len(b.doi) > len(a.doi) && strings.HasPrefix(b.doi, a.doi) {
		a.doi = b.doi // the whole of a DOI another source cut
	}
	a.ids = rsMergeSet(a.ids, b.ids, &a.own, rsOwnIDs)
	if a.yMin == 0 || (b.yMin != 0 && b.yMin < a.yMin) {
		a.yMin = b.yMin
	}
	a.yMax = max(a.yMax, b.yMax)
	a.vols = rsMergeSet(a.vols, b.vols, &a.own, rsOwnVols)
	a.pages = rsMergeSet(a.pages, b.pages, &a.own, rsOwnPages)
	a.recs = rsMergeSet(a.recs, b.recs, &a.own, rsOwnRecs)
	a.citers = rsMergeSet(a.citers, b.citers, &a.own, rsOwnCiters)
	if len(b.inits) > len(a.inits) {
		a.inits = b.inits
	}
	a.first = min(a.first, b.first)
	a.size += b.size
	a.fuzzy = a.fuzzy || b.fuzzy
}

// The bits of rsCluster.own: which sets' backing arrays the group owns.
const (
	rsOwnIDs uint8 = 1 << iota
	rsOwnVols
	rsOwnPages
	rsOwnRecs
	rsOwnCiters
)

// rsMergeSet returns the union of the sorted sets a and b, in a's backing
// array when a owns it (bit of own) and it has room, else in a new array
// with room to grow, which a then owns. A group cited a thousand times
// grows its citers one merge at a time: in place, that costs no garbage.
func rsMergeSet[T cmp.Ordered](a, b []T, own *uint8, bit uint8) []T {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		*own &^= bit // b's array, which b (or another group) may still hold
		return b
	}
	n := len(a) + len(b) - rsCountCommon(a, b, len(a))
	switch {
	case n == len(a):
		return a
	case n == len(b):
		*own &^= bit
		return b
	case *own&bit != 0 && cap(a) >= n:
		// from the back, so that no element of a is overwritten unread
		out := a[:n]
		i, j := len(a)-1, len(b)-1
		for k := n - 1; j >= 0; k-- {
			switch {
			case i >= 0 && a[i] > b[j]:
				out[k] = a[i]
				i--
			case i >= 0 && a[i] == b[j]:
				out[k] = a[i]
				i--
				j--
			default:
				out[k] = b[j]
				j--
			}
		}
		return out
	}
	c := n
	if n >= 8 {
		c += n / 2
	}
	*own |= bit
	return rsUnionTo(make([]T, 0, c), a, b)
}

// rsCountCommon counts the values two sorted sets share, stopping at
// limit.
func rsCountCommon[T cmp.Ordered](a, b []T, limit int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	if len(a) < 8 {
		for _, x := range a {
			if _, ok := slices.BinarySearch(b, x); ok {
				if n++; n == limit {
					break
				}
			}
		}
		return n
	}
	for i, j := 0, 0; i < len(a) && j < len(b) && n < limit; {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// rsCheck says how much of rsConsistent a merge must pass.
type rsCheck uint8

const (
	// rsCheckAll checks everything.
	rsCheckAll rsCheck = iota
	// rsCheckTwice lets one reference list name the work twice: the
	// evidence is strong enough to tell a repeated entry (first author,
	// volume and first page).
	rsCheckTwice
	// rsCheckPlace checks all but years, volumes and pages: two of them
	// agreeing outweigh the third (rsTwoOfThree).
	rsCheckPlace
	// rsCheckIDs checks DOIs and identifiers only: identifier evidence
	// overrides years, volumes, pages and reference lists.
	rsCheckIDs
)

// rsConsistent reports whether two groups may be merged.
func rsConsistent(a, b *rsCluster, check rsCheck) bool {
	if !rsDOICompatible(a.doi, b.doi) {
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
	if check == rsCheckIDs {
		return true
	}
	if check == rsCheckPlace {
		return !rsIntersect(a.recs, b.citers) && !rsIntersect(b.recs, a.citers) && !rsIntersect(a.citers, b.citers)
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
	return !rsIntersect(a.recs, b.citers) && !rsIntersect(b.recs, a.citers) &&
		(check == rsCheckTwice || !rsIntersect(a.citers, b.citers))
}

// rsMeet reports whether two sorted value sets share a value or one is empty.
func rsMeet[T cmp.Ordered](a, b []T) bool {
	return len(a) == 0 || len(b) == 0 || rsIntersect(a, b)
}

// rsIntersect reports whether two sorted sets share a value.
func rsIntersect[T cmp.Ordered](a, b []T) bool {
	return rsCountCommon(a, b, 1) > 0
}

// rsUnionSorted merges two sorted sets.
func rsUnionSorted[T cmp.Ordered](a, b []T) []T {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	return rsUnionTo(make([]T, 0, len(a)+len(b)), a, b)
}

// rsUnionTo appends the union of the sorted sets a and b to out.
func rsUnionTo[T cmp.Ordered](out, a, b []T) []T {
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
