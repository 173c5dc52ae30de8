package parse

import (
	"cmp"
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strings"
)

// The OpenAlex reader reads works as the OpenAlex API and snapshot give them
// (https://docs.openalex.org/api-entities/works/work-object): one work
// object, a list response {meta, results[, group_by]}, a JSON array of works,
// or JSON Lines with one work per line. Older responses with host_venue
// instead of primary_location are read too.

func init() {
	register(Format{Name: "openalex", Order: 11, Sniff: oaSniff, Read: oaRead})
}

// oaWorkKeys are keys only an OpenAlex work has.
var oaWorkKeys = []string{
	"publication_year", "publication_date", "authorships", "referenced_works",
	"referenced_works_count", "primary_location", "host_venue",
	"abstract_inverted_index", "biblio", "best_oa_location", "related_works",
}

// oaSniff recognises JSON holding OpenAlex works: two keys only works
// have, or one and an OpenAlex work id.
func oaSniff(_ string, head []byte) bool {
	if jpSniff(head, oaWorkKeys, 2) {
		return true
	}
	return jpSniff(head, oaWorkKeys, 1) && strings.Contains(string(head), "openalex.org/W")
}

// oaWork is the part of an OpenAlex work object the reader uses.
type oaWork struct {
	ID  jpText `json:"id"`
	DOI jpText `json:"doi"`
	// Title and DisplayName are read by jpStrictText: a title that is not
	// text is reported, not turned into one.
	Title       json.RawMessage `json:"title"`
	DisplayName json.RawMessage `json:"display_name"`
	Year        jpInt           `json:"publication_year"`
	Date        jpText          `json:"publication_date"`
	IDs         struct {
		OpenAlex jpText `json:"openalex"`
		DOI      jpText `json:"doi"`
		MAG      jpText `json:"mag"`
		PMID     jpText `json:"pmid"`
		PMCID    jpText `json:"pmcid"`
	} `json:"ids"`
	Authorships []struct {
		Author struct {
			DisplayName jpText `json:"display_name"`
		} `json:"author"`
		RawAuthorName jpText `json:"raw_author_name"`
		Institutions  []struct {
			DisplayName jpText `json:"display_name"`
			CountryCode jpText `json:"country_code"`
		} `json:"institutions"`
		Countries []jpText `json:"countries"`
		RawAffs   []jpText `json:"raw_affiliation_strings"`
	} `json:"authorships"`
	PrimaryLocation struct {
		Source oaSource `json:"source"`
	} `json:"primary_location"`
	HostVenue oaSource `json:"host_venue"`
	Biblio    struct {
		Volume    jpText `json:"volume"`
		Issue     jpText `json:"issue"`
		FirstPage jpText `json:"first_page"`
		LastPage  jpText `json:"last_page"`
	} `json:"biblio"`
	CitedBy   jpInt    `json:"cited_by_count"`
	Refs      []jpText `json:"referenced_works"`
	RefsCount jpInt    `json:"referenced_works_count"`
	Keywords  []oaTerm `json:"keywords"`
	Concepts  []oaTerm `json:"concepts"`
	// AbstractIndex is decoded on its own so that a damaged one does not
	// hide the rest of the work.
	AbstractIndex json.RawMessage `json:"abstract_inverted_index"`
	AbstractText  jpText          `json:"abstract"`
	Type          jpText          `json:"type"`
	Error         jpText          `json:"error"`
	ErrMessage    jpText          `json:"message"`
}

// oaSource is a journal or repository (primary_location.source, host_venue).
type oaSource struct {
	DisplayName jpText `json:"display_name"`
	ISSNL       jpText `json:"issn_l"`
	ISSN        jpText `json:"issn"`
}

// oaTerm is a keyword (display_name, or keyword in 2023 responses) or a concept.
type oaTerm struct {
	DisplayName jpText `json:"display_name"`
	Keyword     jpText `json:"keyword"`
}

