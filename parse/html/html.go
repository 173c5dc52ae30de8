// Package html reads saved HTML pages of scholarly works: article landing
// pages of publishers, repository records, preprint servers.
//
// One pass of golang.org/x/net/html's tokenizer collects the page's
// metadata and its visible text. The work's record is then built from, in
// order of trust:
//
//  1. Highwire Press tags (citation_title, citation_author, citation_doi,
//     citation_publication_date …, citation_reference with its
//     "citation_title=…; citation_author=…" sub-fields), which Google Scholar
//     asks every publisher to emit;
//  2. Dublin Core and DCTERMS (dc.title, dc.creator, dc.identifier with or
//     without a DOI scheme …), PRISM (prism.doi, prism.volume …), EPrints
//     (eprints.title, eprints.creators_name …) and bepress (bepress_citation_*);
//  3. schema.org JSON-LD of a ScholarlyArticle, Article, Book or Chapter,
//     with its citation array;
//  4. a single COinS span (several COinS spans are the references');
//  5. Open Graph and Twitter tags (og:title, read from name and property);
//  6. the page's state embedded in a script (a JSON object with "doi",
//     "title", "authors"), then marked-up author names (given-name/surname);
//  7. the visible text, read by the landing-page text reader.
//
// A field is taken from the first source that has a valid value: a
// citation_doi that holds no DOI is passed over for the next source. The
// reference list is the longer of the citation_reference tags and the list
// shown on the page (an ol/ul or repeated items under a "References"
// heading, or items whose id or class marks references); each visible entry
// is parsed with the free-text reference parser.
//
// A Cloudflare "Just a moment…" challenge or a cookie wall saved in place of
// the article is recognised and reported as skipped, not read as a work.
package html

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/landing"
	"github.com/citegraph/citegraph/parse/model"
	nethtml "golang.org/x/net/html"
)

var (
	doctypeRe = regexp.MustCompile(`(?i)<!doctype\s+html|<html[\s>]`)
	headRe    = regexp.MustCompile(`(?i)<head[\s>]|<body[\s>]|<meta\s[^>]*(?:name|property)\s*=\s*["']?(?:citation_|dc\.|og:)`)
)

// Sniff reports whether head, the start of a file, is an HTML document: a
// doctype or html element, or head, body and meta tags of a page saved
// without them. XML formats (PubMed, JATS, GraphML …) are not claimed.
func Sniff(head []byte) bool {
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	if doctypeRe.Match(head) {
		return true
	}
	return headRe.Match(head)
}

// Read reads one saved page from r and sends its work to s: a record whose
// Format is "html" when the page's tags describe the work, or "landing" when
// only its visible text did.
func Read(r io.Reader, s *model.Sink) error {
	p, err := scan(r)
	if err != nil {
		return err
	}
	if why := p.challenge(); why != "" {
		s.Skipf(1, "%s", why)
		return nil
	}
	rec, tagged := p.record()
	text := p.textRecord(s.File, tagged)
	if text != nil {
		fill(&rec, text, tagged)
	}
	if !tagged && text == nil {
		s.Skipf(1, "no citation metadata and no title, DOI, abstract or references in the page's text")
		return nil
	}
	if rec.Line == 0 {
		rec.Line = 1
	}
	if tagged {
		rec.Format = "html"
	} else {
		rec.Format = "landing"
	}
	s.Add(rec)
	return nil
}

// challengeScripts are what challenge pages' scripts hold.
var challengeScripts = []string{"challenge-platform", "__cf_chl_", "cf_chl_opt", "cf-browser-verification"}

