// Package overview describes a corpus the way bibliometrix's biblioAnalysis
// and its summary do: timespan, documents by type, annual production and
// growth, citations per document, the most productive authors (full and
// fractional counting), sources and countries, the most cited documents
// locally and globally, the most frequent keywords, Lotka's law, and the
// h-index of authors and sources within the corpus.
//
// The unit is the corpus work after duplicates are merged, so a paper
// exported twice counts once; differences from bibliometrix are listed
// with each field.
package overview

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// Options controls Compute. The zero value lists 10 rows per table and
// measures ages from the latest publication year of the corpus.
type Options struct {
	// Top is the number of rows of each table; 0 means 10.
	Top int
	// RefYear is the year ages and citations per year are counted to:
	// TC per year = TC / (RefYear − PY + 1). 0 means the latest
	// publication year of the corpus, so the same input always gives the
	// same numbers (bibliometrix uses the calendar year of the run).
	RefYear int
	// Countries returns the countries of a work: the first author's
	// first, then those of every address. Works for which it returns
	// nothing are left out of the country tables. Nil means WorkCountries,
	// from the works' affiliations.
	Countries func(w *graph.Work) []string
}

// Count is a name and how many documents have it.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// YearCount is the production of one year.
type YearCount struct {
	Year      int `json:"year"`
	Documents int `json:"documents"`
}

// Author is one author's production and impact within the corpus.
type Author struct {
	// Key identifies the author as bibliometrix does: family name in
	// capitals and initials ("SMALL H"); Name is the commonest spelling.
	Key  string `json:"key"`
	Name string `json:"name"`
	// Documents counts the author's documents; Fractional sums 1/n over
	// them, n being each document's number of authors.
	Documents  int     `json:"documents"`
	Fractional float64 `json:"fractional"`
	Impact
}

// Impact is the citation impact of an author's or a source's documents,
// by their global citation counts (TC): h-index, g-index (the largest g
// whose top g documents have at least g² citations together, g at most
// the number of documents) and m-index (h per year since the first).
type Impact struct {
	H         int     `json:"h_index"`
	G         int     `json:"g_index"`
	M         float64 `json:"m_index"`
	Citations int     `json:"citations"`
	FirstYear int     `json:"first_year,omitempty"`
}

// Source is one venue and its documents.
type Source struct {
	Name      string `json:"name"`
	Documents int    `json:"documents"`
	Impact
}

// Cited is a corpus document and its citations.
type Cited struct {
	Work  int    `json:"-"` // index into Graph.Works
	ID    string `json:"id"`
	Label string `json:"label"`
	Year  int    `json:"year,omitempty"`
	// Local counts citations from corpus documents (LCS); Global is the
	// citation count the database states (TC, GCS), -1 when none did.
	Local  int `json:"local"`
	Global int `json:"global"`
	// GlobalPerYear is Global / (RefYear − Year + 1); Normalized is Global
	// over the mean Global of the corpus documents of the same year.
	GlobalPerYear float64 `json:"global_per_year"`
	Normalized    float64 `json:"normalized"`
}

// Country is the production of one country, by the first author's country.
type Country struct {
	Name      string `json:"name"`
	Documents int    `json:"documents"`
	// Single counts documents whose authors are all of this country (SCP),
	// Multiple those with authors of other countries too (MCP).
	Single   int `json:"single_country"`
	Multiple int `json:"multiple_country"`
	// Citations sums TC; Average is Citations per document.
	Citations int     `json:"citations"`
	Average   float64 `json:"average_citations"`
}

// Lotka is Lotka's law fitted to the authors' production: the share of
// authors with n documents, f(n) = C / nᵝ, fitted by least squares on
// log10 f = log10 C − β log10 n (as bibliometrix's lotka does).
type Lotka struct {
	// Table: for each n, the number of authors with n documents and their
	// share, beside Lotka's inverse-square law (β = 2, C = 6/π² ≈ 0.608).
	Table []LotkaRow `json:"table"`
	// Beta, C and R2 are the fit; Fitted is false when fewer than two
	// distinct productions exist.
	Fitted bool    `json:"fitted"`
	Beta   float64 `json:"beta"`
	C      float64 `json:"c"`
	R2     float64 `json:"r2"`
}