// oaRead reads OpenAlex works from any of the layouts above.
func oaRead(r io.Reader, s *Sink) error {
	w := &jpWalker{s: s, containers: map[string]bool{"results": true}}
	w.work = func(raw []byte, line int) { oaWorkRecord(s, raw, line) }
	w.envelope = func(members []jpMember, line int) {
		for _, m := range members {
			if m.key == "group_by" && len(m.raw) > 2 && m.raw[0] == '[' && w.works == 0 {
				s.Warnf(line, "group_by response: it holds counts per group, not works")
			}
		}
	}
	return w.read(r)
}

// oaWorkRecord turns one work object into a Record.
func oaWorkRecord(s *Sink, raw []byte, line int) {
	var w oaWork
	if err := json.Unmarshal(raw, &w); err != nil {
		msg := jpTypeWarning(err)
		if msg == "" {
			s.Skipf(line, "%s", jpErrText(err))
			return
		}
		s.Warnf(line, "%s", msg)
	}
	if w.ID == "" {
		w.ID = w.IDs.OpenAlex
	}
	title, warnTitle := jpStrictText(w.Title, "title")
	name, warnName := jpStrictText(w.DisplayName, "display_name")
	if w.ID == "" && strings.TrimSpace(title+name) == "" && w.DOI == "" {
		if w.Error != "" {
			s.Skipf(line, "openalex error response: %s %s", w.Error, Shorten(w.ErrMessage.String(), 200))
		} else {
			s.Skipf(line, "json object is not an openalex work (no id, title or doi)")
		}
		return
	}
	rec := Record{Line: line}
	if id := w.ID.String(); id != "" {
		if short := oaShortID(id); short != "" {
			rec.SetID("openalex", short)
		} else {
			s.Warnf(line, "openalex id %q not understood", Shorten(id, 60))
		}
	}
	doi := w.DOI.String()
	if doi == "" {
		doi = w.IDs.DOI.String()
	}
	if doi != "" {
		if rec.DOI = NormalizeDOI(doi); rec.DOI == "" {
			s.Warnf(line, "doi %q not understood", Shorten(doi, 60))
		}
	}
	rec.SetID("mag", w.IDs.MAG.String())
	rec.SetID("pmid", oaPMID(w.IDs.PMID.String()))
	rec.SetID("pmcid", oaPMCID(w.IDs.PMCID.String()))
	for _, msg := range []string{warnTitle, warnName} {
		if msg != "" {
			s.Warnf(line, "%s", msg)
		}
	}
	if strings.TrimSpace(title) == "" {
		title = name
	}
	rec.Title = jpCleanMarkup(strings.TrimSpace(title))
	rec.Year = w.Year.N
	if rec.Year == 0 {
		rec.Year = ParseYear(w.Date.String())
	}
	for i, a := range w.Authorships {
		name := a.Author.DisplayName.String()
		if name == "" {
			name = a.RawAuthorName.String()
		}
		author := -1
		if au := ParseName(name); au.Family != "" {
			rec.Authors = append(rec.Authors, au)
			author = len(rec.Authors) - 1
		} else {
			s.Warnf(line, "authorship %d has no author name", i+1)
		}
		// the institutions OpenAlex matched, else the address as printed,
		// else the countries alone
		countries := map[string]bool{}
		for _, in := range a.Institutions {
			c := Country(in.CountryCode.String())
			countries[c] = true
			rec.AddAffiliation(Affiliation{Organization: CleanSpace(in.DisplayName.String()), Country: c}, author)
		}
		if len(a.Institutions) == 0 {
			for _, raw := range a.RawAffs {
				af := ParseAddress(raw.String())
				countries[af.Country] = true
				rec.AddAffiliation(af, author)
			}
		}
		for _, c := range a.Countries {
			if c := Country(c.String()); !countries[c] {
				rec.AddAffiliation(Affiliation{Country: c}, author)
			}
		}
	}
	src := w.PrimaryLocation.Source
	if src.DisplayName == "" {
		src = w.HostVenue
	}
	rec.Venue = CleanSpace(src.DisplayName.String())
	issn := src.ISSNL.String()
	if issn == "" {
		issn = src.ISSN.String()
	}
	rec.SetID("issn", issn)
	rec.Volume = w.Biblio.Volume.String()
	rec.Issue = w.Biblio.Issue.String()
	rec.Pages = oaPages(w.Biblio.FirstPage.String(), w.Biblio.LastPage.String())
	rec.Type = w.Type.String()
	rec.CitedBy = w.CitedBy.Ptr()
	rec.RefsDeclared = w.RefsCount.Ptr()
	// OpenAlex assigns its keywords and concepts itself
	rec.IndexKeywords = oaTerms(w.Keywords)
	if len(rec.IndexKeywords) == 0 {
		rec.IndexKeywords = oaTerms(w.Concepts)
	}
	rec.Abstract = jpCleanMarkup(w.AbstractText.String())
	if len(w.AbstractIndex) > 0 && w.AbstractIndex[0] == '{' && rec.Abstract == "" {
		var idx map[string][]int
		if err := json.Unmarshal(w.AbstractIndex, &idx); err != nil {
			s.Warnf(line, "abstract_inverted_index is damaged, abstract left out")
		} else {
			var bad bool
			rec.Abstract, bad = oaAbstract(idx)
			if bad {
				s.Warnf(line, "abstract_inverted_index has negative word positions, those words left out")
			}
		}
	}
	lines := jpElementLines(raw, "referenced_works", line)
	for i, ref := range w.Refs {
		id := ref.String()
		rl := jpLineOf(lines, i, len(w.Refs), line)
		if id == "" {
			s.Warnf(rl, "referenced work %d is empty, left out", i+1)
			continue
		}
		r := Reference{Raw: id, Line: rl}
		if short := oaShortID(id); short != "" {
			r.Raw = short
			r.SetID("openalex", short)
		} else {
			s.Warnf(rl, "referenced work %q is not an openalex work id", Shorten(id, 60))
		}
		rec.References = append(rec.References, r)
	}
	s.Add(rec)
}