// challenge returns why the page is no article but a bot challenge or a
// cookie wall, or "".
func (p *page) challenge() string {
	t := strings.ToLower(p.title)
	text := strings.ToLower(string(p.text[:min(len(p.text), 4000)]))
	hasMeta := false
	for _, m := range p.metas {
		if strings.HasPrefix(m.key, "citation_") || strings.HasPrefix(m.key, "dc.") {
			hasMeta = true
			break
		}
	}
	switch {
	case strings.HasPrefix(t, "just a moment") || strings.Contains(t, "attention required") && strings.Contains(t, "cloudflare") ||
		len(p.signals) > 0 && !hasMeta || strings.Contains(text, "checking your browser before accessing") ||
		strings.Contains(text, "enable javascript and cookies to continue") && !hasMeta:
		return "a Cloudflare challenge page (\"Just a moment…\") was saved instead of the article: open the page in a browser and save it again"
	case !hasMeta && len(p.text) < 6000 && strings.Contains(text, "cookie") &&
		(strings.Contains(text, "accept") || strings.Contains(text, "consent") || strings.Contains(text, "enable cookies") ||
			strings.Contains(text, "cookies are disabled") || strings.Contains(text, "cookies_not_supported")):
		return "a cookie wall was saved instead of the article: accept the cookies in a browser and save the page again"
	}
	return ""
}

// values returns the values of the meta tags with one of keys, in the order
// of keys, then of the page.
func (p *page) values(keys ...string) []meta {
	var out []meta
	for _, k := range keys {
		for _, m := range p.metas {
			if m.key == k && strings.TrimSpace(m.val) != "" {
				out = append(out, m)
			}
		}
	}
	return out
}

// first returns the first non-empty cleaned value among keys.
func (p *page) first(keys ...string) (string, int) {
	for _, m := range p.values(keys...) {
		if v := cleanValue(m.val); v != "" {
			return v, m.line
		}
	}
	return "", 0
}

// cleanValue decodes entities left in a value and drops markup
// ("CO<sub>2</sub>" gives "CO2").
func cleanValue(v string) string {
	if strings.Contains(v, "&") {
		v = nethtml.UnescapeString(v)
	}
	if strings.Contains(v, "<") && strings.Contains(v, ">") {
		v = stripTags(v)
	}
	return model.CleanSpace(v)
}

// stripTags returns the text of a fragment of markup.
func stripTags(v string) string {
	z := nethtml.NewTokenizer(strings.NewReader(v))
	var b strings.Builder
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return b.String()
		case nethtml.TextToken:
			b.Write(z.Text())
		}
	}
}

// Keys of each field, most trusted first.
var (
	titleKeys   = []string{"citation_title", "dc.title", "dcterms.title", "eprints.title", "bepress_citation_title", "prism.title"}
	titleWeak   = []string{"og:title", "twitter:title", "title"}
	authorKeys  = []string{"citation_author", "dc.creator", "dcterms.creator", "eprints.creators_name", "bepress_citation_author", "dc.contributor.author"}
	authorsKeys = []string{"citation_authors", "dc.creators"}
	dateKeys    = []string{"citation_publication_date", "citation_date", "citation_cover_date", "citation_year",
		"dc.date", "dcterms.issued", "dc.date.issued", "dcterms.date", "prism.publicationdate", "prism.coverdate",
		"eprints.date", "bepress_citation_date", "citation_online_date", "article:published_time", "dcterms.created"}
	doiKeys   = []string{"citation_doi", "prism.doi", "dc.identifier", "dcterms.identifier", "bepress_citation_doi", "eprints.id_number", "dc.relation.ispartof", "citation_public_url", "og:url"}
	venueKeys = []string{"citation_journal_title", "citation_conference_title", "citation_book_title", "citation_inbook_title",
		"prism.publicationname", "eprints.publication", "bepress_citation_journal_title", "dc.source", "dcterms.ispartof", "citation_series_title", "eprints.book_title"}
	abbrevKeys   = []string{"citation_journal_abbrev"}
	volumeKeys   = []string{"citation_volume", "prism.volume", "eprints.volume", "bepress_citation_volume"}
	issueKeys    = []string{"citation_issue", "prism.number", "prism.issueidentifier", "eprints.number", "bepress_citation_issue"}
	fpageKeys    = []string{"citation_firstpage", "prism.startingpage", "bepress_citation_firstpage"}
	lpageKeys    = []string{"citation_lastpage", "prism.endingpage", "bepress_citation_lastpage"}
	pagesKeys    = []string{"eprints.pagerange", "prism.pagerange"}
	keywordKeys  = []string{"citation_keywords", "dc.subject", "keywords", "dcterms.subject", "eprints.keywords", "bepress_citation_keywords"}
	abstractKeys = []string{"citation_abstract", "dcterms.abstract", "dc.description", "eprints.abstract", "description", "og:description"}
)