// LotkaRow is one production level.
type LotkaRow struct {
	Documents   int     `json:"documents"`
	Authors     int     `json:"authors"`
	Share       float64 `json:"share"`
	InverseSq   float64 `json:"inverse_square"`
	FittedShare float64 `json:"fitted,omitempty"`
}

// Overview is the description of a corpus.
type Overview struct {
	Documents int `json:"documents"`
	// Records counts the input records; Documents is smaller by the
	// duplicates merged.
	Records   int `json:"records"`
	FirstYear int `json:"first_year,omitempty"`
	LastYear  int `json:"last_year,omitempty"`
	Undated   int `json:"undated,omitempty"`
	RefYear   int `json:"ref_year,omitempty"`
	// Types counts the documents by kind (DocType), most first.
	Types []Count `json:"types"`
	// Production covers every year from FirstYear to LastYear.
	Production []YearCount `json:"production"`
	// GrowthRate is the compound annual growth in percent,
	// ((last year's documents / first year's)^(1/(LastYear−FirstYear)) − 1)·100.
	GrowthRate float64 `json:"growth_rate"`
	// AverageAge is RefYear minus the mean publication year.
	AverageAge float64 `json:"average_age"`
	// WithCitations counts documents whose TC is stated; the averages are
	// over them.
	WithCitations      int     `json:"with_citations"`
	CitationsPerDoc    float64 `json:"citations_per_document"`
	CitationsPerDocYr  float64 `json:"citations_per_document_per_year"`
	References         int     `json:"references"`
	CitedWorks         int     `json:"cited_works"`
	LocalCitations     int     `json:"local_citations"`
	Keywords           int     `json:"keywords"`
	IndexKeywords      int     `json:"index_keywords"`
	Authors            int     `json:"authors"`
	AuthorAppearances  int     `json:"author_appearances"`
	SingleAuthoredDocs int     `json:"single_authored_documents"`
	SingleDocAuthors   int     `json:"authors_of_single_authored_documents"`
	CoAuthorsPerDoc    float64 `json:"co_authors_per_document"`
	Sources            int     `json:"sources"`
	// InternationalShare is the percentage of documents with countries
	// whose authors come from more than one country; with country data only.
	InternationalShare float64 `json:"international_coauthorship,omitempty"`

	TopAuthors    []Author  `json:"top_authors"`
	TopFractional []Author  `json:"top_authors_fractional"`
	TopImpact     []Author  `json:"top_authors_h_index"`
	TopSources    []Source  `json:"top_sources"`
	SourceImpact  []Source  `json:"top_sources_h_index"`
	Countries     []Country `json:"countries,omitempty"`
	MostLocal     []Cited   `json:"most_cited_local"`
	MostGlobal    []Cited   `json:"most_cited_global"`
	TopKeywords   []Count   `json:"top_keywords"`
	// TopIndexKeywords are the keywords a database assigned (WoS
	// Keywords Plus, Scopus index keywords, MeSH), counted apart.
	TopIndexKeywords []Count `json:"top_index_keywords,omitempty"`
	Lotka            Lotka   `json:"lotka"`
}