// oaIDRe matches an OpenAlex work id, short or as a URL.
var oaIDRe = regexp.MustCompile(`(?i)^(?:https?://(?:api\.)?openalex\.org/(?:works/)?)?(W\d+)/?$`)

// oaShortID returns the short form "W123" of an OpenAlex work id, or "".
func oaShortID(s string) string {
	m := oaIDRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	return strings.ToUpper(m[1])
}

// oaDigitsRe finds the number of a PubMed or PMC id or URL.
var oaDigitsRe = regexp.MustCompile(`\d+`)

// oaPMID returns the number of a PubMed id or URL.
func oaPMID(s string) string {
	return oaDigitsRe.FindString(s)
}

// oaPMCID returns a PubMed Central id as "PMC123" from an id or a URL.
func oaPMCID(s string) string {
	if d := oaDigitsRe.FindString(s); d != "" {
		return "PMC" + d
	}
	return ""
}

// oaPages joins a first and a last page.
func oaPages(first, last string) string {
	if last == "" || last == first {
		return first
	}
	if first == "" {
		return last
	}
	return first + "-" + last
}

// oaTerms returns the names of keywords or concepts, without repeats.
func oaTerms(terms []oaTerm) []string {
	var out []string
	for _, t := range terms {
		name := t.DisplayName.String()
		if name == "" {
			name = t.Keyword.String()
		}
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// oaAbstract rebuilds an abstract from an inverted index (word -> the
// positions it occurs at). bad reports negative positions, left out.
func oaAbstract(idx map[string][]int) (text string, bad bool) {
	type word struct {
		pos int
		w   string
	}
	var words []word
	for w, ps := range idx {
		for _, p := range ps {
			if p < 0 {
				bad = true
				continue
			}
			words = append(words, word{p, w})
		}
	}
	slices.SortFunc(words, func(a, b word) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), strings.Compare(a.w, b.w))
	})
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.w)
	}
	return CleanSpace(sb.String()), bad
}