// record builds the work from the page's tags, JSON-LD, COinS and embedded
// state; tagged reports whether they described it at all.
func (p *page) record() (model.Record, bool) {
	var r model.Record
	ld := p.jsonLD()
	var one *coinsWork
	if len(p.coins) == 1 {
		one = parseCOinS(p.coins[0].query)
	}
	state := p.embeddedState()

	title, line := p.first(titleKeys...)
	if title == "" {
		title = ld.title
	}
	if title == "" && one != nil {
		title = one.title
	}
	if title == "" {
		title, line = p.first(titleWeak...)
	}
	if title == "" {
		title = state.title
	}
	r.Title, r.Line = title, line

	for _, m := range p.values(authorKeys...) {
		if m.key != p.values(authorKeys...)[0].key {
			break // one source of names, not a mixture
		}
		if v := cleanValue(m.val); v != "" {
			r.Authors = append(r.Authors, model.ParseName(v))
		}
	}
	if len(r.Authors) == 0 {
		if v, _ := p.first(authorsKeys...); v != "" {
			for _, n := range strings.Split(v, ";") {
				if n = strings.TrimSpace(n); n != "" {
					r.Authors = append(r.Authors, model.ParseName(n))
				}
			}
		}
	}
	if len(r.Authors) == 0 {
		r.Authors = ld.authors
	}
	if len(r.Authors) == 0 && one != nil {
		r.Authors = one.authors
	}
	if len(r.Authors) == 0 {
		r.Authors = state.authors
	}

	for _, m := range p.values(dateKeys...) {
		if y := model.ParseYear(m.val); y != 0 {
			r.Year = y
			break
		}
	}
	if r.Year == 0 {
		r.Year = ld.year
	}
	if r.Year == 0 && one != nil {
		r.Year = one.year
	}
	if r.Year == 0 {
		r.Year = state.year
	}

	r.DOI = p.doi()
	if r.DOI == "" {
		r.DOI = ld.doi
	}
	if r.DOI == "" && one != nil {
		r.DOI = one.doi
	}
	if r.DOI == "" {
		r.DOI = state.doi
	}

	r.Venue, _ = p.first(venueKeys...)
	if r.Venue == "" {
		r.Venue = ld.venue
	}
	if r.Venue == "" && one != nil {
		r.Venue = one.venue
	}
	r.VenueAbbrev, _ = p.first(abbrevKeys...)
	r.Volume, _ = p.first(volumeKeys...)
	r.Issue, _ = p.first(issueKeys...)
	if r.Volume == "" {
		r.Volume, r.Issue = ld.volume, ld.issue
	}
	fp, _ := p.first(fpageKeys...)
	lp, _ := p.first(lpageKeys...)
	if r.Pages = pageRange(fp, lp); r.Pages == "" {
		r.Pages, _ = p.first(pagesKeys...)
	}
	if r.Pages == "" {
		r.Pages = ld.pages
	}
	if one != nil {
		if r.Volume == "" {
			r.Volume = one.volume
		}
		if r.Issue == "" {
			r.Issue = one.issue
		}
		if r.Pages == "" {
			r.Pages = one.pages
		}
	}
	for _, k := range []struct{ id, key string }{{"pmid", "citation_pmid"}, {"arxiv", "citation_arxiv_id"},
		{"isbn", "citation_isbn"}, {"issn", "citation_issn"}, {"pmcid", "citation_pmcid"}, {"url", "citation_abstract_html_url"}} {
		if v, _ := p.first(k.key); v != "" {
			r.SetID(k.id, v)
		}
	}
	if v, _ := p.first(keywordKeys...); v != "" {
		for _, m := range p.values(keywordKeys...) {
			if m.key != p.values(keywordKeys...)[0].key {
				break
			}
			r.Keywords = append(r.Keywords, splitKeywords(cleanValue(m.val))...)
		}
	}
	if len(r.Keywords) == 0 {
		r.Keywords = ld.keywords
	}
	r.Abstract, _ = p.first(abstractKeys...)
	if r.Abstract == "" {
		r.Abstract = ld.abstract
	}
	if v, _ := p.first("citation_type", "dc.type", "prism.contenttype"); v != "" {
		r.Type = v
	}

	r.References = p.references(ld.refs)
	tagged := r.Title != "" || r.DOI != "" || len(r.Authors) > 0
	if len(r.Authors) == 0 && tagged {
		r.Authors = p.markedNames()
	}
	if len(r.Authors) == 0 && r.Title != "" {
		r.Authors = p.byline(r.Title)
	}
	return r, tagged
}