// Compute describes the corpus works of g; records is the number of input
// records and references the number of reference entries they list.
func Compute(g *graph.Graph, records, references int, opt *Options) *Overview {
	if opt == nil {
		opt = &Options{}
	}
	top := cmp.Or(opt.Top, 10)
	ov := &Overview{Records: records, References: references}
	var docs []int
	for i := range g.Works {
		if g.Works[i].InCorpus {
			docs = append(docs, i)
		}
	}
	ov.Documents = len(docs)
	for i := range g.Works {
		if len(g.In(i)) > 0 {
			ov.CitedWorks++
		}
	}

	// years, types, production
	types := map[string]int{}
	sumYear, dated := 0, 0
	for _, i := range docs {
		w := &g.Works[i]
		types[DocType(w.Type)]++
		if w.Year == 0 {
			ov.Undated++
			continue
		}
		dated++
		sumYear += w.Year
		if ov.FirstYear == 0 || w.Year < ov.FirstYear {
			ov.FirstYear = w.Year
		}
		ov.LastYear = max(ov.LastYear, w.Year)
	}
	ov.Types = counts(types, nil, 0)
	ov.RefYear = cmp.Or(opt.RefYear, ov.LastYear)
	if dated > 0 {
		ov.Production = make([]YearCount, ov.LastYear-ov.FirstYear+1)
		for k := range ov.Production {
			ov.Production[k].Year = ov.FirstYear + k
		}
		for _, i := range docs {
			if y := g.Works[i].Year; y > 0 {
				ov.Production[y-ov.FirstYear].Documents++
			}
		}
		ov.AverageAge = float64(ov.RefYear) - float64(sumYear)/float64(dated)
		if span := ov.LastYear - ov.FirstYear; span > 0 {
			first, last := ov.Production[0].Documents, ov.Production[span].Documents
			ov.GrowthRate = (math.Pow(float64(last)/float64(first), 1/float64(span)) - 1) * 100
		}
	}

	// citations: global (TC) and local (from corpus documents)
	local := make(map[int]int, len(docs))
	byYear := map[int][2]float64{} // sum of TC and count, per year
	sumTC, sumTCyr, withYr := 0, 0.0, 0
	for _, i := range docs {
		for _, c := range g.In(i) {
			if g.Works[c].InCorpus {
				local[i]++
				ov.LocalCitations++
			}
		}
		w := &g.Works[i]
		if w.CitedBy == nil {
			continue
		}
		ov.WithCitations++
		sumTC += *w.CitedBy
		if w.Year > 0 {
			withYr++
			sumTCyr += float64(*w.CitedBy) / float64(max(1, ov.RefYear-w.Year+1))
			s := byYear[w.Year]
			byYear[w.Year] = [2]float64{s[0] + float64(*w.CitedBy), s[1] + 1}
		}
	}
	if ov.WithCitations > 0 {
		ov.CitationsPerDoc = float64(sumTC) / float64(ov.WithCitations)
	}
	if withYr > 0 {
		ov.CitationsPerDocYr = sumTCyr / float64(withYr)
	}
	cited := func(i int) Cited {
		w := &g.Works[i]
		c := Cited{Work: i, ID: w.ID, Label: w.Label, Year: w.Year, Local: local[i], Global: -1}
		if w.CitedBy != nil {
			c.Global = *w.CitedBy
			if w.Year > 0 {
				c.GlobalPerYear = float64(c.Global) / float64(max(1, ov.RefYear-w.Year+1))
				if s := byYear[w.Year]; s[0] > 0 {
					c.Normalized = float64(c.Global) / (s[0] / s[1])
				}
			}
		}
		return c
	}
	ov.MostLocal = topCited(docs, cited, top, func(c Cited) int { return c.Local })
	ov.MostGlobal = topCited(docs, cited, top, func(c Cited) int { return c.Global })

	// keywords: documents carrying each, folded as parse.Fold does (case,
	// diacritics, punctuation: "Bit-patterned media" is "bit patterned
	// media", as the readers already merge them within a record)
	ov.Keywords, ov.TopKeywords = keywords(g, docs, top, func(w *graph.Work) []string { return w.Keywords })
	ov.IndexKeywords, ov.TopIndexKeywords = keywords(g, docs, top, func(w *graph.Work) []string { return w.IndexKeywords })

	authors(g, docs, ov, top)
	sources(g, docs, ov, top)
	of := opt.Countries
	if of == nil {
		of = WorkCountries
	}
	countries(g, docs, ov, of)
	return ov
}

// keywords counts the documents carrying each keyword of one kind.
func keywords(g *graph.Graph, docs []int, top int, of func(*graph.Work) []string) (int, []Count) {
	kw, kwName := map[string]int{}, map[string]map[string]int{}
	for _, i := range docs {
		seen := map[string]bool{}
		for _, k := range of(&g.Works[i]) {
			k = strings.Join(strings.Fields(k), " ")
			key := parse.Fold(k)
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			kw[key]++
			countSpelling(kwName, key, k)
		}
	}
	return len(kw), counts(kw, kwName, top)
}

// WorkCountries returns the countries of a work from its affiliations: the
// first author's (the first address linked to author 0, else the first
// address with a country), then the country of every address, as
// bibliometrix's AU1_CO and AU_CO.
func WorkCountries(w *graph.Work) []string {
	var first string
	var all []string
	for _, a := range w.Affiliations {
		if a.Country == "" {
			continue
		}
		all = append(all, a.Country)
		if first == "" && slices.Contains(a.Authors, 0) {
			first = a.Country
		}
	}
	if len(all) == 0 {
		return nil
	}
	return append([]string{cmp.Or(first, all[0])}, all...)
}

