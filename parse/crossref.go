package parse

import (
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The Crossref reader reads works as the Crossref REST API gives them
// (https://api.crossref.org/swagger-ui/index.html, "Work" schema): the
// single-work response {status, message-type: "work", message: {…}}, the
// list response {message: {items: […]}}, a bare {items: […]} as in older
// dumps, a bare work object, a JSON array of works, or JSON Lines. Titles
// given as text instead of a list (CSL-JSON converted from Crossref) are
// read too.

func init() {
	register(Format{Name: "crossref", Order: 10, Sniff: crSniff, Read: crRead})
}

// crWorkKeys are keys a Crossref work has and CSL-JSON or OpenAlex have not.
var crWorkKeys = []string{
	"reference-count", "references-count", "is-referenced-by-count",
	"content-domain", "short-container-title", "published-print",
	"published-online", "deposited", "indexed", "member", "prefix", "issn-type",
}

// crSniff recognises JSON holding Crossref works: an API response
// (message-type) or two keys only Crossref works have.
func crSniff(_ string, head []byte) bool {
	return jpSniff(head, []string{"message-type"}, 1) || jpSniff(head, crWorkKeys, 2)
}

// crWork is the part of a Crossref work the reader uses.
type crWork struct {
	DOI                 jpText     `json:"DOI"`
	Title               jpText     `json:"title"`
	Subtitle            jpText     `json:"subtitle"`
	Author              []crPerson `json:"author"`
	Issued              crDate     `json:"issued"`
	PublishedPrint      crDate     `json:"published-print"`
	PublishedOnline     crDate     `json:"published-online"`
	Published           crDate     `json:"published"`
	Created             crDate     `json:"created"`
	ContainerTitle      jpText     `json:"container-title"`
	ShortContainerTitle jpText     `json:"short-container-title"`
	Volume              jpText     `json:"volume"`
	Issue               jpText     `json:"issue"`
	Page                jpText     `json:"page"`
	ISSN                jpText     `json:"ISSN"`
	ISBN                jpText     `json:"ISBN"`
	Abstract            jpText     `json:"abstract"`
	Type                jpText     `json:"type"`
	CitedBy             jpInt      `json:"is-referenced-by-count"`
	RefCount            jpInt      `json:"reference-count"`
	RefsCount           jpInt      `json:"references-count"`
	Reference           []crRef    `json:"reference"`
	// Status is set when the object is an error response, not a work.
	Status jpText `json:"status"`
}

// crPerson is an author: a person (family, given) or an organisation (name).
type crPerson struct {
	Family jpText `json:"family"`
	Given  jpText `json:"given"`
	Suffix jpText `json:"suffix"`
	Name   jpText `json:"name"`
	// Affiliation lists the person's addresses, as free text.
	Affiliation []struct {
		Name jpText `json:"name"`
	} `json:"affiliation"`
}

// crDate is a Crossref partial date.
type crDate struct {
	DateParts [][]jpInt `json:"date-parts"`
	DateTime  jpText    `json:"date-time"`
}

// year returns the year of a date, 0 when absent.
func (d crDate) year() int {
	if len(d.DateParts) > 0 && len(d.DateParts[0]) > 0 && d.DateParts[0][0].N > 0 {
		return d.DateParts[0][0].N
	}
	return ParseYear(d.DateTime.String())
}

// crRef is one entry of a work's reference list as the publisher deposited it.
type crRef struct {
	Key          jpText `json:"key"`
	DOI          jpText `json:"DOI"`
	Author       jpText `json:"author"`
	Year         jpText `json:"year"`
	ArticleTitle jpText `json:"article-title"`
	JournalTitle jpText `json:"journal-title"`
	VolumeTitle  jpText `json:"volume-title"`
	SeriesTitle  jpText `json:"series-title"`
	Volume       jpText `json:"volume"`
	FirstPage    jpText `json:"first-page"`
	ISBN         jpText `json:"ISBN"`
	ISSN         jpText `json:"ISSN"`
	Unstructured jpText `json:"unstructured"`
}

// crRead reads Crossref works from any of the layouts above.
func crRead(r io.Reader, s *Sink) error {
	w := &jpWalker{s: s, containers: map[string]bool{"message": true, "items": true}}
	w.work = func(raw []byte, line int) { crWorkRecord(s, raw, line) }
	w.envelope = func(members []jpMember, line int) {
		for _, m := range members {
			if m.key == "status" {
				var status string
				if json.Unmarshal(m.raw, &status) == nil && status != "ok" {
					s.Skipf(line, "crossref response status is %q", Shorten(status, 40))
				}
			}
		}
	}
	return w.read(r)
}

// crWorkRecord turns one work object into a Record.
func crWorkRecord(s *Sink, raw []byte, line int) {
	var w crWork
	if err := json.Unmarshal(raw, &w); err != nil {
		msg := jpTypeWarning(err)
		if msg == "" {
			s.Skipf(line, "%s", jpErrText(err))
			return
		}
		s.Warnf(line, "%s", msg)
	}
	if w.DOI == "" && w.Title == "" && len(w.Reference) == 0 && w.Abstract == "" && w.ContainerTitle == "" && w.ShortContainerTitle == "" {
		if st := w.Status.String(); st != "" && st != "ok" {
			s.Skipf(line, "crossref response status is %q", Shorten(st, 40))
		} else {
			s.Skipf(line, "json object is not a crossref work (no DOI, title, journal, abstract or reference)")
		}
		return
	}
	rec := Record{Line: line}
	if doi := w.DOI.String(); doi != "" {
		if rec.DOI = NormalizeDOI(doi); rec.DOI == "" {
			s.Warnf(line, "DOI %q not understood", Shorten(doi, 60))
		}
	}
	rec.Title = jpCleanMarkup(w.Title.String())
	if sub := jpCleanMarkup(w.Subtitle.String()); sub != "" && !strings.Contains(Fold(rec.Title), Fold(sub)) {
		if rec.Title == "" {
			rec.Title = sub
		} else {
			rec.Title += ": " + sub
		}
	}
	for i, p := range w.Author {
		author := -1
		if a := crAuthor(p); a.Family != "" {
			rec.Authors = append(rec.Authors, a)
			author = len(rec.Authors) - 1
		} else {
			s.Warnf(line, "author %d has no name", i+1)
		}
		for _, af := range p.Affiliation {
			if raw := af.Name.String(); raw != "" {
				rec.AddAffiliation(ParseAddress(raw), author)
			}
		}
	}
	for _, d := range []crDate{w.Issued, w.PublishedPrint, w.PublishedOnline, w.Published, w.Created} {
		if rec.Year = d.year(); rec.Year != 0 {
			break
		}
	}
	rec.Venue = jpCleanMarkup(w.ContainerTitle.String())
	rec.VenueAbbrev = jpCleanMarkup(w.ShortContainerTitle.String())
	if rec.Venue == "" {
		rec.Venue = rec.VenueAbbrev // the only name given (a cut-off response)
	}
	rec.Volume = w.Volume.String()
	rec.Issue = w.Issue.String()
	rec.Pages = w.Page.String()
	rec.SetID("issn", w.ISSN.String())
	rec.SetID("isbn", w.ISBN.String())
	rec.Abstract = crAbstract(w.Abstract.String())
	rec.Type = w.Type.String()
	rec.CitedBy = w.CitedBy.Ptr()
	rec.RefsDeclared = w.RefCount.Ptr()
	if rec.RefsDeclared == nil {
		rec.RefsDeclared = w.RefsCount.Ptr()
	}
	lines := jpElementLines(raw, "reference", line)
	for i, cr := range w.Reference {
		rl := jpLineOf(lines, i, len(w.Reference), line)
		ref := crReference(cr)
		if ref.Raw == "" {
			s.Warnf(rl, "reference %d is empty, left out", i+1)
			continue
		}
		ref.Line = rl
		rec.References = append(rec.References, ref)
	}
	s.Add(rec)
}

// crAuthor turns a Crossref contributor into an Author.
func crAuthor(p crPerson) Author {
	fam, giv := CleanSpace(p.Family.String()), CleanSpace(p.Given.String())
	if fam == "" {
		if giv != "" {
			return ParseName(giv)
		}
		return Author{Family: CleanSpace(p.Name.String())}
	}
	if suf := CleanSpace(p.Suffix.String()); suf != "" {
		fam += " " + suf
	}
	return Author{Family: fam, Given: giv}
}

// crAbstractHeading matches the heading JATS abstracts open with.
var crAbstractHeading = regexp.MustCompile(`(?is)^\s*<(?:jats:)?title>\s*(?:abstract|summary)\s*</(?:jats:)?title>`)

// crAbstract returns a JATS or HTML abstract as plain text.
func crAbstract(s string) string {
	return jpCleanMarkup(crAbstractHeading.ReplaceAllString(s, ""))
}

// crReference turns a deposited reference into a Reference: the structured
// fields first, then what ParseReference finds in the unstructured text for
// the fields still empty.
func crReference(c crRef) Reference {
	ref := Reference{
		DOI:    NormalizeDOI(c.DOI.String()),
		Year:   ParseYear(c.Year.String()),
		Title:  jpCleanMarkup(c.ArticleTitle.String()),
		Venue:  jpCleanMarkup(c.JournalTitle.String()),
		Volume: c.Volume.String(),
		Pages:  c.FirstPage.String(),
	}
	if a := ParseName(c.Author.String()); a.Family != "" {
		ref.Authors = []Author{a}
	}
	// a book's own title is its volume-title; a chapter's book is its venue
	if vt := jpCleanMarkup(c.VolumeTitle.String()); vt != "" {
		switch {
		case ref.Title == "":
			ref.Title = vt
		case ref.Venue == "":
			ref.Venue = vt
		}
	}
	if ref.Venue == "" {
		ref.Venue = jpCleanMarkup(c.SeriesTitle.String())
	}
	ref.SetID("isbn", c.ISBN.String())
	ref.SetID("issn", c.ISSN.String())
	if u := CleanSpace(c.Unstructured.String()); u != "" {
		ref.Raw = u
		crFill(&ref, ParseReference(u))
	} else {
		ref.Raw = crRefText(ref)
	}
	if ref.Raw == "" {
		ref.Raw = c.Key.String()
	}
	return ref
}

// crFill fills the empty fields of ref from p.
func crFill(ref *Reference, p Reference) {
	if len(ref.Authors) == 0 {
		ref.Authors = p.Authors
	} else if len(p.Authors) > 1 && Fold(p.Authors[0].Family) == Fold(ref.Authors[0].Family) {
		// the full author list, whose first author the deposit names
		ref.Authors = p.Authors
	}
	if ref.Year == 0 {
		ref.Year = p.Year
	}
	if ref.Title == "" {
		ref.Title = p.Title
	}
	if ref.Venue == "" {
		ref.Venue = p.Venue
	}
	if ref.Volume == "" {
		ref.Volume = p.Volume
	}
	if ref.Pages == "" || strings.HasPrefix(p.Pages, ref.Pages+"-") || strings.HasPrefix(p.Pages, ref.Pages+"–") {
		// deposits give the first page only; the text may give the range
		ref.Pages = p.Pages
	}
	if ref.DOI == "" {
		ref.DOI = p.DOI
	}
	for k, v := range p.IDs {
		if _, ok := ref.IDs[k]; !ok {
			ref.SetID(k, v)
		}
	}
}

// crRefText writes a readable reference from structured fields, in the
// order of a Web of Science cited reference: "Smith, 2019, Nature, 12, 34,
// DOI 10.1038/x". The title stands in for a missing venue.
func crRefText(r Reference) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(r.Authors) > 0 {
		add(r.Authors[0].Family)
	}
	if r.Year != 0 {
		add(strconv.Itoa(r.Year))
	}
	if r.Venue != "" {
		add(r.Venue)
	} else {
		add(r.Title)
	}
	add(r.Volume)
	add(r.Pages)
	if r.DOI != "" {
		add("DOI " + r.DOI)
	}
	return strings.Join(parts, ", ")
}