// doi returns the first valid DOI of the DOI tags: a citation_doi that
// holds no DOI ("S0123…", a URL without one) is passed over.
func (p *page) doi() string {
	for _, m := range p.values(doiKeys...) {
		v := strings.TrimSpace(m.val)
		switch m.key {
		case "dc.identifier", "dcterms.identifier", "eprints.id_number", "dc.relation.ispartof", "citation_public_url", "og:url":
			// identifiers of other schemes are common here: take only a
			// value that is a DOI as a whole
			lv := strings.ToLower(v)
			if !(strings.HasPrefix(lv, "10.") || strings.HasPrefix(lv, "doi:") || strings.Contains(lv, "doi.org/10.") ||
				strings.EqualFold(m.scheme, "doi")) {
				continue
			}
		}
		if d := model.NormalizeDOI(v); d != "" {
			return d
		}
	}
	return ""
}

// splitKeywords splits a keywords value on semicolons, else commas.
func splitKeywords(v string) []string {
	sep := ";"
	if !strings.Contains(v, ";") {
		sep = ","
	}
	var out []string
	for _, k := range strings.Split(v, sep) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// markedNames returns the names marked up in parts on the page, once each.
func (p *page) markedNames() []model.Author {
	var out []model.Author
	seen := map[string]bool{}
	for _, n := range p.names {
		if n.family == "" || n.given == "" {
			continue
		}
		k := n.given + " " + n.family
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, model.Author{Family: n.family, Given: n.given})
	}
	return out
}