func countSpelling(m map[string]map[string]int, key, spelling string) {
	if m[key] == nil {
		m[key] = map[string]int{}
	}
	m[key][spelling]++
}

// commonest returns the most frequent spelling, the first in byte order
// among equals.
func commonest(m map[string]int) string {
	best, n := "", 0
	for s, c := range m {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

// counts turns a tally into rows, largest first then by name, at most top
// (0: all); a row is named by the commonest spelling in names, or by its
// key when names is nil.
func counts(m map[string]int, names map[string]map[string]int, top int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		name := k // the key is the name when no spellings are given
		if names != nil {
			name = commonest(names[k])
		}
		out = append(out, Count{Name: name, Count: n})
	}
	slices.SortFunc(out, func(a, b Count) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name)) })
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

func topCited(docs []int, cited func(int) Cited, top int, by func(Cited) int) []Cited {
	var out []Cited
	for _, i := range docs {
		if c := cited(i); by(c) > 0 {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Cited) int {
		return cmp.Or(cmp.Compare(by(b), by(a)), cmp.Compare(b.Local+b.Global, a.Local+a.Global), cmp.Compare(a.ID, b.ID))
	})
	if len(out) > top {
		out = out[:top]
	}
	return out
}

// AuthorKey returns the key an author is counted under: the family name in
// capitals, diacritics and punctuation dropped, then the given names. When
// the source gives only initials ("Small, HG", "Small, H.G.") the key is
// bibliometrix's ("SMALL HG"); when it spells the names out ("Sun,
// Zhiwei", as WoS AF does) they are kept ("SUN ZHIWEI"), so that Sun
// Zhiwei and Sun Zhen are not merged into one "SUN Z". (Compute then
// counts an initials key under the one full name it abbreviates, if
// there is exactly one.)
func AuthorKey(a parse.Author) string {
	family, given, _ := authorKey(a)
	if given == "" {
		return family
	}
	return family + " " + given
}

