package html

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/model"
)

// ldWork is what a page's schema.org JSON-LD says of the work.
type ldWork struct {
	title, doi, venue, volume, issue, pages, abstract string
	year                                              int
	authors                                           []model.Author
	keywords                                          []string
	refs                                              []model.Reference
}

// ldTypes are the schema.org types of works.
var ldTypes = map[string]bool{"scholarlyarticle": true, "article": true, "book": true, "chapter": true,
	"medicalscholarlyarticle": true, "report": true, "thesis": true, "creativework": true, "techarticle": true,
	"publicationissue": false}

// jsonLD reads the first work described in the page's JSON-LD scripts.
func (p *page) jsonLD() ldWork {
	for _, s := range p.ldjson {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
			continue
		}
		if o := findWork(v, 0); o != nil {
			return readWork(o)
		}
	}
	return ldWork{}
}

// findWork returns the first object of a work type in v, looking into
// arrays, @graph and mainEntity.
func findWork(v any, depth int) map[string]any {
	if depth > 6 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findWork(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range ldStrings(x["@type"]) {
			if ldTypes[strings.ToLower(t)] {
				return x
			}
		}
		for _, k := range []string{"@graph", "mainEntity"} {
			if o := findWork(x[k], depth+1); o != nil {
				return o
			}
		}
	}
	return nil
}

// ldStrings returns v as a list of strings: a string, the strings of an
// array, or the "name" or "@value" of objects.
func ldStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case float64:
		return []string{strconv.FormatFloat(x, 'f', -1, 64)}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldStrings(e)...)
		}
		return out
	case map[string]any:
		for _, k := range []string{"name", "@value", "value"} {
			if s, ok := x[k].(string); ok {
				return []string{s}
			}
		}
	}
	return nil
}

// ldFirst returns the first string of one of keys in o.
func ldFirst(o map[string]any, keys ...string) string {
	for _, k := range keys {
		for _, s := range ldStrings(o[k]) {
			if s = cleanValue(s); s != "" {
				return s
			}
		}
	}
	return ""
}

// readWork reads one work object.
func readWork(o map[string]any) ldWork {
	w := ldWork{title: ldFirst(o, "headline", "name", "alternativeHeadline"),
		year:     model.ParseYear(ldFirst(o, "datePublished", "dateCreated", "copyrightYear")),
		abstract: ldFirst(o, "abstract", "description")}
	w.authors = ldAuthors(o["author"])
	if len(w.authors) == 0 {
		w.authors = ldAuthors(o["creator"])
	}
	for _, k := range []string{"identifier", "sameAs", "@id", "url"} {
		for _, s := range ldIdentifiers(o[k]) {
			if d := model.NormalizeDOI(s); d != "" && (strings.HasPrefix(strings.ToLower(s), "10.") ||
				strings.Contains(strings.ToLower(s), "doi")) {
				w.doi = d
				break
			}
		}
		if w.doi != "" {
			break
		}
	}
	// isPartOf chains issue, volume and periodical
	part, _ := o["isPartOf"].(map[string]any)
	for range 4 {
		if part == nil {
			break
		}
		types := strings.ToLower(strings.Join(ldStrings(part["@type"]), " "))
		switch {
		case strings.Contains(types, "issue"):
			w.issue = ldFirst(part, "issueNumber")
		case strings.Contains(types, "volume"):
			w.volume = ldFirst(part, "volumeNumber")
		default:
			if w.venue == "" {
				w.venue = ldFirst(part, "name")
			}
		}
		part, _ = part["isPartOf"].(map[string]any)
	}
	if w.volume == "" {
		w.volume = ldFirst(o, "volumeNumber")
	}
	if w.issue == "" {
		w.issue = ldFirst(o, "issueNumber")
	}
	if w.pages = pageRange(ldFirst(o, "pageStart"), ldFirst(o, "pageEnd")); w.pages == "" {
		w.pages = ldFirst(o, "pagination")
	}
	switch k := o["keywords"].(type) {
	case string:
		w.keywords = splitKeywords(k)
	case []any:
		for _, s := range ldStrings(k) {
			if s = strings.TrimSpace(s); s != "" {
				w.keywords = append(w.keywords, s)
			}
		}
	}
	for _, c := range ldList(o["citation"]) {
		switch x := c.(type) {
		case string:
			w.refs = append(w.refs, freetext.Parse(x))
		case map[string]any:
			sub := readWork(x)
			ref := model.Reference{Title: sub.title, Authors: sub.authors, Year: sub.year, Venue: sub.venue,
				Volume: sub.volume, Pages: sub.pages, DOI: sub.doi}
			var parts []string
			for _, a := range sub.authors {
				parts = append(parts, a.String())
			}
			ref.Raw = model.CleanSpace(strings.Join(parts, ", ") + " " + yearText(sub.year) + " " + sub.title + ". " + sub.venue)
			if ref.Raw != "" {
				w.refs = append(w.refs, ref)
			}
		}
	}
	return w
}

// ldList returns v as a list.
func ldList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// ldIdentifiers returns the identifier strings of v: strings, values of
// PropertyValue objects, @id.
func ldIdentifiers(v any) []string {
	var out []string
	for _, e := range ldList(v) {
		switch x := e.(type) {
		case string:
			out = append(out, x)
		case map[string]any:
			for _, k := range []string{"value", "@id", "url"} {
				if s, ok := x[k].(string); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// ldAuthors reads author objects (Person with name or givenName and
// familyName) or strings.
func ldAuthors(v any) []model.Author {
	var out []model.Author
	for _, e := range ldList(v) {
		switch x := e.(type) {
		case string:
			if x = model.CleanSpace(x); x != "" {
				out = append(out, model.ParseName(x))
			}
		case map[string]any:
			fam, giv := ldFirst(x, "familyName"), ldFirst(x, "givenName")
			switch {
			case fam != "":
				out = append(out, model.Author{Family: fam, Given: giv})
			case ldFirst(x, "name") != "":
				out = append(out, model.ParseName(ldFirst(x, "name")))
			}
		}
	}
	return out
}
