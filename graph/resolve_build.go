package graph

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// This file turns the groups of mentions into works, citations and IDs.

// build turns the groups into works and citations.
func (r *rsResolver) build() *Resolution {
	res := &Resolution{}
	st := &r.stats
	st.ByMethod = map[string]int{}
	st.Records = len(r.recs)
	// groups in order of their earliest item
	group := make([]int, len(r.items)) // root -> work index before sorting
	ngroups := 0
	for i := range r.items {
		if root := r.find(i); root == i {
			group[i] = ngroups
			ngroups++
			if r.groups.at[root] > 0 && r.group(root).fuzzy {
				st.FuzzyClusters++
			}
		}
	}
	// the items of group g, ascending, are flat[start[g]:start[g+1]]
	start := make([]int, ngroups+1)
	for i := range r.items {
		start[group[r.find(i)]+1]++
	}
	for g := range ngroups {
		start[g+1] += start[g]
	}
	flat := make([]int, len(r.items))
	next := slices.Clone(start[:ngroups])
	for i := range r.items {
		g := group[r.find(i)]
		flat[next[g]] = i
		next[g]++
	}
	members := func(g int) []int { return flat[start[g]:start[g+1]:start[g+1]] }
	if !r.keep {
		r.groups = rsGroups{} // the groups' state is not needed any more
	}
	r.src = r.refSources()
	works := make([]Work, ngroups)
	// each work is built from its group alone, on every core
	rsRun(rsCuts(ngroups, 4096), func() func(lo, hi int) {
		return func(lo, hi int) {
			for g := lo; g < hi; g++ {
				works[g] = r.work(members(g))
			}
		}
	})
	// stable readable IDs, then the final order: by ID, ties in order of
	// first mention (a stable sort, done faster; the IDs sit beside their
	// works' indexes, not a work's length apart)
	type idAt struct {
		id string
		g  int
	}
	keys := make([]idAt, len(works))
	for g := range works {
		keys[g] = idAt{works[g].ID, g}
	}
	byID := func(a, b idAt) int { return cmp.Or(strings.Compare(a.id, b.id), cmp.Compare(a.g, b.g)) }
	slices.SortFunc(keys, byID)
	order := make([]int, len(works))
	for k := range keys {
		order[k] = keys[k].g
	}
	if rsDedupIDs(works, order) {
		for k := range keys {
			keys[k].id = works[keys[k].g].ID
		}
		slices.SortFunc(keys, byID)
	}
	pos := order // (order is not needed any more)
	for p, k := range keys {
		pos[k.g] = p
	}
	rsPermute(works, slices.Clone(pos))
	res.Works = works
	n := len(r.items)
	r.itemWork = make([]int, n)
	for i := range n {
		r.itemWork[i] = pos[group[r.find(i)]]
	}
	if !r.keep {
		r.items = nil // the references' items are not needed any more
	}
	for ri := range r.recs {
		rec := &r.recs[ri]
		if rec.RefsDeclared != nil {
			st.RefsDeclared += *rec.RefsDeclared
		}
		if len(rec.References) == 0 {
			st.RecordsNoRefs++
		}
	}
	// citations: the references in input order, sorted by citing and
	// cited work (stable: the first reference of a citation says how it
	// was matched, its sources are in input order)
	type arc struct{ from, to, item int32 }
	arcs := make([]arc, 0, n-len(r.recs))
	for ri := range r.recs {
		from := r.itemWork[ri]
		for i := r.refStart[ri]; i < r.refStart[ri+1]; i++ {
			st.References++
			how := r.refHow(i)
			if strings.HasPrefix(how, "fuzzy:") {
				st.ByMethod["fuzzy"]++ // the scores are in the mentions
			} else {
				st.ByMethod[how]++
			}
			if g := group[r.find(i)]; start[g+1]-start[g] == 1 {
				st.Unresolved++
			}
			if to := r.itemWork[i]; to == from {
				st.SelfCitations++
			} else {
				arcs = append(arcs, arc{int32(from), int32(to), int32(i)})
			}
		}
	}
	// (ties in input order: the items of the references ascend)
	slices.SortFunc(arcs, func(a, b arc) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.item, b.item))
	})
	distinct := 0
	for k := range arcs {
		if k == 0 || arcs[k].from != arcs[k-1].from || arcs[k].to != arcs[k-1].to {
			distinct++
		}
	}
	st.RepeatedRefs = len(arcs) - distinct
	res.Citations = make([]Citation, 0, distinct)
	// the sources of all citations cut from one array
	srcAll := make([]string, len(arcs))
	for k := 0; k < len(arcs); {
		a := arcs[k]
		e := k + 1
		for e < len(arcs) && arcs[e].from == a.from && arcs[e].to == a.to {
			e++
		}
		srcs := srcAll[k:e:e]
		for j := range srcs {
			srcs[j] = r.src[arcs[k+j].item]
		}
		res.Citations = append(res.Citations, Citation{From: int(a.from), To: int(a.to), Match: r.refHow(int(a.item)), Sources: srcs})
		k = e
	}
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
	r.src = nil
	return res
}