// authorKey returns the parts of AuthorKey and whether the given part is
// initials.
func authorKey(a parse.Author) (family, given string, initials bool) {
	family = strings.ToUpper(parse.Fold(a.Family))
	parts := strings.FieldsFunc(a.Given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' || r == ',' })
	if family == "" || len(parts) == 0 {
		return family, "", false
	}
	initials = true
	for _, part := range parts {
		rs := []rune(part)
		upper := len(rs) <= 3
		for _, r := range rs {
			upper = upper && unicode.IsUpper(r)
		}
		initials = initials && (upper || len(rs) == 1)
	}
	sep := " "
	if initials {
		sep = ""
	}
	given = strings.ToUpper(parse.Fold(strings.Join(parts, sep)))
	if given == "" {
		// given names of signs that folding drops ("†", "*")
		return family, "", false
	}
	return family, given, initials
}

// authorKeys maps every author of the documents to the key it is counted
// under: AuthorKey, except that an initials key ("HELLWIG O") goes to the
// full name it abbreviates ("HELLWIG OLAV") when exactly one full name of
// the corpus with that family name has those initials (or begins with
// them: "HELLWIG OLAV M").
func authorKeys(g *graph.Graph, docs []int) func(parse.Author) string {
	type name struct {
		family, given string
		initials      bool
	}
	parts := map[parse.Author]name{}
	// full names by family name and first initial
	type first struct {
		family string
		letter rune
	}
	full := map[first][]name{}
	seen := map[name]bool{}
	for _, i := range docs {
		for _, a := range g.Works[i].Authors {
			if _, ok := parts[a]; ok {
				continue
			}
			f, gv, ini := authorKey(a)
			n := name{f, gv, ini}
			parts[a] = n
			if gv != "" && !ini && !seen[n] {
				seen[n] = true
				key := first{f, []rune(gv)[0]}
				full[key] = append(full[key], n)
			}
		}
	}
	keys := make(map[parse.Author]string, len(parts))
	for a, n := range parts {
		keys[a] = n.family
		if n.given != "" {
			keys[a] = n.family + " " + n.given
		}
		if !n.initials {
			continue
		}
		var match []name
		for _, m := range full[first{n.family, []rune(n.given)[0]}] {
			var abbr strings.Builder
			for _, w := range strings.Fields(m.given) {
				abbr.WriteRune([]rune(w)[0])
			}
			if strings.HasPrefix(abbr.String(), n.given) {
				match = append(match, m)
			}
		}
		if len(match) == 1 {
			keys[a] = match[0].family + " " + match[0].given
		}
	}
	return func(a parse.Author) string { return keys[a] }
}

// impact computes h, g and m from the citation counts of a set of
// documents and their first year.
func impact(tc []int, firstYear, refYear int) Impact {
	slices.SortFunc(tc, func(a, b int) int { return cmp.Compare(b, a) })
	im := Impact{FirstYear: firstYear}
	sum := 0
	for i, c := range tc {
		im.Citations += c
		sum += c
		if c >= i+1 {
			im.H = i + 1
		}
		if sum >= (i+1)*(i+1) {
			im.G = i + 1
		}
	}
	if firstYear > 0 && refYear >= firstYear {
		im.M = float64(im.H) / float64(refYear-firstYear+1)
	}
	return im
}

func authors(g *graph.Graph, docs []int, ov *Overview, top int) {
	type tally struct {
		docs  int
		frac  float64
		tc    []int
		first int
		names map[string]int
	}
	by := map[string]*tally{}
	singleFirst := map[string]bool{}
	keyOf := authorKeys(g, docs)
	for _, i := range docs {
		w := &g.Works[i]
		var keys []string
		seen := map[string]bool{}
		for _, a := range w.Authors {
			if k := keyOf(a); k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		ov.AuthorAppearances += len(keys)
		if len(keys) == 1 {
			ov.SingleAuthoredDocs++
			singleFirst[keys[0]] = true
		}
		for _, k := range keys {
			t := by[k]
			if t == nil {
				t = &tally{names: map[string]int{}}
				by[k] = t
			}
			t.docs++
			t.frac += 1 / float64(len(keys))
			if w.CitedBy != nil {
				t.tc = append(t.tc, *w.CitedBy)
			}
			if w.Year > 0 && (t.first == 0 || w.Year < t.first) {
				t.first = w.Year
			}
		}
		for _, a := range w.Authors {
			if k := keyOf(a); k != "" {
				by[k].names[authorName(a)]++
			}
		}
	}
	ov.Authors = len(by)
	ov.SingleDocAuthors = len(singleFirst)
	if len(docs) > 0 {
		ov.CoAuthorsPerDoc = float64(ov.AuthorAppearances) / float64(len(docs))
	}
	all := make([]Author, 0, len(by))
	for k, t := range by {
		all = append(all, Author{Key: k, Name: commonest(t.names), Documents: t.docs, Fractional: t.frac,
			Impact: impact(t.tc, t.first, ov.RefYear)})
	}
	ov.TopAuthors = topAuthors(all, top, func(a, b Author) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(b.Fractional, a.Fractional))
	})
	ov.TopFractional = topAuthors(all, top, func(a, b Author) int {
		return cmp.Or(cmp.Compare(b.Fractional, a.Fractional), cmp.Compare(b.Documents, a.Documents))
	})
	ov.TopImpact = topAuthors(all, top, func(a, b Author) int {
		return cmp.Or(cmp.Compare(b.H, a.H), cmp.Compare(b.Citations, a.Citations), cmp.Compare(b.Documents, a.Documents))
	})
	ov.Lotka = lotka(all)
}

func topAuthors(all []Author, top int, order func(a, b Author) int) []Author {
	s := slices.Clone(all)
	slices.SortFunc(s, func(a, b Author) int { return cmp.Or(order(a, b), cmp.Compare(a.Key, b.Key)) })
	if len(s) > top {
		s = s[:top]
	}
	return s
}

func authorName(a parse.Author) string {
	if a.Given == "" {
		return a.Family
	}
	return a.Family + ", " + a.Given
}

