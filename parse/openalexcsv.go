package parse

import (
	"encoding/json"
	"io"
	"regexp"
	"strings"
)

// The openalex-csv reader reads OpenAlex works flattened to CSV: the export
// of the OpenAlex web interface (columns like author_names, biblio_volume,
// referenced_works, or flattened ones like primary_location_source_issn_l)
// the CSV written by bibliometrix and similar tools with dotted column
// names ("authorships.author.display_name"), and openalexR's flat columns
// (so, ab, volume, first_page…). Multiple values in one cell
// are separated by "|". Column names are compared with dots read as
// underscores, so both spellings work.

func init() {
	register(Format{Name: "openalex-csv", Order: 14, Sniff: oaCSVSniff, Read: oaCSVRead})
}

// oaCSVIDRe matches an OpenAlex work id in a CSV cell, quoted or not.
var oaCSVIDRe = regexp.MustCompile(`(?i)^"?(?:https?://openalex\.org/)?W\d+"?$`)

// oaCSVSniff recognises a CSV with OpenAlex column names whose first row
// has an OpenAlex work id.
func oaCSVSniff(_ string, head []byte) bool {
	cols, delim, ok := citHeader(head)
	if !ok {
		return false
	}
	id := citColumn(cols, "id", "ids_openalex")
	if id < 0 || citColumn(cols, "publication_year", "display_name", "referenced_works",
		"authorships_author_display_name", "author_names", "cited_by_count") < 0 {
		return false
	}
	// the first row's id must be an OpenAlex work id
	cr := citNewCSV(strings.NewReader(string(head)), delim)
	if _, err := cr.Read(); err != nil {
		return false
	}
	row, err := cr.Read()
	if err != nil || len(row) <= id {
		return false
	}
	return oaCSVIDRe.MatchString(strings.TrimSpace(row[id]))
}

// oaCSVCols are the columns the reader uses, each with the names it may
// have (normalised by citNormCol), preferred first.
var oaCSVCols = map[string][]string{
	"id":        {"id", "ids_openalex"},
	"doi":       {"doi", "ids_doi"},
	"title":     {"title", "display_name"},
	"year":      {"publication_year"},
	"date":      {"publication_date"},
	"authors":   {"authorships_author_display_name", "author_names"},
	"rawauth":   {"authorships_raw_author_name"},
	"venue":     {"primary_location_source_display_name", "primary_location_display_name", "host_venue_display_name", "so"},
	"issn":      {"primary_location_source_issn_l", "primary_location_issn_l", "host_venue_issn_l", "issn_l"},
	"volume":    {"biblio_volume", "volume"},
	"issue":     {"biblio_issue", "issue"},
	"first":     {"biblio_first_page", "first_page"},
	"last":      {"biblio_last_page", "last_page"},
	"citedby":   {"cited_by_count"},
	"refs":      {"referenced_works"},
	"refscount": {"referenced_works_count"},
	"mag":       {"ids_mag", "mag"},
	"pmid":      {"ids_pmid", "pmid"},
	"pmcid":     {"ids_pmcid", "pmcid"},
	"type":      {"type"},
	"abstract":  {"abstract", "ab"},
	"absindex":  {"abstract_inverted_index"},
	"keywords":  {"keywords_display_name", "keywords_keyword"},
	"concepts":  {"concepts_display_name"},
	"insts":     {"authorships_institutions_display_name"},
	"countries": {"authorships_countries"},
}

// oaCSVRead reads one Record per CSV row.
func oaCSVRead(r io.Reader, s *Sink) error {
	lr := newLineReader(r)
	if !lr.Scan() {
		return lr.Err()
	}
	cols, delim, ok := citHeader([]byte(lr.Text()))
	if !ok {
		s.Skipf(1, "first line is not a csv header")
		return nil
	}
	at := map[string]int{}
	for field, names := range oaCSVCols {
		at[field] = citColumn(cols, names...)
	}
	cr := citNewCSV(lr.r, delim)
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if citRowErr(s, err, 1) {
				continue
			}
			return err
		}
		line, _ := cr.FieldPos(0)
		line++ // the header line was read before the CSV reader started
		if len(row) != len(cols) {
			s.Warnf(line, "row has %d field(s), the header %d", len(row), len(cols))
		}
		get := func(field string) string {
			if i := at[field]; i >= 0 && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		oaCSVRecord(s, get, line)
	}
}