// rsPermute moves works[i] to works[to[i]] in place (a copy of the works
// would double their memory at the peak); to is used up.
func rsPermute(works []Work, to []int) {
	for i := range works {
		for to[i] != i {
			j := to[i]
			works[i], works[j] = works[j], works[i]
			to[i], to[j] = to[j], j
		}
	}
}

// rsDedupIDs makes the IDs unique: the second work with an ID gets "-2"
// appended, the third "-3", skipping suffixes another work already has.
// order lists the works sorted by ID, ties in order of first mention. It
// reports whether it changed any ID.
func rsDedupIDs(works []Work, order []int) bool {
	// the IDs as they were, sorted, and those given since
	var sorted []string
	var given map[string]bool
	taken := func(id string) bool {
		_, ok := slices.BinarySearch(sorted, id)
		return ok || given[id]
	}
	for k := 1; k < len(order); k++ {
		base := works[order[k-1]].ID
		n := 1
		for k < len(order) && works[order[k]].ID == base {
			if sorted == nil {
				sorted = make([]string, len(order))
				for j, g := range order {
					sorted[j] = works[g].ID
				}
				given = map[string]bool{}
			}
			for {
				n++
				id := base + "-" + strconv.Itoa(n)
				if !taken(id) {
					given[id] = true
					works[order[k]].ID = id
					break
				}
			}
			k++
		}
	}
	return sorted != nil
}

// mentionHow is how item i came to its work.
func (r *rsResolver) mentionHow(i int) string {
	if r.items[i].ref < 0 {
		return "record"
	}
	return r.refHow(i)
}