func sources(g *graph.Graph, docs []int, ov *Overview, top int) {
	type tally struct {
		docs  int
		tc    []int
		first int
		names map[string]int
	}
	by := map[string]*tally{}
	for _, i := range docs {
		w := &g.Works[i]
		key := parse.Fold(w.Venue)
		if key == "" {
			continue
		}
		t := by[key]
		if t == nil {
			t = &tally{names: map[string]int{}}
			by[key] = t
		}
		t.docs++
		t.names[strings.Join(strings.Fields(w.Venue), " ")]++
		if w.CitedBy != nil {
			t.tc = append(t.tc, *w.CitedBy)
		}
		if w.Year > 0 && (t.first == 0 || w.Year < t.first) {
			t.first = w.Year
		}
	}
	ov.Sources = len(by)
	all := make([]Source, 0, len(by))
	for _, t := range by {
		all = append(all, Source{Name: commonest(t.names), Documents: t.docs, Impact: impact(t.tc, t.first, ov.RefYear)})
	}
	sortTop := func(order func(a, b Source) int) []Source {
		s := slices.Clone(all)
		slices.SortFunc(s, func(a, b Source) int { return cmp.Or(order(a, b), cmp.Compare(a.Name, b.Name)) })
		if len(s) > top {
			s = s[:top]
		}
		return s
	}
	ov.TopSources = sortTop(func(a, b Source) int { return cmp.Compare(b.Documents, a.Documents) })
	ov.SourceImpact = sortTop(func(a, b Source) int {
		return cmp.Or(cmp.Compare(b.H, a.H), cmp.Compare(b.Citations, a.Citations), cmp.Compare(b.Documents, a.Documents))
	})
}

func countries(g *graph.Graph, docs []int, ov *Overview, of func(*graph.Work) []string) {
	by := map[string]*Country{}
	withCountry, multi := 0, 0
	for _, i := range docs {
		w := &g.Works[i]
		cs := of(w)
		if len(cs) == 0 {
			continue
		}
		withCountry++
		c := by[cs[0]]
		if c == nil {
			c = &Country{Name: cs[0]}
			by[cs[0]] = c
		}
		c.Documents++
		if slices.ContainsFunc(cs, func(x string) bool { return x != cs[0] }) {
			c.Multiple++
			multi++
		} else {
			c.Single++
		}
		if w.CitedBy != nil {
			c.Citations += *w.CitedBy
		}
	}
	for _, c := range by {
		c.Average = float64(c.Citations) / float64(c.Documents)
		ov.Countries = append(ov.Countries, *c)
	}
	slices.SortFunc(ov.Countries, func(a, b Country) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(b.Citations, a.Citations), cmp.Compare(a.Name, b.Name))
	})
	if withCountry > 0 {
		ov.InternationalShare = 100 * float64(multi) / float64(withCountry)
	}
}

// lotka fits Lotka's law to the authors' document counts.
func lotka(all []Author) Lotka {
	byN := map[int]int{}
	for _, a := range all {
		byN[a.Documents]++
	}
	var l Lotka
	ns := make([]int, 0, len(byN))
	for n := range byN {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	c2 := 6 / (math.Pi * math.Pi)
	var xs, ys []float64
	for _, n := range ns {
		share := float64(byN[n]) / float64(len(all))
		l.Table = append(l.Table, LotkaRow{Documents: n, Authors: byN[n], Share: share, InverseSq: c2 / float64(n*n)})
		xs = append(xs, math.Log10(float64(n)))
		ys = append(ys, math.Log10(share))
	}
	if len(ns) < 2 {
		return l
	}
	// least squares y = a + b x
	var mx, my float64
	for k := range xs {
		mx += xs[k]
		my += ys[k]
	}
	mx /= float64(len(xs))
	my /= float64(len(ys))
	var sxy, sxx, syy float64
	for k := range xs {
		sxy += (xs[k] - mx) * (ys[k] - my)
		sxx += (xs[k] - mx) * (xs[k] - mx)
		syy += (ys[k] - my) * (ys[k] - my)
	}
	b := sxy / sxx
	a := my - b*mx
	l.Fitted, l.Beta, l.C = true, math.Abs(b), math.Pow(10, a)
	if syy > 0 {
		l.R2 = sxy * sxy / (sxx * syy)
	} else {
		l.R2 = 1
	}
	for k := range l.Table {
		l.Table[k].FittedShare = math.Pow(10, a+b*xs[k])
	}
	return l
}