// oaCSVSplit splits a multi-value cell at "|".
func oaCSVSplit(cell string) []string {
	var out []string
	for _, v := range strings.Split(cell, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// addOACSVAffiliations reads the flattened authorship columns: one
// institution and one country per author when the lists are as long as
// the authors' (named is whether every author name was read), else
// institutions and countries not linked to authors.
func addOACSVAffiliations(r *Record, instCell, countryCell string, named bool) {
	split := func(cell string) []string {
		if strings.TrimSpace(cell) == "" {
			return nil
		}
		parts := strings.Split(cell, "|")
		for i := range parts {
			parts[i] = CleanSpace(parts[i])
		}
		return parts
	}
	insts, countries := split(instCell), split(countryCell)
	n := len(r.Authors)
	byAuthor := named && n > 0
	if byAuthor && len(insts) == n {
		for i, in := range insts {
			a := Affiliation{Organization: in}
			if len(countries) == n {
				a.Country = Country(countries[i])
			}
			r.AddAffiliation(a, i)
		}
		if len(countries) == n {
			return
		}
	} else {
		for _, in := range insts {
			r.AddAffiliation(Affiliation{Organization: in}, -1)
		}
	}
	for i, c := range countries {
		author := -1
		if byAuthor && len(countries) == n {
			author = i
		}
		r.AddAffiliation(Affiliation{Country: Country(c)}, author)
	}
}

// oaCSVRecord builds a Record from one row, read through get.
func oaCSVRecord(s *Sink, get func(string) string, line int) {
	rec := Record{Line: line}
	if id := get("id"); id != "" {
		if short := oaShortID(id); short != "" {
			rec.SetID("openalex", short)
		} else {
			s.Warnf(line, "openalex id %q not understood", Shorten(id, 60))
		}
	}
	if doi := get("doi"); doi != "" {
		if rec.DOI = NormalizeDOI(doi); rec.DOI == "" {
			s.Warnf(line, "doi %q not understood", Shorten(doi, 60))
		}
	}
	rec.Title = jpCleanMarkup(get("title"))
	if y := get("year"); y != "" {
		if rec.Year = ParseYear(y); rec.Year == 0 {
			s.Warnf(line, "publication_year %q not understood", Shorten(y, 20))
		}
	}
	if rec.Year == 0 {
		rec.Year = ParseYear(get("date"))
	}
	names := oaCSVSplit(get("authors"))
	if len(names) == 0 {
		names = oaCSVSplit(get("rawauth"))
	}
	for _, n := range names {
		if a := ParseName(n); a.Family != "" {
			rec.Authors = append(rec.Authors, a)
		}
	}
	rec.Venue = CleanSpace(get("venue"))
	rec.SetID("issn", get("issn"))
	rec.Volume = get("volume")
	rec.Issue = get("issue")
	rec.Pages = oaPages(get("first"), get("last"))
	rec.Type = get("type")
	rec.CitedBy = oaCSVCount(s, line, "cited_by_count", get("citedby"))
	rec.RefsDeclared = oaCSVCount(s, line, "referenced_works_count", get("refscount"))
	rec.SetID("mag", get("mag"))
	rec.SetID("pmid", oaPMID(get("pmid")))
	rec.SetID("pmcid", oaPMCID(get("pmcid")))
	// OpenAlex assigns its keywords and concepts itself
	rec.IndexKeywords = oaCSVSplit(get("keywords"))
	if len(rec.IndexKeywords) == 0 {
		rec.IndexKeywords = oaCSVSplit(get("concepts"))
	}
	addOACSVAffiliations(&rec, get("insts"), get("countries"), len(names) == len(rec.Authors))
	rec.Abstract = jpCleanMarkup(get("abstract"))
	if idx := get("absindex"); rec.Abstract == "" && strings.HasPrefix(idx, "{") {
		var m map[string][]int
		if err := json.Unmarshal([]byte(idx), &m); err != nil {
			s.Warnf(line, "abstract_inverted_index is damaged, abstract left out")
		} else {
			var bad bool
			if rec.Abstract, bad = oaAbstract(m); bad {
				s.Warnf(line, "abstract_inverted_index has negative word positions, those words left out")
			}
		}
	}
	// ids hold no spaces: tools that re-save the CSV may join them otherwise
	refs := strings.FieldsFunc(get("refs"), func(r rune) bool {
		return r == '|' || r == ';' || r == ',' || r == ' '
	})
	for _, id := range refs {
		ref := Reference{Raw: id, Line: line}
		if short := oaShortID(id); short != "" {
			ref.Raw = short
			ref.SetID("openalex", short)
		} else {
			s.Warnf(line, "referenced work %q is not an openalex work id", Shorten(id, 60))
		}
		rec.References = append(rec.References, ref)
	}
	if rec.Title == "" && rec.DOI == "" && rec.IDs == nil {
		s.Skipf(line, "row has no id, doi or title")
		return
	}
	s.Add(rec)
}

// oaCSVCount reads a count cell; a cell that is not a number is reported.
func oaCSVCount(s *Sink, line int, col, v string) *int {
	if v == "" {
		return nil
	}
	var n jpInt
	n.UnmarshalJSON([]byte(v))
	if !n.Set {
		s.Warnf(line, "%s %q is not a number", col, Shorten(v, 20))
	}
	return n.Ptr()
}