// refHow is how reference item i came to its work.
func (r *rsResolver) refHow(i int) string {
	return cmp.Or(r.hows[r.how[i]], "new")
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

// refSources returns the refSource of every reference item (indexed by
// item), the "path:line" ones cut from one string: one allocation rather
// than one per reference.
func (r *rsResolver) refSources() []string {
	src := make([]string, len(r.items))
	size := 0
	for i := len(r.recs); i < len(r.items); i++ {
		it := &r.items[i]
		rec := &r.recs[it.rec]
		if line := rec.References[it.ref].Line; line > 0 {
			size += len(rec.File) + 1 + rsDigits(line)
		}
	}
	var b strings.Builder
	b.Grow(size)
	var num []byte
	end := make([]int, len(r.items))
	for i := len(r.recs); i < len(r.items); i++ {
		it := &r.items[i]
		rec := &r.recs[it.rec]
		if line := rec.References[it.ref].Line; line > 0 {
			b.WriteString(rec.File)
			b.WriteByte(':')
			num = strconv.AppendInt(num[:0], int64(line), 10)
			b.Write(num)
			end[i] = b.Len()
		} else {
			src[i] = rec.Source
			end[i] = -1
		}
	}
	all := b.String()
	for i, start := len(r.recs), 0; i < len(r.items); i++ {
		if end[i] >= 0 {
			src[i] = all[start:end[i]]
			start = end[i]
		}
	}
	return src
}

// rsDigits is the number of decimal digits of n > 0.
func rsDigits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// work builds the work of one group of items (in input order). Each
// descriptive field comes from the most trustworthy mention that has it
// (rsTrust): the records, a structured export before a saved HTML page
// before scraped text, then the richest reference; FieldSource says which.
func (r *rsResolver) work(ms []int) Work {
	var w Work
	// the records come first among the items (rsNew)
	nrec := 0
	for nrec < len(ms) && r.items[ms[nrec]].ref < 0 {
		nrec++
	}
	recs, refs := ms[:nrec], ms[nrec:]
	w.Mentions = make([]Mention, 0, len(ms))
	// the mentions: the records, then the references, in input order
	for _, i := range recs {
		rec := &r.recs[r.items[i].rec]
		w.InCorpus = true
		w.Sources = append(w.Sources, rec.Source)
		w.CitedBy = rsMaxPtr(w.CitedBy, rec.CitedBy)
		w.RefsDeclared = rsMaxPtr(w.RefsDeclared, rec.RefsDeclared)
		w.Mentions = append(w.Mentions, Mention{Source: rec.Source, Raw: rec.Label, How: "record", Joined: r.hows[r.how[i]],
			Format: rec.Format})
	}
	for _, i := range refs {
		w.Mentions = append(w.Mentions, Mention{Source: r.src[i], Raw: r.ref(i).Raw, How: r.mentionHow(i),
			Format: r.recs[r.items[i].rec].Format})
	}
	// the fields: the records by trust, ties in input order
	byTrust := rsOrder[:min(len(recs), 1)] // indexes into recs, and so into Mentions
	if len(recs) > 1 {
		byTrust = rsIota(len(recs))
		trust := func(k int) int { return rsTrust(r.recs[r.items[recs[k]].rec].Format) }
		slices.SortStableFunc(byTrust, func(a, b int) int { return cmp.Compare(trust(b), trust(a)) })
	}
	for n, k := range byTrust {
		i := recs[k]
		rec := &r.recs[r.items[i].rec]
		if n == 0 && rec.Title == "" {
			w.Label = rec.Label
		}
		w.fill(k, rec.Title, rec.Authors, rec.Year, rec.Venue, rec.Volume, rec.Pages, r.items[i].doi)
		w.fill(k, "", nil, 0, rec.VenueAbbrev, "", "", "")
		w.VenueAbbrev = cmp.Or(w.VenueAbbrev, rec.VenueAbbrev)
		if w.Keywords == nil {
			w.Keywords = rec.Keywords
		}
		if w.IndexKeywords == nil {
			w.IndexKeywords = rec.IndexKeywords
		}
		if w.Affiliations == nil && len(rec.Affiliations) > 0 && len(rec.Authors) == len(w.Authors) {
			w.Affiliations = rec.Affiliations // their author indexes hold for w.Authors
		}
		w.Type = cmp.Or(w.Type, rec.Type)
		if w.Abstract == "" {
			w.Abstract = rec.Abstract
		}
		w.IDs = rsMergeIDs(w.IDs, rec.IDs)
	}
	// then the references, richest first, ties in input order
	byRichness := rsOrder[:min(len(refs), 1)]
	if len(refs) > 1 {
		byRichness = rsIota(len(refs))
		slices.SortStableFunc(byRichness, func(a, b int) int { return cmp.Compare(r.richness(refs[b]), r.richness(refs[a])) })
	}
	for _, k := range byRichness {
		i := refs[k]
		ref := r.ref(i)
		w.fill(len(recs)+k, ref.Title, ref.Authors, ref.Year, ref.Venue, ref.Volume, ref.Pages, r.items[i].doi)
		w.IDs = rsMergeIDs(w.IDs, ref.IDs)
	}
	w.ID = rsWorkID(&w)
	if w.Label == "" {
		w.Label = rsWorkLabel(&w, r, refs)
	}
	return w
}

// rsOrder is the order of one mention, shared by the works of one mention
// of a kind (never sorted: one element).
var rsOrder = []int{0}

// rsIota returns 0, 1, … n-1.
func rsIota(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// rsTrust ranks how far the records of a format are trusted for the
// fields of a work: a structured export (Web of Science, Scopus, Crossref,
// OpenAlex, RIS, BibTeX…) 3, a saved HTML page's metadata tags 2, text
// scraped from a page or a pasted reference list 1, which never overwrite
// a field a more trusted record gives.
func rsTrust(format string) int {
	switch format {
	case "landing", "reflist":
		return 1
	case "html":
		return 2
	}
	return 3
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

// fill sets the empty descriptive fields of w from mention m.
func (w *Work) fill(m int, title string, authors []parse.Author, year int, venue, volume, pages, doi string) {
	set := func(f Field, empty bool) bool {
		if !empty {
			return false
		}
		w.from[f] = int32(m) + 1
		return true
	}
	if set(FieldTitle, w.Title == "" && title != "") {
		w.Title = title
	}
	if set(FieldAuthors, len(w.Authors) == 0 && len(authors) > 0) {
		w.Authors = authors
	}
	if set(FieldYear, w.Year == 0 && year != 0) {
		w.Year = year
	}
	if set(FieldVenue, w.Venue == "" && venue != "") {
		w.Venue = venue
	}
	if set(FieldVolume, w.Volume == "" && volume != "") {
		w.Volume = volume
	}
	if set(FieldPages, w.Pages == "" && pages != "") {
		w.Pages = pages
	}
	if set(FieldDOI, w.DOI == "" && doi != "") {
		w.DOI = doi
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

// rsWorkID builds a readable ID: the DOI, another identifier, or a slug of
// first author, year and first title words (or venue, volume and page).
func rsWorkID(w *Work) string {
	if w.DOI != "" {
		return "doi:" + w.DOI
	}
	for _, k := range rsIDKeys {
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
		// an untitled work known by its abstract alone: its first words
		if words := strings.Fields(parse.Fold(w.Abstract)); len(parts) == 1 && len(words) > 0 {
			parts = append(parts, words[:min(3, len(words))]...)
		}
	}
	return strings.Join(parts, "-")
}

// rsWorkLabel is a short human name: "Jones 2025", a short title, the
// start of the reference text, or where an empty reference was.
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
	if len(refs) > 0 {
		return "empty reference at " + r.refSource(refs[0])
	}
	return w.ID
}