// byline returns the names on a line right under the title shown on the
// page, or nil.
func (p *page) byline(title string) []model.Author {
	ft := model.Fold(title)
	lines := p.lines()
	for i, l := range lines {
		if model.Fold(l.text) != ft {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+8; j++ {
			if au, ok := landing.Authors(lines[j].text); ok {
				return au
			}
		}
	}
	return nil
}

// headText is how much of a tagged page's visible text is read for the
// fields its tags lack: the header of the article (title, byline, dates,
// abstract), not its body.
const headText = 64 << 10

// textRecord reads the page's visible text with the landing-page reader and
// returns the first work it finds, or nil. The text stops where the
// reference list found in the markup begins.
func (p *page) textRecord(file string, tagged bool) *model.Record {
	var lines []landing.Line
	for _, l := range p.lines() {
		if p.listAt >= 0 && l.off >= p.listAt {
			break // the list was read from the markup
		}
		if tagged && l.off >= headText {
			break // the tags describe the work: only its header is needed
		}
		lines = append(lines, landing.Line{N: l.n, Text: l.text})
	}
	if len(lines) == 0 {
		return nil
	}
	sub := &model.Sink{File: file, Format: "landing"}
	landing.Read(lines, sub)
	if len(sub.Records) == 0 {
		return nil
	}
	return &sub.Records[0]
}

// fill completes r with what the page's text gave: only fields the tags left
// empty, and the text's title only when the tags gave none.
func fill(r *model.Record, t *model.Record, tagged bool) {
	if !tagged {
		refs := r.References
		*r = *t
		if len(refs) > len(r.References) {
			r.References = refs
		}
		return
	}
	if r.Year == 0 {
		r.Year = t.Year
	}
	if len(r.Authors) == 0 && sameWork(r, t) {
		r.Authors = t.Authors
	}
	if r.DOI == "" && sameWork(r, t) {
		r.DOI = t.DOI
	}
	if r.Venue == "" && sameWork(r, t) {
		r.Venue, r.Volume, r.Issue, r.Pages = t.Venue, t.Volume, t.Issue, t.Pages
	}
	if r.Abstract == "" {
		r.Abstract = t.Abstract
	}
	if len(r.Keywords) == 0 {
		r.Keywords = t.Keywords
	}
	if len(r.References) == 0 {
		r.References = t.References
	}
	if r.RefsDeclared == nil {
		r.RefsDeclared = t.RefsDeclared
	}
	if r.CitedBy == nil {
		r.CitedBy = t.CitedBy
	}
}

// sameWork reports whether the text reader's record is the tagged work: the
// same title, or no title to compare.
func sameWork(r, t *model.Record) bool {
	return t.Title == "" || r.Title == "" || model.Fold(t.Title) == model.Fold(r.Title) ||
		strings.Contains(model.Fold(t.Title), model.Fold(r.Title)) || strings.Contains(model.Fold(r.Title), model.Fold(t.Title))
}

// state is what an embedded page state (a JSON object in a script) says.
type state struct {
	title, doi string
	year       int
	authors    []model.Author
}

var (
	stateDOIRe   = regexp.MustCompile(`"doi"\s*:\s*"(10\.[^"\s]{3,200})"`)
	stateTitleRe = regexp.MustCompile(`"(?:title|articleTitle|displayDocTitle|documentTitle)"\s*:\s*"((?:[^"\\]|\\.){10,1000})"`)
	stateYearRe  = regexp.MustCompile(`"(?:publicationYear|publicationDate|datePublished|coverDate|year)"\s*:\s*"?((?:1[5-9]|20)\d\d)`)
	stateAuthRe  = regexp.MustCompile(`"authors"\s*:\s*\[`)
)

// embeddedState reads the first script state that names a DOI.
func (p *page) embeddedState() state {
	var st state
	for _, s := range p.states {
		m := stateDOIRe.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		st.doi = model.NormalizeDOI(s[m[2]:m[3]])
		if t := stateTitleRe.FindStringSubmatch(s); t != nil {
			var v string
			if json.Unmarshal([]byte(`"`+t[1]+`"`), &v) == nil {
				st.title = cleanValue(v)
			}
		}
		if y := stateYearRe.FindStringSubmatch(s); y != nil {
			st.year, _ = strconv.Atoi(y[1])
		}
		if loc := stateAuthRe.FindStringIndex(s); loc != nil {
			var list []struct {
				Name      string `json:"name"`
				FirstName string `json:"firstName"`
				LastName  string `json:"lastName"`
			}
			if json.NewDecoder(strings.NewReader(s[loc[1]-1:])).Decode(&list) == nil {
				for _, a := range list {
					switch {
					case a.LastName != "":
						st.authors = append(st.authors, model.Author{Family: a.LastName, Given: a.FirstName})
					case a.Name != "":
						st.authors = append(st.authors, model.ParseName(a.Name))
					}
				}
			}
		}
		break
	}
	return st
}

// coinsWork is what one COinS span describes.
type coinsWork struct {
	title, venue, doi    string
	volume, issue, pages string
	year                 int
	authors              []model.Author
	raw                  string
}

// parseCOinS reads the OpenURL query of a COinS span.
func parseCOinS(q string) *coinsWork {
	v, err := url.ParseQuery(strings.ReplaceAll(q, "&amp;", "&"))
	if err != nil && len(v) == 0 {
		return nil
	}
	g := func(keys ...string) string {
		for _, k := range keys {
			if s := model.CleanSpace(v.Get(k)); s != "" {
				return s
			}
		}
		return ""
	}
	w := &coinsWork{title: g("rft.atitle", "rft.title", "rft.btitle"), venue: g("rft.jtitle", "rft.stitle", "rft.btitle"),
		volume: g("rft.volume"), issue: g("rft.issue"), year: model.ParseYear(g("rft.date", "rft.year"))}
	if w.venue == w.title {
		w.venue = ""
	}
	if w.pages = pageRange(g("rft.spage"), g("rft.epage")); w.pages == "" {
		w.pages = g("rft.pages")
	}
	for _, id := range v["rft_id"] {
		if d := model.NormalizeDOI(strings.TrimPrefix(id, "info:doi/")); d != "" && strings.HasPrefix(id, "info:doi/") {
			w.doi = d
		}
	}
	for _, a := range v["rft.au"] {
		if a = model.CleanSpace(a); a != "" {
			w.authors = append(w.authors, model.ParseName(a))
		}
	}
	if len(w.authors) == 0 {
		if last := g("rft.aulast"); last != "" {
			w.authors = append(w.authors, model.Author{Family: last, Given: g("rft.aufirst", "rft.auinit")})
		}
	}
	var parts []string
	for _, a := range w.authors {
		parts = append(parts, a.String())
	}
	w.raw = model.CleanSpace(strings.Join(parts, ", ") + " " + yearText(w.year) + " " + w.title + ". " + w.venue + " " + w.volume + " " + w.pages)
	return w
}

// pageRange joins a first and a last page into a range; the first alone
// when the last is missing or the same.
func pageRange(first, last string) string {
	if first == "" || last == "" || last == first {
		return first
	}
	return first + "-" + last
}

// yearText writes a year in brackets for a reference's raw text, or "".
func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return "(" + strconv.Itoa(y) + ")"
}

// reference makes a Reference of a COinS span.
func (w *coinsWork) reference(line int) model.Reference {
	return model.Reference{Raw: w.raw, Authors: w.authors, Year: w.year, Title: w.title, Venue: w.venue,
		Volume: w.volume, Pages: w.pages, DOI: w.doi, Line: line}
}

// parseCitationRef reads a citation_reference value: "citation_title=…;
// citation_author=…; citation_journal_title=…; citation_year=…" sub-fields,
// or a free-text reference.
func parseCitationRef(v string, line int) model.Reference {
	v = cleanValue(v)
	if !strings.Contains(v, "citation_") || !strings.Contains(v, "=") {
		ref := freetext.Parse(v)
		ref.Line = line
		return ref
	}
	ref := model.Reference{Line: line}
	var fp, lp string
	var parts []string
	for _, f := range strings.Split(v, ";") {
		k, val, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		k, val = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(val)
		if val == "" {
			continue
		}
		switch k {
		case "citation_title", "citation_article_title", "citation_book_title":
			if ref.Title == "" {
				ref.Title = val
			}
		case "citation_author", "citation_authors":
			for _, n := range strings.Split(val, ",and ") {
				ref.Authors = append(ref.Authors, model.ParseName(n))
			}
		case "citation_journal_title", "citation_publisher", "citation_conference_title", "citation_inbook_title":
			if ref.Venue == "" {
				ref.Venue = val
			}
		case "citation_year", "citation_date", "citation_publication_date":
			if ref.Year == 0 {
				ref.Year = model.ParseYear(val)
			}
		case "citation_volume":
			ref.Volume = val
		case "citation_firstpage", "citation_pages":
			fp = val
		case "citation_lastpage":
			lp = val
		case "citation_doi":
			ref.DOI = model.NormalizeDOI(val)
		case "citation_pmid":
			ref.SetID("pmid", val)
		case "citation_isbn":
			ref.SetID("isbn", val)
		case "citation_arxiv_id":
			ref.SetID("arxiv", val)
		}
		parts = append(parts, val)
	}
	ref.Pages = pageRange(fp, lp)
	ref.Raw = strings.Join(parts, ". ")
	return ref
}
